/**
 * Writes a translation memory as TMX 1.4: one `<tu>` per base text, a `<tuv>` for the base
 * language and one per translation, each translation carrying where it came from in a
 * `<prop type="x-crmkit-source">`. Produced as chunks so a large memory streams to disk.
 */
import { xmlEscaper } from '../../xml/escape';
import { tagOfLcid } from './languages';
import type { MemoryUnit } from './memory';

export interface TmxWriteOptions {
  baseLcid: number;
  /** Creation time, `YYYYMMDDThhmmssZ` in the header. */
  createdAt: Date;
  toolVersion: string;
}

/** Escapes text for element content and attribute values; CR and TAB survive as references. */
const escapeTmx = xmlEscaper('&<>"\r\t');

function tmxDate(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function* tmxChunks(units: Iterable<MemoryUnit>, options: TmxWriteOptions): Generator<string> {
  const srclang = tagOfLcid(options.baseLcid);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n';
  yield `  <header creationtool="crmkit" creationtoolversion="${escapeTmx(options.toolVersion)}" segtype="block" o-tmf="CrmTranslations" adminlang="en-US" srclang="${srclang}" datatype="plaintext" creationdate="${tmxDate(options.createdAt)}"/>\n  <body>\n`;
  for (const unit of units) {
    if (unit.translations.size === 0) continue;
    const parts = [
      `    <tu srclang="${tagOfLcid(unit.baseLcid)}">\n`,
      `      <tuv xml:lang="${tagOfLcid(unit.baseLcid)}"><seg>${escapeTmx(unit.base)}</seg></tuv>\n`,
    ];
    for (const [lcid, match] of unit.translations) {
      parts.push(
        `      <tuv xml:lang="${tagOfLcid(lcid)}"><prop type="x-crmkit-source">${escapeTmx(match.source)}</prop><seg>${escapeTmx(match.text)}</seg></tuv>\n`,
      );
    }
    parts.push('    </tu>\n');
    yield parts.join('');
  }
  yield '  </body>\n</tmx>\n';
}
