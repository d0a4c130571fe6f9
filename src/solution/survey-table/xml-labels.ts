/** Localized label lists as customizations.xml writes them (`<displaynames><displayname …/>`). */
import { escapeAttribute } from '../../xml/escape';
import { textsOf, type LabelKey } from './labels';

export function labelLines(
  outer: string,
  inner: string,
  key: LabelKey,
  languages: readonly number[],
  indent: string,
): string[] {
  return [
    `${indent}<${outer}>`,
    ...textsOf(key, languages).map(
      (t) => `${indent}  <${inner} description="${escapeAttribute(t.text)}" languagecode="${t.lcid}" />`,
    ),
    `${indent}</${outer}>`,
  ];
}

export const displayNames = (key: LabelKey, languages: readonly number[], indent: string): string[] =>
  labelLines('displaynames', 'displayname', key, languages, indent);

export const descriptions = (key: LabelKey, languages: readonly number[], indent: string): string[] =>
  labelLines('Descriptions', 'Description', key, languages, indent);

export const localizedNames = (key: LabelKey, languages: readonly number[], indent: string): string[] =>
  labelLines('LocalizedNames', 'LocalizedName', key, languages, indent);

/** `<labels><label …/></labels>` of form tabs, sections, cells and options. */
export const formLabels = (key: LabelKey, languages: readonly number[], indent: string): string[] =>
  labelLines('labels', 'label', key, languages, indent);
