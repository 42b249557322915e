import { ClassTable } from './classTable';
import { DOM_DETACHED } from './domState';
import type { HeapGraph } from './heapGraph';
import { InterfaceMatcher } from './interfaceMatcher';
import { inferInterfaceDefinitions, isPlainObject, type InterfaceDefinition } from './interfaceDefinitions';
import type { KnownStrings } from './knownStrings';
import { PropertyNames } from './propertyNames';
import type { ScratchBuffers } from './scratchBuffers';

export interface ClassAssignment {
  table: ClassTable;
  /** Class id of every node. */
  classIds: Uint32Array;
  interfaces: InterfaceDefinition[];
}

/** DevTools' class name for an object or native node's name: `<div id="a">` becomes `<div>`. */
export function shortenElementName(name: string): string {
  if (name.startsWith('<')) {
    const space = name.indexOf(' ');
    return space === -1 ? name : name.substring(0, space) + '>';
  }
  if (name.startsWith('Detached <')) {
    const space = name.indexOf(' ', 10);
    return space === -1 ? name : name.substring(0, space) + '>';
  }
  return name;
}

/** The class name DevTools uses for nodes of a type whose class does not depend on the name. */
function classNameOfType(typeName: string): string {
  switch (typeName) {
    case 'hidden':
      return '(system)';
    case 'code':
      return '(compiled code)';
    case 'closure':
      return 'Function';
    case 'regexp':
      return 'RegExp';
    default:
      return `(${typeName})`;
  }
}

/**
 * Gives every node its summary class, following DevTools: by type for most nodes, by (shortened)
 * name for objects and native objects, "Detached " for detached DOM, `{a, b}` shapes for plain
 * objects, and the constructor position for objects that have one.
 */
export function assignClasses(graph: HeapGraph, known: KnownStrings, scratch: ScratchBuffers): ClassAssignment {
  const { nodeCount, nodeTypes, nodeNames, detachedness, strings, types, locations } = graph;
  const table = new ClassTable();
  const classIds = scratch.take().subarray(0, nodeCount);
  const typeClass = graph.nodeTypeNames.map((name) => table.byNameId(classNameOfType(name)));
  const nameClass = new Int32Array(strings.count).fill(-1);
  const detachedNameClass = new Map<number, number>();
  const names = new PropertyNames(strings);
  const interfaces = inferInterfaceDefinitions(graph, known, names);
  const matcher = interfaces.length ? new InterfaceMatcher(interfaces, graph, names) : undefined;
  const interfaceClass = interfaces.map((definition) => table.byNameId(definition.name));

  const classOfName = (nameIndex: number, detached: boolean): number => {
    if (detached) {
      let id = detachedNameClass.get(nameIndex);
      if (id === undefined) {
        id = table.byNameId(shortenElementName(`Detached ${strings.get(nameIndex)}`));
        detachedNameClass.set(nameIndex, id);
      }
      return id;
    }
    let id = nameClass[nameIndex]!;
    if (id < 0) {
      id = table.byNameId(shortenElementName(strings.get(nameIndex)));
      nameClass[nameIndex] = id;
    }
    return id;
  };

  let nextLocation = 0;
  for (let ordinal = 0; ordinal < nodeCount; ordinal++) {
    const type = nodeTypes[ordinal]!;
    if (type !== types.object && type !== types.native) {
      classIds[ordinal] = typeClass[type]!;
      continue;
    }
    let id: number;
    const definition = matcher && isPlainObject(graph, known, ordinal) ? matcher.match(ordinal) : -1;
    if (definition >= 0) {
      id = interfaceClass[definition]!;
    } else {
      const detached = type === types.native && detachedness !== null && detachedness[ordinal] === DOM_DETACHED;
      id = classOfName(nodeNames[ordinal]!, detached);
    }
    if (type === types.object) {
      while (nextLocation < locations.count && locations.ordinals[nextLocation]! < ordinal) nextLocation++;
      if (nextLocation < locations.count && locations.ordinals[nextLocation] === ordinal) {
        id = table.withLocation(id, locations.scriptIds[nextLocation]!, locations.lines[nextLocation]!, locations.columns[nextLocation]!);
      }
    }
    classIds[ordinal] = id;
  }
  return { table, classIds, interfaces };
}
