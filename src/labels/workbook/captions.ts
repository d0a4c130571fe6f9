/**
 * The workbook's own words (column headers, the length check's message) in the product's four
 * languages. A workbook for one translator (one target language among them) speaks that
 * language; a workbook with several target languages, or for a language crmkit has no words in
 * (German, French, any other Dynamics language), speaks English. The reader accepts the headers
 * in any of the four.
 */
import { UI_LANGUAGES, isUiLcid, type UiLcid } from '../crm-xml/context-texts';
import type { Lcid } from '../crm-xml/model';

export interface WorkbookCaptions {
  entity: string;
  objectId: string;
  column: string;
  displayStringKey: string;
  context: string;
  token: string;
  tooLongTitle: string;
  tooLong: (max: number) => string;
}

export const captions: Readonly<Record<UiLcid, WorkbookCaptions>> = {
  1033: {
    entity: 'Entity name',
    objectId: 'Object ID',
    column: 'Object Column Name',
    displayStringKey: 'Display String Key',
    context: 'Context',
    token: 'crmkit row token (do not edit)',
    tooLongTitle: 'Text too long',
    tooLong: (max) => `Dynamics 365 accepts at most ${max} characters in a label. Please shorten the text.`,
  },
  1049: {
    entity: 'Имя сущности',
    objectId: 'Идентификатор объекта',
    column: 'Свойство объекта',
    displayStringKey: 'Ключ отображаемой строки',
    context: 'Контекст',
    token: 'Метка строки crmkit (не изменять)',
    tooLongTitle: 'Слишком длинный текст',
    tooLong: (max) => `Dynamics 365 принимает не более ${max} символов в подписи. Сократите текст.`,
  },
  1026: {
    entity: 'Име на обекта',
    objectId: 'Идентификатор на обекта',
    column: 'Свойство на обекта',
    displayStringKey: 'Ключ на показвания низ',
    context: 'Контекст',
    token: 'Маркер на реда на crmkit (не редактирайте)',
    tooLongTitle: 'Твърде дълъг текст',
    tooLong: (max) => `Dynamics 365 приема най-много ${max} знака в етикет. Моля, съкратете текста.`,
  },
  1058: {
    entity: "Ім'я сутності",
    objectId: "Ідентифікатор об'єкта",
    column: "Властивість об'єкта",
    displayStringKey: 'Ключ рядка відображення',
    context: 'Контекст',
    token: 'Мітка рядка crmkit (не змінювати)',
    tooLongTitle: 'Задовгий текст',
    tooLong: (max) => `Dynamics 365 приймає щонайбільше ${max} символів у підписі. Скоротіть текст.`,
  },
};

/** The workbook's language: the requested one, else the single target language, else English. */
export function workbookLanguage(targets: readonly Lcid[], requested?: Lcid): UiLcid {
  if (requested !== undefined && isUiLcid(requested)) return requested;
  const only = targets.length === 1 ? targets[0] : undefined;
  return only !== undefined && isUiLcid(only) ? only : 1033;
}

/**
 * The target languages crmkit has no captions of its own in (any Dynamics language but its four):
 * their translators get the workbook's own words in English.
 */
export function englishCaptionsFor(targets: readonly Lcid[]): Lcid[] {
  return targets.filter((l) => !isUiLcid(l));
}

/** True when text is the caption `field` in any of the four languages. */
export function isCaption(field: keyof Omit<WorkbookCaptions, 'tooLong'>, text: string): boolean {
  return UI_LANGUAGES.some((lcid) => captions[lcid][field] === text);
}
