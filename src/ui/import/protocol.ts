import type { BilingualText } from '../../core/model/common';
import type { BuildRequest, BuildResponse, ImportProgress, OpenRequest, OpenResponse } from './engine';

/** Messages between the wizard and import.worker.ts. */
export type WorkerRequest = { id: number; kind: 'open'; request: OpenRequest } | { id: number; kind: 'build'; request: BuildRequest };

export type WorkerReply =
  | { id: number; type: 'progress'; progress: ImportProgress }
  | { id: number; type: 'done'; result: OpenResponse | BuildResponse }
  | { id: number; type: 'error'; error: { name: string; message: string; code?: string; text?: BilingualText } };

/** An error's `{ ko, en }` text, if it carries one, as a spreadable part of a worker reply. */
export function bilingualOf(err: unknown): { text?: BilingualText } {
  const text = (err as { text?: unknown } | null)?.text as Partial<BilingualText> | undefined;
  return text && typeof text.ko === 'string' && typeof text.en === 'string' ? { text: { ko: text.ko, en: text.en } } : {};
}
