type TypedArrayConstructor<T> = { new (buffer: SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number };

/**
 * A zero-filled typed array in shared memory, so a helper thread can fill or read it in place.
 * Reading and writing it costs the same as an ordinary array.
 */
export function sharedArray<T>(type: TypedArrayConstructor<T>, length: number): T {
  return new type(new SharedArrayBuffer(length * type.BYTES_PER_ELEMENT));
}
