import { describe, expect, it } from 'vitest';
import { ownCopy } from '../../src/labels/own-copy';

/* A worker's result copied into this thread's memory: same values and shapes, shared arrays in
   new shared memory of their own (the worker's can then be freed), everything else untouched. */

type SharedType<T> = { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number };

function shared<T extends Int32Array | Uint8Array>(Type: SharedType<T>, values: number[]): T {
  const array = new Type(new SharedArrayBuffer(values.length * Type.BYTES_PER_ELEMENT));
  array.set(values);
  return array;
}

/** A result as a layer's worker hands it back: shared arrays among plain data. */
const layerResult = () => ({
  baseLcid: 1033,
  texts: {
    narrow: [shared(Uint8Array, [72, 105]), shared(Uint8Array, [])],
    wide: [shared(Uint8Array, [0x1f, 0x04])],
  },
  entries: shared(Int32Array, [-5, 0, 2 ** 31 - 1]),
  slots: new Int32Array([1, 2, 3]),
  sources: ['this file', 'past.zip'],
  bits: [[1049, 0] as [number, number]],
  none: undefined,
});

describe('ownCopy', () => {
  it('gives the same values in the same shape', () => {
    const original = layerResult();
    const copy = ownCopy(original);
    expect(copy).toEqual(original);
    expect(copy.entries).toBeInstanceOf(Int32Array);
    expect(copy.texts.narrow[0]).toBeInstanceOf(Uint8Array);
    expect(Object.keys(copy)).toEqual(Object.keys(original));
  });

  it("puts each shared array in new shared memory, so changing the worker's leaves the copy as it was", () => {
    const original = layerResult();
    const copy = ownCopy(original);
    expect(copy.entries.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(copy.entries.buffer).not.toBe(original.entries.buffer);
    expect(copy.texts.wide[0]!.buffer).not.toBe(original.texts.wide[0]!.buffer);
    original.entries[0] = 99;
    original.texts.wide[0]![0] = 0;
    expect([...copy.entries]).toEqual([-5, 0, 2 ** 31 - 1]);
    expect([...copy.texts.wide[0]!]).toEqual([0x1f, 0x04]);
  });

  it('copies only the viewed bytes of a shared array that is a window on a larger buffer', () => {
    const whole = shared(Int32Array, [1, 2, 3, 4, 5]);
    const copy = ownCopy({ part: whole.subarray(1, 3) });
    expect([...copy.part]).toEqual([2, 3]);
    expect(copy.part.buffer.byteLength).toBe(8);
  });

  it('keeps a Buffer a Buffer', () => {
    const copy = ownCopy({ bytes: Buffer.from(new SharedArrayBuffer(3)).fill(7) });
    expect(Buffer.isBuffer(copy.bytes)).toBe(true);
    expect([...copy.bytes]).toEqual([7, 7, 7]);
  });

  it('leaves arrays over ordinary memory, strings, numbers and class instances as they are', () => {
    const map = new Map([[1, 'a']]);
    const original = layerResult();
    const copy = ownCopy(original);
    expect(copy.slots).toBe(original.slots);
    expect(ownCopy({ map }).map).toBe(map);
    expect(ownCopy('text')).toBe('text');
    expect(ownCopy(7)).toBe(7);
    expect(ownCopy(null)).toBe(null);
  });
});
