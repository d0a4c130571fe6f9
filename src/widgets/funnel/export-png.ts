/**
 * The funnel's picture as PNG, in the browser: the SVG (export-svg.ts) drawn onto a canvas. The
 * SVG goes in as a `data:` URL, since the pages' Content-Security-Policy allows images from
 * `'self'` and `data:` only (a `blob:` URL would be refused), and an SVG image from a data: URL
 * leaves the canvas readable. Drawn at twice the size, for sharp text on high-density screens.
 */
import type { FunnelPicture } from './export-svg';

/** SVG markup as a `data:` URL. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The picture as a PNG `data:` URL, `scale` times its size in pixels. */
export async function pngDataUrl(doc: Document, picture: FunnelPicture, scale = 2): Promise<string> {
  const image = doc.createElement('img');
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the funnel picture could not be drawn'));
    image.src = svgDataUrl(picture.svg);
  });
  const canvas = doc.createElement('canvas');
  canvas.width = Math.round(picture.width * scale);
  canvas.height = Math.round(picture.height * scale);
  const g = canvas.getContext('2d');
  if (g === null) throw new Error('this browser cannot draw on a canvas');
  g.scale(scale, scale);
  g.drawImage(image, 0, 0, picture.width, picture.height);
  return canvas.toDataURL('image/png');
}
