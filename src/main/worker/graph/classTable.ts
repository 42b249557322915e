import { TupleIds } from './tupleIds';

/** A class as DevTools' summary groups objects: a name, plus a source position for objects. */
export interface ClassInfo {
  name: string;
  /** Constructor position (script id, 0-based line and column) for `object` nodes that have one. */
  location?: { scriptId: number; line: number; column: number };
}

/**
 * Numbers classes densely. Two objects share a class when they share the name and, for
 * objects with a recorded constructor position, that position too (two classes named `Entry`
 * in two files stay apart, as in DevTools).
 */
export class ClassTable {
  readonly classes: ClassInfo[] = [];
  private readonly byName = new Map<string, number>();
  private readonly located = new TupleIds();
  private readonly locatedClass: number[] = [];

  /** Replays creating `classes` so ids come out as given; undefined when they do not (a corrupt list). */
  static replay(classes: ClassInfo[]): ClassTable | undefined {
    const table = new ClassTable();
    for (let id = 0; id < classes.length; id++) {
      const { name, location } = classes[id]!;
      const nameClass = table.byNameId(name);
      const rebuilt = location ? table.withLocation(nameClass, location.scriptId, location.line, location.column) : nameClass;
      if (rebuilt !== id) return undefined;
    }
    return table;
  }

  byNameId(name: string): number {
    let id = this.byName.get(name);
    if (id === undefined) {
      id = this.classes.length;
      this.classes.push({ name });
      this.byName.set(name, id);
    }
    return id;
  }

  withLocation(nameClass: number, scriptId: number, line: number, column: number): number {
    const tuple = this.located.idOf(nameClass, scriptId, line, column);
    if (tuple === this.locatedClass.length) {
      this.locatedClass.push(this.classes.length);
      this.classes.push({ name: this.classes[nameClass]!.name, location: { scriptId, line, column } });
    }
    return this.locatedClass[tuple]!;
  }
}
