/// <reference lib="webworker" />
import '../no-eval';
import { platformCp949Decoder } from '../../core/io/encoding';
import { loadPacketFonts } from '../export/fonts';
import { runBatchJob } from './job';
import type { BatchJobMessage, BatchJobRequest } from './protocol';

// Reads, checks and exports a batch off the page's thread: unzip, hashing, estimates, exceljs, pdfmake.
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<BatchJobRequest>) => {
  void runBatchJob(
    event.data,
    // Chromium's own EUC-KR decoder handles CP949 (checked by platformCp949Decoder); elsewhere CP949 rosters say so.
    { loadFonts: () => loadPacketFonts(), decodeCp949: platformCp949Decoder() ?? undefined },
    (message: BatchJobMessage, transfer?: Transferable[]) => scope.postMessage(message, transfer ?? []),
  );
};
