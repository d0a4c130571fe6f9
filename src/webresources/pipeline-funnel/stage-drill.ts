/**
 * The drill-down under the funnel (a stage's records, and what to say when they cannot be read):
 * loaded on demand by funnel-page.ts, so a chunk of its own in the built page.
 */
export { loadStageRecords } from './stage-records';
export { renderStageRecords } from './stage-records-view';
export { describeFailure } from '../page/failure-text';
