import type { BuildRequest, BuildResponse, ImportProgress, OpenRequest, OpenResponse } from './engine';

/** Messages between the wizard and import.worker.ts. */
export type WorkerRequest = { id: number; kind: 'open'; request: OpenRequest } | { id: number; kind: 'build'; request: BuildRequest };

export type WorkerReply =
  | { id: number; type: 'progress'; progress: ImportProgress }
  | { id: number; type: 'done'; result: OpenResponse | BuildResponse }
  | { id: number; type: 'error'; error: { name: string; message: string; code?: string } };
