/**
 * A growable list of 32-bit integers in one typed array (4 bytes each, where a JS array of numbers
 * takes 8): the columns of a large translation memory.
 */
export class IntList {
  private items: Int32Array;
  private used = 0;

  constructor(capacity = 1024) {
    this.items = new Int32Array(capacity);
  }

  get length(): number {
    return this.used;
  }

  push(value: number): void {
    if (this.used === this.items.length) {
      const grown = new Int32Array(Math.ceil(this.items.length * 1.5));
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.used++] = value;
  }

  get(i: number): number {
    return this.items[i]!;
  }

  set(i: number, value: number): void {
    this.items[i] = value;
  }

  /** A copy of the list in shared memory (SharedArrayBuffer), which other threads read without copies. */
  toShared(): Int32Array {
    const shared = new Int32Array(new SharedArrayBuffer(Math.max(this.used, 1) * 4));
    shared.set(this.items.subarray(0, this.used));
    return this.used === 0 ? shared.subarray(0, 0) : shared;
  }
}
