/**
 * A worker's result that outlives it, copied into memory this thread allocates.
 *
 * A worker's shared memory (SharedArrayBuffer) comes from the C allocator's arena of that worker's
 * thread, and is made last, when the worker packs its result: on top of everything it freed. While
 * it lives, glibc cannot give that arena's freed memory back to the system, so the process keeps a
 * dead worker's whole peak. A 1,000,000-label `export --memory` kept 40–80 MB that way through the
 * export (297–333 MB peak; with the results copied here, 245–270 MB). The copy costs a memcpy.
 */

/** `value` with every typed array over shared memory copied into new shared memory; the rest as is. */
export function ownCopy<T>(value: T): T {
  return copyValue(value) as T;
}

function copyValue(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return value.buffer instanceof SharedArrayBuffer ? copyView(value) : value;
  if (Array.isArray(value)) return value.map(copyValue);
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = copyValue(item);
    return copy;
  }
  return value;
}

type ViewType = new (buffer: SharedArrayBuffer) => ArrayBufferView;

/** A view of the same type over a copy of its bytes (a Buffer comes back as a Buffer). */
function copyView(view: ArrayBufferView): ArrayBufferView {
  const buffer = new SharedArrayBuffer(view.byteLength);
  new Uint8Array(buffer).set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  if (Buffer.isBuffer(view)) return Buffer.from(buffer);
  return new (view.constructor as ViewType)(buffer);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
