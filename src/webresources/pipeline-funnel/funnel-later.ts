/**
 * What the pipeline-funnel page draws once its totals are read: the funnel's figures and the
 * funnel view, and the stage column's choice options that name the stages. A chunk of its own in the built page (../page/on-demand.ts), fetched while the
 * totals are being read, so the first download holds only what paints the page and starts the
 * queries.
 */
export { computeFunnel } from '../../widgets/funnel/model';
export { createFunnelView } from '../../widgets/funnel/view';
export { loadKnownStages, metadataGetOf } from './known-stages';
export { computeOverlappingFunnel } from '../../widgets/funnel/overlap';
