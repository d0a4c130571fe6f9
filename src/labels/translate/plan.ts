/**
 * Which texts go to the service: for each target language, the base texts of rows whose
 * translation is empty and that nothing else filled (memory, glossary). A person's text is never
 * replaced. Identical base texts are sent once; the answer fills every row that has it.
 */
import type { Lcid } from '../crm-xml/model';

export interface PlanRow {
  base: string;
  /** Target texts by language, '' when empty. */
  texts: ReadonlyMap<Lcid, string>;
}

/** One base text to translate into one language, and the rows it fills. */
export interface Job {
  base: string;
  rows: number[];
}

export interface Plan {
  /** Jobs by target language, in order of first appearance. */
  jobs: ReadonlyMap<Lcid, readonly Job[]>;
}

/**
 * `filled(row, lcid)` says a cell is taken care of already (memory, glossary). Rows are numbered
 * by their position in `rows`.
 */
export function planTranslations(
  rows: readonly PlanRow[],
  languages: readonly Lcid[],
  filled: (row: number, lcid: Lcid) => boolean = () => false,
): Plan {
  const jobs = new Map<Lcid, Job[]>();
  for (const lcid of languages) {
    const byBase = new Map<string, Job>();
    rows.forEach((row, i) => {
      if (row.base.trim() === '' || (row.texts.get(lcid) ?? '') !== '' || filled(i, lcid)) return;
      const job = byBase.get(row.base);
      if (job === undefined) byBase.set(row.base, { base: row.base, rows: [i] });
      else job.rows.push(i);
    });
    jobs.set(lcid, [...byBase.values()]);
  }
  return { jobs };
}

/** Characters that would be sent, by language (Unicode code points, as the services bill them). */
export function charactersToSend(plan: Plan): Map<Lcid, number> {
  return new Map(
    [...plan.jobs].map(([lcid, jobs]) => [lcid, jobs.reduce((n, job) => n + job.base.length, 0)]),
  );
}
