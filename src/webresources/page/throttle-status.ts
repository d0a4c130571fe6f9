/**
 * The status line while Dynamics asks a page to wait (service protection): "Dynamics asks to
 * wait: retrying in 8 s (attempt 2 of 5)", counting down each second, in the user's language.
 */
import type { Translate } from '../../widgets/shared/i18n';
import type { RetryHooks, RetryWait } from '../dataverse/retry';
import type { Shell } from './page-shell';

export function throttleStatus(
  shell: Pick<Shell, 'busy'>,
  t: Translate,
  sleep: (ms: number) => Promise<void>,
): RetryHooks {
  let current: RetryWait | undefined;
  const show = (left: number): void => {
    if (current === undefined) return;
    shell.busy(
      t('status.retry', {
        seconds: Math.max(1, Math.ceil(left / 1000)),
        attempt: current.attempt,
        attempts: current.maxAttempts,
      }),
    );
  };
  return {
    onWait: (wait) => {
      current = wait;
      show(wait.ms);
    },
    sleep: async (ms) => {
      // onWait showed the whole wait; step to each next whole second of the countdown.
      for (let left = ms; left > 0;) {
        const step = left % 1000 === 0 ? Math.min(1000, left) : left % 1000;
        await sleep(step);
        left -= step;
        if (left > 0) show(left);
      }
      current = undefined;
      shell.busy(t('status.loading'));
    },
  };
}
