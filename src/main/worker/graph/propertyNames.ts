import type { StringStore } from '../parse/stringStore';

/** Decoded property names, cached per string index (objects share few distinct names). */
export class PropertyNames {
  private readonly decoded = new Map<number, string>();
  private readonly formatted = new Map<number, string>();

  constructor(private readonly strings: StringStore) {}

  get(index: number): string {
    let name = this.decoded.get(index);
    if (name === undefined) {
      name = this.strings.get(index);
      this.decoded.set(index, name);
    }
    return name;
  }

  /** The name as DevTools prints it in `{a, b}`: quoted when it holds , ' " { or }. */
  format(index: number): string {
    let name = this.formatted.get(index);
    if (name === undefined) {
      name = formatPropertyName(this.get(index));
      this.formatted.set(index, name);
    }
    return name;
  }
}

export function formatPropertyName(name: string): string {
  if (!/[,'"{}]/.test(name)) return name;
  const json = JSON.stringify({ [name]: 0 });
  return json.substring(1, json.length - 3);
}
