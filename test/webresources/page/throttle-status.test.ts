import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../../src/webresources/page/catalogue';
import { throttleStatus } from '../../../src/webresources/page/throttle-status';

function run(lcid: number) {
  const lines: string[] = [];
  const slept: number[] = [];
  const hooks = throttleStatus(
    { busy: (text) => lines.push(text) },
    translatorFor(lcid, 'dashboard'),
    (step) => {
      slept.push(step);
      return Promise.resolve();
    },
  );
  return { lines, slept, hooks };
}

describe('the status line while Dynamics asks to wait', () => {
  it('counts the wait down second by second with the attempt, then says it is reading again', async () => {
    const { lines, slept, hooks } = run(1033);
    hooks.onWait?.({ ms: 2500, attempt: 2, maxAttempts: 5, fromServer: false });
    await hooks.sleep(2500);
    expect(slept).toEqual([500, 1000, 1000]);
    expect(lines).toEqual([
      'Dynamics asks to wait: retrying in 3 s (attempt 2 of 5)',
      'Dynamics asks to wait: retrying in 2 s (attempt 2 of 5)',
      'Dynamics asks to wait: retrying in 1 s (attempt 2 of 5)',
      'Reading data from Dataverse…',
    ]);
  });

  it.each([
    [1033, 'Dynamics asks to wait: retrying in 8 s (attempt 2 of 5)'],
    [1049, 'Dynamics просит подождать: повтор через 8 с (попытка 2 из 5)'],
    [1026, 'Dynamics иска изчакване: нов опит след 8 с (опит 2 от 5)'],
    [1058, 'Dynamics просить зачекати: повтор через 8 с (спроба 2 з 5)'],
  ])('says it in the user language (%i)', (lcid, text) => {
    const { lines, hooks } = run(lcid);
    hooks.onWait?.({ ms: 8000, attempt: 2, maxAttempts: 5, fromServer: false });
    expect(lines).toEqual([text]);
  });
});
