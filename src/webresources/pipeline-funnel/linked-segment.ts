/**
 * A segment through a lookup or by product (`segment=parentaccountid.territoryid`,
 * `segment=product`): finding the lookup's table, the linked aggregates and the drill-down's
 * narrowed scope. Loaded on demand by funnel-page.ts only when such a segment is set, so a chunk
 * of its own in the built page, out of the first download.
 */
export { resolveSegment, scopeOfSegment } from './segment-query';
export { loadLinkedFunnelData } from './linked-data';
