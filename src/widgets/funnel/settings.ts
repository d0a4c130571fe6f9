/**
 * The settings of a funnel over a paged dataset, from the raw values of its host's input
 * properties (the SalesFunnel control's `mode`, `metric`, `stageOrder`, `maxRecords`): anything
 * unknown or empty falls back to the default.
 */
import type { FunnelMetric, FunnelMode } from './types';

/** The most records read when `maxRecords` is not set. */
export const DEFAULT_MAX_RECORDS = 50_000;

export interface FunnelSettings {
  /** The most records read (maxRecords). */
  max: number;
  mode: FunnelMode;
  metric: FunnelMetric;
  /** Stage labels or choice values separated by commas or new lines ('' when not set). */
  stageOrder: string;
}

/** The raw input values (null or absent when the host gives none). */
export interface RawFunnelSettings {
  maxRecords?: number | null;
  mode?: string | null;
  metric?: string | null;
  stageOrder?: string | null;
}

export function funnelSettings(raw: RawFunnelSettings): FunnelSettings {
  const max = raw.maxRecords;
  return {
    max: typeof max === 'number' && Number.isFinite(max) && max > 0 ? Math.floor(max) : DEFAULT_MAX_RECORDS,
    mode: raw.mode === 'reached' ? 'reached' : 'snapshot',
    metric: raw.metric === 'amount' ? 'amount' : 'count',
    stageOrder: raw.stageOrder ?? '',
  };
}
