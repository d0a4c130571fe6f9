/**
 * XLIFF 1.2 / 2.0 for CAT tools: the pure writer (`writeXliff`, or `xliffHead` + `xliffUnit` +
 * `xliffTail` to stream) and reader (`readXliff`), with the label key in each unit's name.
 */
export { readXliff, type ReadXliffResult } from './read';
export { writeXliff, xliffHead, xliffTail, xliffUnit } from './write';
export { keyOfUnitName, unitName } from './key';
export type {
  LabelKeyParts,
  ReadXliffHeader,
  ReadXliffUnit,
  ReviewQualifier,
  UnitState,
  XliffFileInfo,
  XliffUnit,
  XliffVersion,
} from './types';
