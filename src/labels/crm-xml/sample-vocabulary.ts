/** Real words of a sales solution in English, Russian, Bulgarian and Ukrainian, for the sample generator. */

/** [en, ru, bg, uk] */
export type Term = readonly [string, string, string, string];

/** Tables: singular and plural. */
export const TABLES: readonly { name: string; singular: Term; plural: Term }[] = [
  {
    name: 'account',
    singular: ['Account', 'Организация', 'Фирма', 'Організація'],
    plural: ['Accounts', 'Организации', 'Фирми', 'Організації'],
  },
  {
    name: 'contact',
    singular: ['Contact', 'Контакт', 'Контакт', 'Контакт'],
    plural: ['Contacts', 'Контакты', 'Контакти', 'Контакти'],
  },
  {
    name: 'opportunity',
    singular: ['Opportunity', 'Возможная сделка', 'Възможност', 'Можлива угода'],
    plural: ['Opportunities', 'Возможные сделки', 'Възможности', 'Можливі угоди'],
  },
  {
    name: 'pl_salesorder',
    singular: ['Sales Order', 'Заказ на продажу', 'Поръчка за продажба', 'Замовлення на продаж'],
    plural: ['Sales Orders', 'Заказы на продажу', 'Поръчки за продажба', 'Замовлення на продаж'],
  },
  {
    name: 'pl_invoice',
    singular: ['Invoice', 'Счет', 'Фактура', 'Рахунок'],
    plural: ['Invoices', 'Счета', 'Фактури', 'Рахунки'],
  },
  {
    name: 'pl_product',
    singular: ['Product', 'Продукт', 'Продукт', 'Продукт'],
    plural: ['Products', 'Продукты', 'Продукти', 'Продукти'],
  },
  {
    name: 'pl_visit',
    singular: ['Customer Visit', 'Визит к клиенту', 'Посещение при клиент', 'Візит до клієнта'],
    plural: ['Customer Visits', 'Визиты к клиентам', 'Посещения при клиенти', 'Візити до клієнтів'],
  },
  {
    name: 'pl_survey',
    singular: ['Survey', 'Опрос', 'Анкета', 'Опитування'],
    plural: ['Surveys', 'Опросы', 'Анкети', 'Опитування'],
  },
];

/** Column labels. */
export const COLUMNS: readonly Term[] = [
  ['Name', 'Название', 'Име', 'Назва'],
  ['Owner', 'Ответственный', 'Собственик', 'Відповідальний'],
  ['Status', 'Статус', 'Състояние', 'Стан'],
  ['Status Reason', 'Причина состояния', 'Причина за състоянието', 'Причина стану'],
  ['Created On', 'Дата создания', 'Създадено на', 'Дата створення'],
  ['Modified On', 'Дата изменения', 'Променено на', 'Дата змінення'],
  ['Description', 'Описание', 'Описание', 'Опис'],
  ['Total Amount', 'Общая сумма', 'Обща сума', 'Загальна сума'],
  ['Discount', 'Скидка', 'Отстъпка', 'Знижка'],
  ['Due Date', 'Срок выполнения', 'Краен срок', 'Термін виконання'],
  ['Phone', 'Телефон', 'Телефон', 'Телефон'],
  ['Email', 'Электронная почта', 'Имейл', 'Електронна пошта'],
  ['City', 'Город', 'Град', 'Місто'],
  ['Country', 'Страна', 'Държава', 'Країна'],
  ['Priority', 'Приоритет', 'Приоритет', 'Пріоритет'],
  ['Currency', 'Валюта', 'Валута', 'Валюта'],
];

/** Choice values. */
export const CHOICES: readonly Term[] = [
  ['Active', 'Активный', 'Активен', 'Активний'],
  ['Inactive', 'Неактивный', 'Неактивен', 'Неактивний'],
  ['Draft', 'Черновик', 'Чернова', 'Чернетка'],
  ['Approved', 'Утверждено', 'Одобрено', 'Затверджено'],
  ['Cancelled', 'Отменено', 'Отказано', 'Скасовано'],
  ['High', 'Высокий', 'Висок', 'Високий'],
  ['Normal', 'Обычный', 'Нормален', 'Звичайний'],
  ['Low', 'Низкий', 'Нисък', 'Низький'],
];

/** Form tabs and sections. */
export const FORM_PARTS: readonly Term[] = [
  ['General', 'Общие сведения', 'Общи', 'Загальні відомості'],
  ['Details', 'Подробности', 'Подробности', 'Докладно'],
  ['Notes', 'Заметки', 'Бележки', 'Примітки'],
  ['Summary', 'Сводка', 'Обобщение', 'Зведення'],
  ['Related', 'Связанные', 'Свързани', 'Пов’язані'],
  ['Terms & Conditions', 'Условия и положения', 'Общи условия', 'Умови та положення'],
];

/** View names: `{0}` is the plural table name. */
export const VIEWS: readonly Term[] = [
  ['Active {0}', 'Активные: {0}', 'Активни: {0}', 'Активні: {0}'],
  ['My {0}', 'Мои: {0}', 'Моите: {0}', 'Мої: {0}'],
  ['Inactive {0}', 'Неактивные: {0}', 'Неактивни: {0}', 'Неактивні: {0}'],
];

/** Ribbon buttons. */
export const RIBBON: readonly Term[] = [
  ['Approve', 'Утвердить', 'Одобри', 'Затвердити'],
  ['Send to Customer', 'Отправить клиенту', 'Изпрати на клиента', 'Надіслати клієнту'],
  ['Recalculate', 'Пересчитать', 'Преизчисли', 'Перерахувати'],
];

/** Messages with placeholders (Display Strings). */
export const MESSAGES: readonly Term[] = [
  ['The record {0} was saved.', 'Запись {0} сохранена.', 'Записът {0} е записан.', 'Запис {0} збережено.'],
  [
    '{0} of {1} records selected',
    'Выбрано записей: {0} из {1}',
    'Избрани записи: {0} от {1}',
    'Вибрано записів: {0} з {1}',
  ],
  [
    'You do not have permission to change {0}.',
    'У вас нет разрешения на изменение {0}.',
    'Нямате разрешение да променяте {0}.',
    'У вас немає дозволу змінювати {0}.',
  ],
  [
    'Deleting {0} cannot be undone.\nDo you want to continue?',
    'Удаление {0} нельзя отменить.\nПродолжить?',
    'Изтриването на {0} не може да бъде отменено.\nДа продължа ли?',
    'Видалення {0} не можна скасувати.\nПродовжити?',
  ],
];
