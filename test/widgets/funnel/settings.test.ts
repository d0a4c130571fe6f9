import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_RECORDS, funnelSettings } from '../../../src/widgets/funnel/settings';

describe('funnel settings from the raw input values', () => {
  it('keeps the values the control knows', () => {
    expect(
      funnelSettings({ maxRecords: 7_000, mode: 'reached', metric: 'amount', stageOrder: 'Close, Qualify' }),
    ).toEqual({ max: 7_000, mode: 'reached', metric: 'amount', stageOrder: 'Close, Qualify' });
  });

  it('falls back to snapshot, count, no order and the default cap when the host gives nothing', () => {
    expect(funnelSettings({})).toEqual({
      max: DEFAULT_MAX_RECORDS,
      mode: 'snapshot',
      metric: 'count',
      stageOrder: '',
    });
    expect(funnelSettings({ maxRecords: null, mode: null, metric: null, stageOrder: null })).toEqual(
      funnelSettings({}),
    );
  });

  it('reads an unknown mode or metric as the default', () => {
    expect(funnelSettings({ mode: 'Reached', metric: 'sum' })).toMatchObject({
      mode: 'snapshot',
      metric: 'count',
    });
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])('uses the default cap for maxRecords %s', (max) => {
    expect(funnelSettings({ maxRecords: max }).max).toBe(DEFAULT_MAX_RECORDS);
  });

  it('rounds a fractional cap down', () => {
    expect(funnelSettings({ maxRecords: 7_000.9 }).max).toBe(7_000);
  });
});
