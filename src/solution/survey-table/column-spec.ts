/** How one column of the survey response table is described in customizations.xml. */
import type { LabelKey } from './labels';

export type ColumnType =
  | 'primarykey'
  | 'uniqueidentifier'
  | 'nvarchar'
  | 'ntext'
  | 'int'
  | 'datetime'
  | 'lookup'
  | 'owner'
  | 'partylist'
  | 'picklist'
  | 'bit'
  | 'state'
  | 'status';

export interface Choice {
  value: number;
  label: LabelKey;
  /** A status's state (statuses only). */
  state?: number;
  /** A state's default status and invariant name (states only). */
  defaultStatus?: number;
  invariant?: string;
}

/** A choice list kept inside its column (`<optionset Name>`), named after table and column. */
export interface LocalOptions {
  kind: 'picklist' | 'bit' | 'state' | 'status';
  items: readonly Choice[];
}

export interface ColumnSpec {
  /** The schema (physical) name: `Subject`, `cnt_nps`. */
  physical: string;
  type: ColumnType;
  label: LabelKey;
  description: LabelKey;
  required: 'none' | 'systemrequired' | 'recommended';
  /** DisplayMask; absent for columns real exports write without one. */
  mask?: string;
  ime: 'auto' | 'disabled' | 'inactive';
  /** Valid for create, read, update: any of `c`, `r`, `u`. */
  api: string;
  audit: boolean;
  /** IsLogical (party lists, owning team and user). */
  logical?: boolean;
  custom?: boolean;
  /** IntroducedVersion; custom columns take the solution's version. */
  introduced?: string;
  format?: string;
  maxLength?: number;
  length?: number;
  min?: number;
  max?: number;
  /** Date and time columns: user-local behaviour, not changeable. */
  dateBehavior?: boolean;
  lookupStyle?: 'single' | 'multi';
  lookupTypes?: readonly number[];
  appDefault?: number;
  /** A global (system) option set the column uses. */
  optionSetName?: string;
  options?: LocalOptions;
}

export const ADVANCED_FORM_GRID = 'ValidForAdvancedFind|ValidForForm|ValidForGrid';

/**
 * A column with the settings most share (optional, on forms, grids and advanced find, audited,
 * valid for create, read and update); its texts are `col.<key>` and `col.<key>.desc`.
 */
export function columnSpec(
  physical: string,
  key: string,
  type: ColumnType,
  extra: Partial<ColumnSpec> = {},
): ColumnSpec {
  return {
    physical,
    type,
    label: `col.${key}` as LabelKey,
    description: `col.${key}.desc` as LabelKey,
    required: 'none',
    mask: ADVANCED_FORM_GRID,
    ime: 'auto',
    api: 'cru',
    audit: true,
    ...extra,
  };
}
