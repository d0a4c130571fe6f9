/**
 * What the survey-insights page draws once its records are read: the figures and their view. A
 * chunk of its own in the built page (../page/on-demand.ts), fetched while the records are
 * being read, so the first download holds only what paints the page and starts the queries.
 */
export { computeInsights } from './insights';
export { renderInsights } from './insights-view';
