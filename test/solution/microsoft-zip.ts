import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';

const fixture = path.resolve(import.meta.dirname, '../fixtures/solution/microsoft-style');
const control = 'Controls/pblab_CustomControl.CustomRichTextField';

/** Entry order of Microsoft's build (see ../shared/spec/solution-zip.md). */
export const MICROSOFT_ORDER = [
  'customizations.xml',
  'solution.xml',
  `${control}/ControlManifest.xml`,
  `${control}/bundle.js`,
  `${control}/css/CustomRichTextField.css`,
  `${control}/strings/CustomRichTextField.1033.resx`,
  '[Content_Types].xml',
];

/** The fixture files zipped in Microsoft's order, with real times, as its tooling leaves them. */
export async function microsoftStyleZip(
  edit: (files: Map<string, Uint8Array>) => void = () => undefined,
): Promise<Uint8Array> {
  const files = new Map(MICROSOFT_ORDER.map((p) => [p, new Uint8Array(readFileSync(path.join(fixture, p)))]));
  edit(files);
  const zip = new JSZip();
  for (const [p, bytes] of files)
    zip.file(p, bytes, { date: new Date(Date.UTC(2024, 4, 17, 9, 30)), createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
