import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addResponse,
  deleteResponse,
  parseDocument,
  readDocument,
  serializeDocument,
  updateResponse,
} from '../../../src/widgets/survey/document';
import type { JsonValue } from '../../../src/widgets/survey/json';
import { documentOf, response } from './fixtures';

const stored = JSON.stringify({
  version: 1,
  responses: [
    {
      id: 'r1',
      respondent: 'Олена Коваль',
      role: 'delivery',
      channel: 'visit',
      at: '2026-11-20T10:00:00.000Z',
      authorId: 'u1',
      answers: { csat: 4, nps: 9, futureQuestion: { scale: 7 } },
      comment: 'Всё вовремя <b>спасибо</b>',
      sentiment: 'positive',
      attachments: [{ name: 'photo.jpg' }],
    },
  ],
  writtenBy: 'crmkit 2.0',
  settings: { anonymous: false },
});

describe('survey responses document', () => {
  it('treats an empty column as an empty document', () => {
    expect(parseDocument('')).toEqual({ version: 1, responses: [], extra: {} });
    expect(readDocument(null)).toEqual({ ok: true, document: { version: 1, responses: [], extra: {} } });
  });

  it('writes back unknown fields of the document, of responses and unknown answers unchanged', () => {
    const doc = parseDocument(stored);
    const again = JSON.parse(serializeDocument(doc)) as unknown;
    expect(again).toEqual(JSON.parse(stored));
  });

  it('keeps unknown fields of other responses when one response is added, edited or deleted', () => {
    let doc = parseDocument(stored);
    doc = addResponse(doc, response('r2', { csat: 5 }));
    doc = updateResponse(doc, { ...response('r2', { csat: 3 }), updatedAt: '2026-11-21T10:00:00Z' })!;
    doc = deleteResponse(doc, 'r2');
    expect(JSON.parse(serializeDocument(doc))).toEqual(JSON.parse(stored));
  });

  it('keeps a field named __proto__ as plain data', () => {
    const text =
      '{"version":1,"responses":[{"id":"a","respondent":"","role":"","channel":"","at":"2026-01-01T00:00:00Z","authorId":"","answers":{},"comment":"","__proto__":{"x":1}}]}';
    expect(serializeDocument(parseDocument(text))).toBe(text);
  });

  it('does not update a response that no longer exists', () => {
    expect(updateResponse(documentOf(), response('gone', {}))).toBeUndefined();
  });

  it('round-trips any response text and unknown JSON fields', () => {
    const json: fc.Arbitrary<JsonValue> = fc.jsonValue() as fc.Arbitrary<JsonValue>;
    const known = [
      'id',
      'respondent',
      'role',
      'channel',
      'at',
      'authorId',
      'updatedAt',
      'answers',
      'comment',
    ];
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.string({ unit: 'binary' }),
        fc.dictionary(
          fc.oneof(fc.string(), fc.constant('__proto__')).filter((k) => !known.includes(k)),
          json,
        ),
        fc.dictionary(
          fc.string().filter((k) => k !== '__proto__'),
          json,
        ),
        (respondent, comment, extra, answers) => {
          const doc = documentOf(response('x', answers, { respondent, comment, extra }));
          const text = serializeDocument(doc);
          const back = parseDocument(text);
          expect(serializeDocument(back)).toBe(text);
          expect(back.responses[0]?.comment).toBe(comment);
          expect(back.responses[0]?.respondent).toBe(respondent);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    ['text that is not JSON', 'Customer was happy', { code: 'notJson', path: '' }],
    ['a JSON string', '"hello"', { code: 'notObject', path: '' }],
    ['no version', '{"responses":[]}', { code: 'version', path: 'version', version: 'null' }],
    ['a newer version', '{"version":2,"responses":[]}', { code: 'version', path: 'version', version: '2' }],
    ['responses that are not a list', '{"version":1,"responses":{}}', { code: 'field', path: 'responses' }],
    [
      'a response without id',
      '{"version":1,"responses":[{"at":"2026-01-01T00:00:00Z"}]}',
      { code: 'field', path: 'responses[0].id' },
    ],
    [
      'an unreadable time',
      '{"version":1,"responses":[{"id":"a","at":"yesterday"}]}',
      { code: 'field', path: 'responses[0].at' },
    ],
    [
      'answers that are a list',
      '{"version":1,"responses":[{"id":"a","at":"2026-01-01T00:00:00Z","answers":[]}]}',
      { code: 'field', path: 'responses[0].answers' },
    ],
    [
      'a comment that is a number',
      '{"version":1,"responses":[{"id":"a","at":"2026-01-01T00:00:00Z","comment":5}]}',
      { code: 'field', path: 'responses[0].comment' },
    ],
    [
      'two responses with one id',
      '{"version":1,"responses":[{"id":"a","at":"2026-01-01T00:00:00Z"},{"id":"a","at":"2026-01-01T00:00:00Z"}]}',
      { code: 'duplicate', path: 'responses[1].id' },
    ],
  ])('reports %s as unreadable and keeps the raw text', (_name, text, problem) => {
    const result = readDocument(text);
    expect(result).toEqual({ ok: false, problem, raw: text });
  });
});
