/**
 * Parses import files off the main thread. Chromium's TextDecoder('euc-kr') decodes CP949 correctly
 * (core/io checks it with 똠 햏 뷁 before trusting it), so no iconv is bundled here.
 */
import '../no-eval';
import { buildImport, openImportFile } from './engine';
import type { WorkerReply, WorkerRequest } from './protocol';
import { bilingualOf } from './protocol';

// The DOM lib types `self` as a Window; inside a worker it is the worker scope (only these two are used).
const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null; postMessage(reply: WorkerReply): void };

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  const reply = (r: WorkerReply) => scope.postMessage(r);
  const onProgress = (progress: Parameters<Parameters<typeof openImportFile>[2]>[0]) => reply({ id: message.id, type: 'progress', progress });
  try {
    const result = message.kind === 'open' ? await openImportFile(message.request, undefined, onProgress) : await buildImport(message.request, undefined, onProgress);
    reply({ id: message.id, type: 'done', result });
  } catch (err) {
    reply({
      id: message.id,
      type: 'error',
      error: { name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err), code: (err as { code?: string }).code, ...bilingualOf(err) },
    });
  }
};
