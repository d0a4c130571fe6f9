/**
 * The funnel's `segment` parameter: a column of the table (`customertypecode`), a path through a
 * lookup to a column of the related table (`parentaccountid.territoryid`; a polymorphic lookup names
 * its table after an underscore, `customerid_account.address1_stateorprovince`), or `product`: the
 * opportunity's product lines, one funnel per product. `none` (or nothing) draws no segments.
 */
import type { ParamReader } from './data-params';

export type SegmentSpec =
  | { kind: 'column'; column: string }
  | { kind: 'related'; lookup: string; column: string }
  | { kind: 'product' };

const name = '[a-z][a-z0-9_]{0,99}';
const columnPattern = new RegExp(`^${name}$`);
const pathPattern = new RegExp(`^(${name})\\.(${name})$`);

export function readSegment(r: ParamReader, table: string): SegmentSpec | undefined {
  const value = r.text('segment', 201);
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (lower === 'none') return undefined;
  if (lower === 'product') {
    if (table === 'opportunity') return { kind: 'product' };
    r.invalid('segment', 'param.productTable', { table });
    return undefined;
  }
  if (columnPattern.test(lower)) return { kind: 'column', column: lower };
  const path = pathPattern.exec(lower);
  if (path !== null) return { kind: 'related', lookup: path[1]!, column: path[2]! };
  r.invalid('segment', 'param.notSegment', { value });
  return undefined;
}

/** How the parameter reads back (`parentaccountid.territoryid`), for messages. */
export function segmentText(spec: SegmentSpec): string {
  return spec.kind === 'column'
    ? spec.column
    : spec.kind === 'related'
      ? `${spec.lookup}.${spec.column}`
      : 'product';
}
