/**
 * The words of a label's context ("Table plural name") in the product's four languages, so that
 * a workbook made for a Russian, Bulgarian or Ukrainian translator speaks their language.
 * Terms follow the Dynamics 365 / Power Apps user interface in each language.
 */
import { PRODUCT_LANGUAGES, type ProductLcid } from '../../languages/lcid';
import type { Lcid } from './model';

export type UiLcid = ProductLcid;
export const UI_LANGUAGES: readonly UiLcid[] = PRODUCT_LANGUAGES;

export function isUiLcid(lcid: Lcid): lcid is UiLcid {
  return (UI_LANGUAGES as readonly number[]).includes(lcid);
}

/** One phrase in each language: [English, Russian, Bulgarian, Ukrainian]. */
export type Phrase = Readonly<Record<UiLcid, string>>;

function phrase(en: string, ru: string, bg: string, uk: string): Phrase {
  return { 1033: en, 1049: ru, 1026: bg, 1058: uk };
}

export const contexts = {
  tableName: phrase('Table name', 'Имя таблицы', 'Име на таблицата', 'Назва таблиці'),
  tablePlural: phrase(
    'Table plural name',
    'Имя таблицы во множественном числе',
    'Име на таблицата в множествено число',
    'Назва таблиці у множині',
  ),
  columnLabel: phrase('Column label', 'Подпись столбца', 'Етикет на колона', 'Підпис стовпця'),
  columnDescription: phrase(
    'Column or table description',
    'Описание столбца или таблицы',
    'Описание на колона или таблица',
    'Опис стовпця або таблиці',
  ),
  choiceValue: phrase('Choice value', 'Значение выбора', 'Стойност на избор', 'Значення вибору'),
  choiceDescription: phrase(
    'Choice value description',
    'Описание значения выбора',
    'Описание на стойност на избор',
    'Опис значення вибору',
  ),
  formItem: phrase(
    'Form tab, section or field label',
    'Подпись вкладки, раздела или поля формы',
    'Етикет на раздел, секция или поле във формуляр',
    'Підпис вкладки, розділу або поля форми',
  ),
  formViewChartName: phrase(
    'Form, view or chart name',
    'Имя формы, представления или диаграммы',
    'Име на формуляр, изглед или диаграма',
    'Назва форми, подання або діаграми',
  ),
  formViewChartDescription: phrase(
    'Form, view or chart description',
    'Описание формы, представления или диаграммы',
    'Описание на формуляр, изглед или диаграма',
    'Опис форми, подання або діаграми',
  ),
  ribbonLabel: phrase(
    'Ribbon button label',
    'Подпись кнопки ленты',
    'Етикет на бутон от лентата',
    'Підпис кнопки стрічки',
  ),
  ribbonTooltipTitle: phrase(
    'Ribbon tooltip title',
    'Заголовок подсказки ленты',
    'Заглавие на подсказка от лентата',
    'Заголовок підказки стрічки',
  ),
  ribbonTooltipDescription: phrase(
    'Ribbon tooltip description',
    'Текст подсказки ленты',
    'Текст на подсказка от лентата',
    'Текст підказки стрічки',
  ),
  ribbonAlt: phrase(
    'Ribbon image alternative text',
    'Замещающий текст изображения ленты',
    'Алтернативен текст на изображение от лентата',
    'Альтернативний текст зображення стрічки',
  ),
  ribbonText: phrase('Ribbon text', 'Текст ленты', 'Текст от лентата', 'Текст стрічки'),
  message: phrase('Message', 'Сообщение', 'Съобщение', 'Повідомлення'),
  /** Followed by the Object Column Name in parentheses. */
  text: phrase('Text', 'Текст', 'Текст', 'Текст'),
} as const;

export interface NounPhrases {
  name: Phrase;
  description: Phrase;
  /** Followed by the Object Column Name in parentheses. */
  text: Phrase;
}

function noun(
  name: [string, string, string, string],
  description: [string, string, string, string],
  text: [string, string, string, string],
): NounPhrases {
  return { name: phrase(...name), description: phrase(...description), text: phrase(...text) };
}

