/// <reference lib="webworker" />
import '../no-eval';
import { loadPacketFonts } from './fonts';
import { runPacketJob } from './packet-job';
import type { PacketJobMessage, PacketJobRequest } from './packet-job';

// Builds one packet per request: pdfmake and the fonts load here, never on the page's thread.
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<PacketJobRequest>) => {
  void runPacketJob(event.data, () => loadPacketFonts(), (message: PacketJobMessage, transfer?: Transferable[]) => scope.postMessage(message, transfer ?? []));
};
