import { describe, expect, it } from 'vitest';
import { DataverseError } from '../../../src/webresources/dataverse/dataverse-errors';
import { translatorFor } from '../../../src/webresources/page/catalogue';
import { describeFailure } from '../../../src/webresources/page/failure-text';

const server = 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.';
const gaveUp = new DataverseError({ kind: 'throttled', message: server, attempts: 5 });

describe('a failure as the page shows it', () => {
  it.each([
    [1033, 'Dynamics kept asking to wait (service protection limits) through 5 attempts.'],
    [1049, 'Dynamics продолжал просить подождать (ограничения защиты службы) на протяжении 5 попыток.'],
    [
      1026,
      'Dynamics продължи да иска изчакване (ограничения за защита на услугата) в продължение на 5 опита.',
    ],
    [1058, 'Dynamics і далі просив зачекати (обмеження захисту служби) протягом 5 спроб.'],
  ])(
    'gives up on throttling with a localized headline and the server text only in details (%i)',
    (lcid, start) => {
      const text = describeFailure(gaveUp, translatorFor(lcid, 'dashboard'), 'opportunity');
      expect(text.title.startsWith(start)).toBe(true);
      expect(text.title).not.toContain(server);
      expect(text.lines).toEqual([]);
      expect(text.details).toBe(server);
    },
  );

  it('keeps a browser failure message out of the headline', () => {
    const text = describeFailure(
      new TypeError('Failed to fetch'),
      translatorFor(1049, 'dashboard'),
      'account',
    );
    expect(text).toEqual({ title: 'Не удалось загрузить данные.', lines: [], details: 'Failed to fetch' });
  });

  it('says a record the page needs is gone when Dynamics answers record-not-found', () => {
    const gone = new DataverseError({ kind: 'notFound', message: 'savedquery With Id = 1 Does Not Exist' });
    expect(describeFailure(gone, translatorFor(1033, 'dashboard'), 'opportunity').title).toBe(
      'A record the page needs does not exist in Dynamics (it may have been deleted).',
    );
  });
});
