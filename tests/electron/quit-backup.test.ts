import { describe, expect, it, vi } from 'vitest';
import { createQuitBackup } from '../../electron/quit-backup';

describe('the backup asked for on quit', () => {
  it('asks the page once and lets quit go on as soon as the quit backup is written', async () => {
    const send = vi.fn(() => true);
    const q = createQuitBackup({ send, timeoutMs: 15_000 });
    const outcome = q.ask();
    expect(q.asked).toBe(true);
    expect(q.ask()).toBe(outcome); // a second close while waiting does not ask again
    q.written('daily'); // a daily backup finishing meanwhile is not the answer
    q.written('quit');
    await expect(outcome).resolves.toBe('written');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('gives up after the timeout so a stuck page never blocks quitting', async () => {
    vi.useFakeTimers();
    try {
      const q = createQuitBackup({ send: () => true, timeoutMs: 15_000 });
      const outcome = q.ask();
      let settled = false;
      void outcome.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(14_999);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await expect(outcome).resolves.toBe('timed-out');
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not wait when there is no page to answer (or sending throws)', async () => {
    await expect(createQuitBackup({ send: () => false, timeoutMs: 15_000 }).ask()).resolves.toBe('no-page');
    await expect(createQuitBackup({ send: () => { throw new Error('gone'); }, timeoutMs: 15_000 }).ask()).resolves.toBe('no-page');
  });

  it('asks again for a new window after reset', async () => {
    const send = vi.fn(() => true);
    const q = createQuitBackup({ send, timeoutMs: 15_000 });
    const first = q.ask();
    q.reset();
    await expect(first).resolves.toBe('no-page');
    expect(q.asked).toBe(false);
    const second = q.ask();
    q.written('quit');
    await expect(second).resolves.toBe('written');
    expect(send).toHaveBeenCalledTimes(2);
  });
});
