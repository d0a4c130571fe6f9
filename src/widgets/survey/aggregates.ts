/**
 * Scores over any number of responses (one record's document in the control, many records'
 * documents in the dashboard): CSAT average, NPS, counts per answer, channel and respondent.
 */
import { csatQuestion, npsQuestion, type Question, type SurveyDefinition } from './definition';
import { latestResponse, type SurveyDocument, type SurveyResponse } from './document';
import type { JsonValue } from './json';

export interface NpsBreakdown {
  promoters: number;
  passives: number;
  detractors: number;
  /** Responses with an NPS answer (the denominator). */
  answered: number;
  /** % promoters − % detractors, rounded to a whole number; null when nobody answered. */
  score: number | null;
}

export interface QuestionCounts {
  answered: number;
  unrated: number;
  /** Answer (as text: "4", "true", an option id) → number of responses. */
  counts: Map<string, number>;
}

export interface RespondentStats {
  count: number;
  csatAverage: number | null;
}

export interface SurveyAggregates {
  responseCount: number;
  csat: { average: number | null; answered: number };
  nps: NpsBreakdown;
  perQuestion: Map<string, QuestionCounts>;
  perChannel: Map<string, number>;
  perRespondent: Map<string, RespondentStats>;
  last: SurveyResponse | undefined;
}

/** The answer when it is a valid one for the question's type, else undefined ("not rated"). */
export function validAnswer(
  question: Question,
  value: JsonValue | undefined,
): number | boolean | string | undefined {
  switch (question.type) {
    case 'stars':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5
        ? value
        : undefined;
    case 'nps':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10
        ? value
        : undefined;
    case 'yesno':
      return typeof value === 'boolean' ? value : undefined;
    case 'choice':
      return typeof value === 'string' && question.options.some((o) => o.id === value) ? value : undefined;
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  }
}

export type NpsCategory = 'promoter' | 'passive' | 'detractor';

export function npsCategory(rating: number): NpsCategory {
  if (rating >= 9) return 'promoter';
  return rating >= 7 ? 'passive' : 'detractor';
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export function aggregate(
  responses: Iterable<SurveyResponse>,
  definition: SurveyDefinition,
): SurveyAggregates {
  const csatQ = csatQuestion(definition);
  const npsQ = npsQuestion(definition);
  const perQuestion = new Map<string, QuestionCounts>(
    definition.questions.map((q) => [q.id, { answered: 0, unrated: 0, counts: new Map() }]),
  );
  const perChannel = new Map<string, number>();
  const respondentSums = new Map<string, { count: number; sum: number; rated: number }>();
  const nps: NpsBreakdown = { promoters: 0, passives: 0, detractors: 0, answered: 0, score: null };
  let csatSum = 0;
  let csatAnswered = 0;
  let responseCount = 0;
  const all: SurveyResponse[] = [];

  for (const r of responses) {
    responseCount++;
    all.push(r);
    increment(perChannel, r.channel);
    const who = respondentSums.get(r.respondent) ?? { count: 0, sum: 0, rated: 0 };
    who.count++;
    respondentSums.set(r.respondent, who);
    for (const q of definition.questions) {
      const counts = perQuestion.get(q.id)!;
      const answer = validAnswer(q, r.answers[q.id]);
      if (answer === undefined) {
        counts.unrated++;
        continue;
      }
      counts.answered++;
      increment(counts.counts, String(answer));
      if (q === csatQ && typeof answer === 'number') {
        csatSum += answer;
        csatAnswered++;
        who.sum += answer;
        who.rated++;
      }
      if (q === npsQ && typeof answer === 'number') {
        nps.answered++;
        const category = npsCategory(answer);
        if (category === 'promoter') nps.promoters++;
        else if (category === 'passive') nps.passives++;
        else nps.detractors++;
      }
    }
  }
  if (nps.answered > 0) {
    // + 0 turns a -0 from Math.round into 0.
    nps.score = Math.round((100 * (nps.promoters - nps.detractors)) / nps.answered) + 0;
  }
  const perRespondent = new Map<string, RespondentStats>();
  for (const [name, s] of respondentSums) {
    perRespondent.set(name, { count: s.count, csatAverage: s.rated === 0 ? null : s.sum / s.rated });
  }
  return {
    responseCount,
    csat: { average: csatAnswered === 0 ? null : csatSum / csatAnswered, answered: csatAnswered },
    nps,
    perQuestion,
    perChannel,
    perRespondent,
    last: latestResponse(all),
  };
}

/** Aggregates over the responses of many documents (e.g. every account in a dashboard view). */
export function aggregateDocuments(
  documents: Iterable<SurveyDocument>,
  definition: SurveyDefinition,
): SurveyAggregates {
  function* all(): Generator<SurveyResponse> {
    for (const d of documents) yield* d.responses;
  }
  return aggregate(all(), definition);
}

/** The values for the optional bound output columns (null clears a column). */
export interface SurveyOutputs {
  /** Average 1–5 with two decimals. */
  csat: number | null;
  /** −100…100. */
  nps: number | null;
  responseCount: number;
}

export function surveyOutputs(a: SurveyAggregates): SurveyOutputs {
  return {
    csat: a.csat.average === null ? null : Math.round(a.csat.average * 100) / 100,
    nps: a.nps.score,
    responseCount: a.responseCount,
  };
}
