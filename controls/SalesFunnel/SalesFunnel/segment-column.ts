/// <reference types="powerapps-component-framework" />
/**
 * The `segmentColumn` input: a column of the view to segment by, where the Segment property-set
 * cannot be bound to it, as for a column of a related table added to the view. A model-driven
 * app names such a column after its link's alias (`a_1b2c….address1_stateorprovince`): the input
 * may give that whole name or the column's logical name alone.
 */
type Column = ComponentFramework.PropertyHelper.DataSetApi.Column;

/** The view column the input names (its exact name first, then a related column's own name); undefined when none. */
export function viewColumn(
  columns: readonly Column[],
  wanted: string | null | undefined,
): { name: string; dataType: string } | undefined {
  const name = wanted?.trim().toLowerCase() ?? '';
  if (name === '') return undefined;
  const column =
    columns.find((c) => c.name.toLowerCase() === name) ??
    columns.find((c) => c.name.toLowerCase().endsWith(`.${name}`));
  return column === undefined ? undefined : { name: column.name, dataType: column.dataType };
}
