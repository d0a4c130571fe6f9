/**
 * Coverage per language and per component kind, accumulated one label at a time.
 * Total counts the rows of "Localized Labels" plus "Display Strings"; a label is translated in a
 * language when its text there is not blank.
 */
import type { Lcid } from '../crm-xml/model';

export interface LanguageCoverage {
  lcid: Lcid;
  /** True for the file's base language. */
  base: boolean;
  total: number;
  translated: number;
  /** translated / total × 100, one decimal; 100 for an empty file. */
  percent: number;
}

export interface KindCoverage {
  /** Component kind as `describeLabel` names it (table, column, choice, form, view, ribbon, message…). */
  kind: string;
  total: number;
  translated: { lcid: Lcid; count: number }[];
}

export interface CoverageStats {
  baseLcid: Lcid;
  languages: LanguageCoverage[];
  kinds: KindCoverage[];
}

export interface StatsCounter {
  /** One label: its component kind, base text and texts by language (a base entry is ignored). */
  add(kind: string, base: string, texts: ReadonlyMap<Lcid, string>): void;
  /** Makes sure these languages are listed even if no label carried them. */
  include(lcids: readonly Lcid[]): void;
  readonly rows: number;
  result(): CoverageStats;
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.floor((part / whole) * 1000) / 10;
}

/**
 * `languages`: the targets in the order to report them (the base language comes first). A language
 * met later in a label is appended: earlier labels had no text in it, so they count as untranslated.
 */
export function createStatsCounter(baseLcid: Lcid, languages: readonly Lcid[]): StatsCounter {
  const order = [baseLcid, ...languages.filter((l) => l !== baseLcid)];
  const translated = order.map(() => 0);
  const kinds = new Map<string, { total: number; translated: number[] }>();
  let rows = 0;

  return {
    get rows() {
      return rows;
    },
    include(lcids) {
      for (const lcid of lcids) {
        if (order.includes(lcid)) continue;
        order.push(lcid);
        translated.push(0);
        for (const k of kinds.values()) k.translated.push(0);
      }
    },
    add(kind, base, texts) {
      rows += 1;
      for (const lcid of texts.keys()) if (!order.includes(lcid)) this.include([lcid]);
      let k = kinds.get(kind);
      if (k === undefined) {
        k = { total: 0, translated: order.map(() => 0) };
        kinds.set(kind, k);
      }
      k.total += 1;
      for (let i = 0; i < order.length; i++) {
        const text = i === 0 ? base : (texts.get(order[i]!) ?? '');
        if (text.trim() === '') continue;
        translated[i] = (translated[i] ?? 0) + 1;
        k.translated[i] = (k.translated[i] ?? 0) + 1;
      }
    },
    result() {
      return {
        baseLcid,
        languages: order.map((lcid, i) => ({
          lcid,
          base: lcid === baseLcid,
          total: rows,
          translated: translated[i] ?? 0,
          percent: percent(translated[i] ?? 0, rows),
        })),
        kinds: [...kinds]
          .sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))
          .map(([kind, k]) => ({
            kind,
            total: k.total,
            translated: order.map((lcid, i) => ({ lcid, count: k.translated[i] ?? 0 })),
          })),
      };
    },
  };
}
