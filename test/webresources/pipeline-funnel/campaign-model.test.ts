import { describe, expect, it } from 'vitest';
import {
  campaignFunnel,
  type CampaignCounts,
  type CampaignStage,
} from '../../../src/webresources/pipeline-funnel/campaign-model';

const labels: Record<CampaignStage, string> = {
  responses: 'Responses',
  leads: 'Leads',
  qualified: 'Qualified leads',
  opportunities: 'Opportunities',
  won: 'Won',
};
const none: CampaignCounts = { responses: 0, leads: 0, qualified: 0, opportunities: 0, won: 0 };

describe('the campaign funnel model', () => {
  it('draws a campaign with no leads as zero stages: no records, no conversion, no division by zero, no negative drop-off', () => {
    const funnel = campaignFunnel(none, labels, false);
    expect(funnel.stages.map((s) => s.key)).toEqual(['leads', 'qualified', 'opportunities', 'won']);
    expect(funnel.records).toBe(0);
    expect(funnel.overallConversion).toBeNull();
    for (const s of funnel.stages) {
      expect(s.count).toBe(0);
      expect(s.ofFirst).toBeNull();
      expect(s.ofPrevious).toBeNull();
      expect(s.dropOff === null || s.dropOff === 0).toBe(true);
      expect(s.gain === null || s.gain === 0).toBe(true);
    }
  });

  it('counts each stage on its own: conversion and drop-off from stage to stage, overall won ÷ the first stage', () => {
    const counts: CampaignCounts = { responses: 0, leads: 1000, qualified: 350, opportunities: 300, won: 90 };
    const funnel = campaignFunnel(counts, labels, false);
    expect(funnel.stages.map((s) => [s.label, s.count, s.ofPrevious, s.dropOff])).toEqual([
      ['Leads', 1000, null, null],
      ['Qualified leads', 350, 0.35, 650],
      ['Opportunities', 300, 300 / 350, 50],
      ['Won', 90, 0.3, 210],
    ]);
    expect(funnel.records).toBe(1000);
    expect(funnel.unstaged).toBe(0);
    expect(funnel.overallConversion).toBe(0.09);
    expect(funnel.mode).toBe('reached');
  });

  it('puts responses first where the campaign uses them, and says when there are more leads than responses without a negative drop-off', () => {
    const funnel = campaignFunnel({ ...none, responses: 80, leads: 100, qualified: 40 }, labels, true);
    expect(funnel.stages.map((s) => s.key)).toEqual([
      'responses',
      'leads',
      'qualified',
      'opportunities',
      'won',
    ]);
    const leads = funnel.stages[1]!;
    expect(leads.ofPrevious).toBe(1.25);
    expect(leads.dropOff).toBe(0);
    expect(leads.gain).toBe(20);
    expect(funnel.records).toBe(80);
  });

  it('keeps the responses stage at zero when only the other period has responses, the base being the first stage with records', () => {
    const funnel = campaignFunnel({ ...none, leads: 10, qualified: 5, won: 1 }, labels, true);
    expect(funnel.stages[0]).toMatchObject({ key: 'responses', count: 0, ofFirst: 0, ofPrevious: null });
    expect(funnel.records).toBe(10);
    expect(funnel.overallConversion).toBe(0.1);
  });
});
