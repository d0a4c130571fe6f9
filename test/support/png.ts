/**
 * Checking a PNG a test downloaded: its header read here (signature, IHDR size), its pixels read
 * by the browser itself (the file drawn onto a canvas), so the image is proved to decode.
 */
import type { Page } from 'playwright-core';

const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The width and height in the IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error('not a PNG: wrong signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (new TextDecoder().decode(bytes.subarray(12, 16)) !== 'IHDR')
    throw new Error('not a PNG: no IHDR first');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export type Rgba = [number, number, number, number];

export interface PngReading {
  /** The colour at each point asked for. */
  pixels: Rgba[];
  /** How many pixels of the rectangle asked for are dark (text). */
  dark: number;
}

/** Reads the PNG in the browser: colours at `points`, dark pixels in `rect`. */
export async function readPng(
  page: Page,
  bytes: Uint8Array,
  points: [number, number][],
  rect: { x: number; y: number; width: number; height: number },
): Promise<PngReading> {
  const url = `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;
  return page.evaluate(
    async ({ url, points, rect }) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const g = canvas.getContext('2d')!;
      g.drawImage(image, 0, 0);
      const pixels = points.map(([x, y]) => Array.from(g.getImageData(x, y, 1, 1).data) as Rgba);
      const data = g.getImageData(rect.x, rect.y, rect.width, rect.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 200) dark++;
      return { pixels, dark };
    },
    { url, points, rect },
  );
}
