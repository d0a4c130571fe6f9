/**
 * Opens a glossary file: TBX (`.tbx`, or any file starting with `<`) or CSV. The file is read
 * whole, so its size is limited.
 */
import { CrmKitError } from '../../errors';
import { readInputText, statInput, type NamedFile } from '../../fs/open-input';
import { parseCsvGlossary } from './csv';
import type { Glossary } from './model';
import { parseTbx } from './tbx';

/** Largest glossary read, in bytes. */
export const MAX_GLOSSARY_BYTES = 32 * 1024 * 1024;

export async function loadGlossary(file: NamedFile): Promise<Glossary> {
  const stats = await statInput(file);
  if (stats.size > MAX_GLOSSARY_BYTES) {
    throw new CrmKitError(
      'GLOSSARY_MALFORMED',
      `${file.name}: ${stats.size} bytes, more than the ${MAX_GLOSSARY_BYTES} a glossary may have`,
    );
  }
  const text = await readInputText(file);
  const isXml = /\.tbx$/i.test(file.name) || /^\uFEFF?\s*</.test(text);
  const glossary = isXml ? parseTbx(text, file.name) : parseCsvGlossary(text, file.name);
  if (glossary.concepts.length === 0) {
    throw new CrmKitError('GLOSSARY_MALFORMED', `${file.name}: no terms found`);
  }
  return glossary;
}
