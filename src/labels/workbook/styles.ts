/**
 * The few cell styles of the workbook. Each is ONE shared object: exceljs's style manager
 * remembers a style object it has seen (WeakMap), so sharing them costs a lookup per cell instead
 * of serialising a style per cell, which halves the time of a 200,000-row export.
 */
import type { Style } from 'exceljs';

const top = { vertical: 'top', wrapText: true } as const;

export const headerStyle: Partial<Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
  alignment: top,
  protection: { locked: true },
};

/** Key and token cells: locked, grey, not wrapped (ids are not read by people). */
export const keyStyle: Partial<Style> = {
  font: { color: { argb: 'FF595959' } },
  alignment: { vertical: 'top' },
  protection: { locked: true },
};

/** Context and base text: locked, wrapped. */
export const readOnlyTextStyle: Partial<Style> = {
  alignment: top,
  protection: { locked: true },
};

/**
 * Number format "Text" (`@`): what a translator types stays the text typed. Without it Excel
 * turns "1/2" into a date, "00123" into 123 and "1e5" into 100000.
 */
const asText = '@';

/** A translation cell: the only cells a translator can edit. */
export const targetStyle: Partial<Style> = {
  numFmt: asText,
  alignment: top,
  protection: { locked: false },
};

/** A translation suggested from memory, to be reviewed: editable, light yellow. */
export const suggestionStyle: Partial<Style> = {
  numFmt: asText,
  alignment: top,
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } },
  protection: { locked: false },
};

const topRtl = { vertical: 'top', wrapText: true, readingOrder: 'rtl' } as const;

/** A translation cell of a right-to-left language (Arabic, Hebrew…). */
export const targetRtlStyle: Partial<Style> = {
  numFmt: asText,
  alignment: topRtl,
  protection: { locked: false },
};

/** A memory suggestion in a right-to-left language. */
export const suggestionRtlStyle: Partial<Style> = {
  numFmt: asText,
  alignment: topRtl,
  fill: suggestionStyle.fill!,
  protection: { locked: false },
};

/** The fill colour of suggestions, for tests and the translator guide. */
export const SUGGESTION_FILL_ARGB = 'FFFFF2CC';

/** The fill colour of machine translations, for tests and the translator guide (light blue). */
export const MACHINE_FILL_ARGB = 'FFDDEBF7';

/** A machine translation, to be reviewed: editable, light blue. */
export const machineStyle: Partial<Style> = {
  numFmt: asText,
  alignment: top,
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: MACHINE_FILL_ARGB } },
  protection: { locked: false },
};

/** A machine translation in a right-to-left language. */
export const machineRtlStyle: Partial<Style> = {
  numFmt: asText,
  alignment: topRtl,
  fill: machineStyle.fill!,
  protection: { locked: false },
};