export const nouns = {
  solution: noun(
    ['Solution name', 'Имя решения', 'Име на решението', 'Назва рішення'],
    ['Solution description', 'Описание решения', 'Описание на решението', 'Опис рішення'],
    ['Solution text', 'Текст решения', 'Текст на решението', 'Текст рішення'],
  ),
  publisher: noun(
    ['Publisher name', 'Имя издателя', 'Име на издателя', 'Назва видавця'],
    ['Publisher description', 'Описание издателя', 'Описание на издателя', 'Опис видавця'],
    ['Publisher text', 'Текст издателя', 'Текст на издателя', 'Текст видавця'],
  ),
  process: noun(
    ['Process name', 'Имя процесса', 'Име на процеса', 'Назва процесу'],
    ['Process description', 'Описание процесса', 'Описание на процеса', 'Опис процесу'],
    ['Process text', 'Текст процесса', 'Текст на процеса', 'Текст процесу'],
  ),
  processCategory: noun(
    [
      'Process category name',
      'Имя категории процессов',
      'Име на категория процеси',
      'Назва категорії процесів',
    ],
    [
      'Process category description',
      'Описание категории процессов',
      'Описание на категория процеси',
      'Опис категорії процесів',
    ],
    [
      'Process category text',
      'Текст категории процессов',
      'Текст на категория процеси',
      'Текст категорії процесів',
    ],
  ),
  form: noun(
    ['Form name', 'Имя формы', 'Име на формуляра', 'Назва форми'],
    ['Form description', 'Описание формы', 'Описание на формуляра', 'Опис форми'],
    ['Form text', 'Текст формы', 'Текст на формуляра', 'Текст форми'],
  ),
  view: noun(
    ['View name', 'Имя представления', 'Име на изгледа', 'Назва подання'],
    ['View description', 'Описание представления', 'Описание на изгледа', 'Опис подання'],
    ['View text', 'Текст представления', 'Текст на изгледа', 'Текст подання'],
  ),
  chart: noun(
    ['Chart name', 'Имя диаграммы', 'Име на диаграмата', 'Назва діаграми'],
    ['Chart description', 'Описание диаграммы', 'Описание на диаграмата', 'Опис діаграми'],
    ['Chart text', 'Текст диаграммы', 'Текст на диаграмата', 'Текст діаграми'],
  ),
  dashboard: noun(
    ['Dashboard name', 'Имя панели мониторинга', 'Име на таблото', 'Назва інформаційної панелі'],
    [
      'Dashboard description',
      'Описание панели мониторинга',
      'Описание на таблото',
      'Опис інформаційної панелі',
    ],
    ['Dashboard text', 'Текст панели мониторинга', 'Текст на таблото', 'Текст інформаційної панелі'],
  ),
  sitemap: noun(
    [
      'Site map item name',
      'Имя элемента карты сайта',
      'Име на елемент от картата на сайта',
      'Назва елемента карти сайту',
    ],
    [
      'Site map item description',
      'Описание элемента карты сайта',
      'Описание на елемент от картата на сайта',
      'Опис елемента карти сайту',
    ],
    [
      'Site map item text',
      'Текст элемента карты сайта',
      'Текст на елемент от картата на сайта',
      'Текст елемента карти сайту',
    ],
  ),
  app: noun(
    ['App name', 'Имя приложения', 'Име на приложението', 'Назва програми'],
    ['App description', 'Описание приложения', 'Описание на приложението', 'Опис програми'],
    ['App text', 'Текст приложения', 'Текст на приложението', 'Текст програми'],
  ),
  webresource: noun(
    ['Web resource name', 'Имя веб-ресурса', 'Име на уеб ресурса', 'Назва веб-ресурсу'],
    ['Web resource description', 'Описание веб-ресурса', 'Описание на уеб ресурса', 'Опис веб-ресурсу'],
    ['Web resource text', 'Текст веб-ресурса', 'Текст на уеб ресурса', 'Текст веб-ресурсу'],
  ),
  globalChoice: noun(
    ['Choice (global) name', 'Имя глобального выбора', 'Име на глобален избор', 'Назва глобального вибору'],
    [
      'Choice (global) description',
      'Описание глобального выбора',
      'Описание на глобален избор',
      'Опис глобального вибору',
    ],
    [
      'Choice (global) text',
      'Текст глобального выбора',
      'Текст на глобален избор',
      'Текст глобального вибору',
    ],
  ),
  relationship: noun(
    ['Relationship name', 'Имя связи', 'Име на връзката', "Назва зв'язку"],
    ['Relationship description', 'Описание связи', 'Описание на връзката', "Опис зв'язку"],
    ['Relationship text', 'Текст связи', 'Текст на връзката', "Текст зв'язку"],
  ),
} as const satisfies Record<string, NounPhrases>;

export type NounId = keyof typeof nouns;
