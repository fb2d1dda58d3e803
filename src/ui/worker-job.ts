/**
 * One job on a fresh Web Worker, the way the app runs heavy work (packets, batches): progress messages
 * pass through, the first final message settles the job, and `cancel()` ends the worker at once (pdfmake
 * and exceljs cannot be interrupted any other way). The caller constructs the worker itself, because Vite
 * finds worker entry points by the literal `new Worker(new URL(...))` at the call site.
 */
export type WorkerJobStep<Done> = { progress: true } | { done: Done } | { error: Error };

export function runWorkerJob<Message, Done>(
  worker: Worker,
  request: unknown,
  step: (message: Message) => WorkerJobStep<Done>,
  errors: { failed: (message: string) => Error; cancelled: () => Error },
): { result: Promise<Done>; cancel: () => void } {
  let settle: { resolve: (r: Done) => void; reject: (e: Error) => void } | null = null;
  const result = new Promise<Done>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (fn: (s: NonNullable<typeof settle>) => void) => {
    if (!settle) return;
    const s = settle;
    settle = null;
    worker.terminate();
    fn(s);
  };
  worker.onmessage = (event: MessageEvent<Message>) => {
    const outcome = step(event.data);
    if ('done' in outcome) finish((s) => s.resolve(outcome.done));
    else if ('error' in outcome) finish((s) => s.reject(outcome.error));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    finish((s) => s.reject(errors.failed(event.message || 'worker failed')));
  };
  worker.postMessage(request);
  return { result, cancel: () => finish((s) => s.reject(errors.cancelled())) };
}
