/**
 * Records mode asks PCF's `utils.getEntityMetadata` (once per record) for the response table's role
 * and channel options (value and label in the user's language) and for the open record's entity set
 * name. Without an answer the form leaves those fields out and the entity set is the default plural.
 */
import { stagesFromPcfMetadata } from '../funnel/known-stages';
import type { FormChoices } from './form-view';
import { defaultEntitySet, type RecordsSchema } from './records-model';

export type MetadataLookup = (entityName: string, attributes?: string[]) => PromiseLike<unknown>;

function ask(metadata: MetadataLookup | undefined, entity: string, columns?: string[]): Promise<unknown> {
  try {
    return Promise.resolve(metadata?.(entity, columns)).catch(() => undefined);
  } catch {
    return Promise.resolve(undefined); // a host that throws instead of rejecting
  }
}

export async function tableChoices(
  metadata: MetadataLookup | undefined,
  s: RecordsSchema,
): Promise<{ choices: FormChoices; labels: Map<string, string> }> {
  const md = await ask(metadata, s.table, [s.channel, s.role]);
  const labels = new Map<string, string>();
  const options = (column: string): string[] =>
    stagesFromPcfMetadata(md, column).map((o) => {
      labels.set(o.key, o.label);
      return o.key;
    });
  return { choices: { role: options(s.role), channel: options(s.channel) }, labels };
}

export async function entitySetOf(metadata: MetadataLookup | undefined, entityType: string): Promise<string> {
  const set = ((await ask(metadata, entityType)) as { EntitySetName?: unknown } | undefined)?.EntitySetName;
  return typeof set === 'string' && set !== '' ? set : defaultEntitySet(entityType);
}
