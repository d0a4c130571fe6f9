/**
 * XLIFF for CAT tools (Trados, memoQ, Phrase, Crowdin, Weblate, OmegaT): one file per target
 * language, one unit per label, the Dynamics key in `resname` (1.2) / `name` (2.0). These are the
 * shapes the pure writer takes and the reader gives back; no I/O.
 */
import type { Label, Lcid } from '../crm-xml/model';

export type XliffVersion = '1.2' | '2.0';

/** The identity of a label (its sheet, entity, object id and column). */
export type LabelKeyParts = Pick<Label, 'sheet' | 'entity' | 'objectId' | 'column'>;

/** What ties an XLIFF file to the translations file it was exported from. */
export interface XliffFileInfo {
  version: XliffVersion;
  /** File name the XLIFF was exported from (`original`). */
  sourceName: string;
  /** SHA-256 (hex) of the source CrmTranslations.xml bytes, as the workbook's meta sheet has it. */
  fingerprint: string;
  solutionName: string;
  baseLcid: Lcid;
  targetLcid: Lcid;
}

/**
 * Where a unit stands: `untranslated` (no target), `translated` (a person's text, as Dynamics has
 * it), `needs-review` (a suggestion: from memory, this file, or machine translation).
 */
export type UnitState = 'untranslated' | 'translated' | 'needs-review';

/** Why a `needs-review` target is there: XLIFF 1.2 `state-qualifier` values. */
export type ReviewQualifier = 'leveraged-tm' | 'mt-suggestion';

/** One label as a unit to write. */
export interface XliffUnit {
  key: LabelKeyParts;
  source: string;
  /** The target text; undefined or '' writes no target. */
  target: string | undefined;
  state: UnitState;
  /** With `needs-review`: why (default `leveraged-tm`). */
  qualifier?: ReviewQualifier;
  /** Context for the translator, one note each. */
  notes: readonly string[];
}

/** A unit read back, with what a CAT tool may have set. */
export interface ReadXliffUnit {
  /** `id` as written in the file. */
  id: string;
  /** The label key from `resname` / `name`; undefined when it is missing or not a crmkit key. */
  key: LabelKeyParts | undefined;
  /** Source text with its placeholders restored. */
  source: string;
  /** Target text with its placeholders restored (by the source's placeholder of the same id); undefined without a target. */
  target: string | undefined;
  /** `state` of the target (1.2) or segment (2.0), as written. */
  state: string | undefined;
  /** `state-qualifier` (1.2) or `subState` (2.0). */
  qualifier: string | undefined;
  /** `approved="yes"` (1.2 only). */
  approved: boolean;
  notes: string[];
  /** 1-based line of the unit's start tag. */
  line: number;
  /** Placeholders of the target that were dropped, renumbered or added, in words. */
  placeholderProblems: string[];
}

/** The header read back; languages as LCIDs (undefined when a tag names no known language). */
export interface ReadXliffHeader {
  version: XliffVersion;
  sourceName: string;
  fingerprint: string;
  solutionName: string;
  sourceLanguage: string;
  targetLanguage: string;
  baseLcid: Lcid | undefined;
  targetLcid: Lcid | undefined;
}

/** Every label is at most this long in Dynamics: written as `maxwidth` in characters. */
export const XLIFF_MAX_WIDTH = 500;

export const XLIFF_12_NS = 'urn:oasis:names:tc:xliff:document:1.2';
export const XLIFF_20_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const XLIFF_MDA_NS = 'urn:oasis:names:tc:xliff:metadata:2.0';
