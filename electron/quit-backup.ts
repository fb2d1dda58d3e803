/**
 * The backup taken when the app quits. The page owns the database, so main asks it (an event), the page
 * answers with writeAutoBackup({ reason: 'quit' }), and main quits once that is written, or after the
 * timeout whatever happens: a stuck or crashed page must never keep the app from closing.
 */

export interface QuitBackupDeps {
  /** Sends the request to the page; false when there is no page able to answer. */
  send(): boolean;
  timeoutMs: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export type QuitBackupOutcome = 'written' | 'timed-out' | 'no-page';

export function createQuitBackup(deps: QuitBackupDeps) {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let waiting: ((outcome: QuitBackupOutcome) => void) | null = null;
  let asked: Promise<QuitBackupOutcome> | null = null;

  return {
    /** Asks once; later calls get the same answer (a second quit while waiting does not ask again). */
    ask(): Promise<QuitBackupOutcome> {
      if (asked) return asked;
      asked = new Promise<QuitBackupOutcome>((resolve) => {
        const timer = setTimer(() => finish('timed-out'), deps.timeoutMs);
        function finish(outcome: QuitBackupOutcome) {
          clearTimer(timer);
          waiting = null;
          resolve(outcome);
        }
        waiting = finish;
        let sent = false;
        try {
          sent = deps.send();
        } catch {
          sent = false;
        }
        if (!sent) finish('no-page');
      });
      return asked;
    },
    /** True once asked: the caller lets the next close or quit go through. */
    get asked(): boolean {
      return asked !== null;
    },
    /** Called by the IPC handler after an automatic backup was written. */
    written(reason: string): void {
      if (reason === 'quit') waiting?.('written');
    },
    /** A new window: its own quit asks again. */
    reset(): void {
      waiting?.('no-page');
      asked = null;
    },
  };
}
