import { describe, expect, it } from 'vitest';
import { runWorkerJob } from '../../src/ui/worker-job';

type Msg = { type: 'progress'; n: number } | { type: 'done'; value: string } | { type: 'error'; message: string };

/** A stand-in for a Web Worker: the test plays the worker's side through `send` and `crash`. */
class FakeWorker {
  onmessage: ((e: MessageEvent<Msg>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  posted: unknown[] = [];
  terminated = 0;
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated++;
  }
  send(data: Msg) {
    this.onmessage?.({ data } as MessageEvent<Msg>);
  }
  crash(message: string) {
    this.onerror?.({ message, preventDefault() {} } as unknown as ErrorEvent);
  }
}

function start(worker: FakeWorker, seen: number[]) {
  return runWorkerJob<Msg, string>(
    worker as unknown as Worker,
    { job: 1 },
    (m) => (m.type === 'progress' ? (seen.push(m.n), { progress: true }) : m.type === 'done' ? { done: m.value } : { error: new Error(`job: ${m.message}`) }),
    { failed: (message) => new Error(`worker: ${message}`), cancelled: () => new Error('cancelled') },
  );
}

describe('runWorkerJob', () => {
  it('posts the request, passes progress through, resolves once and ends the worker', async () => {
    const w = new FakeWorker();
    const seen: number[] = [];
    const job = start(w, seen);
    expect(w.posted).toEqual([{ job: 1 }]);
    w.send({ type: 'progress', n: 1 });
    w.send({ type: 'progress', n: 2 });
    w.send({ type: 'done', value: 'ok' });
    w.send({ type: 'error', message: 'late' });
    await expect(job.result).resolves.toBe('ok');
    expect(seen).toEqual([1, 2]);
    expect(w.terminated).toBe(1);
  });

  it('rejects with the job error, the worker error, or the cancellation, and ends the worker each time', async () => {
    const a = new FakeWorker();
    const jobA = start(a, []);
    a.send({ type: 'error', message: 'bad input' });
    await expect(jobA.result).rejects.toThrow('job: bad input');

    const b = new FakeWorker();
    const jobB = start(b, []);
    b.crash('out of memory');
    await expect(jobB.result).rejects.toThrow('worker: out of memory');

    const c = new FakeWorker();
    const jobC = start(c, []);
    jobC.cancel();
    c.send({ type: 'done', value: 'too late' });
    await expect(jobC.result).rejects.toThrow('cancelled');
    expect([a.terminated, b.terminated, c.terminated]).toEqual([1, 1, 1]);
  });
});
