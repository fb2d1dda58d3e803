import type { DuplicatePair } from '../../core/batch/dedupe';
import type { BatchResult } from '../../core/batch/resolve';
import type { BatchMember, InvalidItem } from '../../core/batch/types';
import type { BilingualText } from '../../core/model/common';

/**
 * Messages between the batch page and its worker. Files travel as Blobs (File objects): cloning one
 * hands over a reference, so the bytes are read only inside the worker and never on the page's thread.
 */

export type BatchFile = { label: string; file: Blob };

export type ExportKind = 'csv' | 'xlsx' | 'pdf' | 'zip';

export type ReadJob = {
  type: 'read';
  /** Members and invalid items already in the workspace: new pairs are found across all of them. */
  members: BatchMember[];
  invalid: InvalidItem[];
  files: BatchFile[];
};

export type ExportJob = {
  type: 'export';
  kind: ExportKind;
  result: BatchResult;
  /** Packet files by label, read again for the zip (and checked against the first pass's hash). */
  files: BatchFile[];
  /** How many files the workspace read (the manifest's count). */
  fileCount: number;
  redact: boolean;
  /** ISO instant: the outputs' time stamp. */
  now: string;
  appVersion: string;
};

export type BatchJobRequest = ReadJob | ExportJob;

export type BatchJobPhase = 'reading' | 'duplicates' | 'roster' | 'fonts' | 'summary' | 'packets' | 'zip';

export type BatchJobMessage =
  /** Count, rate (items a second) and seconds left in the phase, as the CLI's stderr line (core/batch/progress.ts). */
  | { type: 'progress'; phase: BatchJobPhase; done: number; total: number; perSecond: number | null; secondsLeft: number | null }
  | { type: 'read-done'; members: BatchMember[]; invalid: InvalidItem[]; pairs: DuplicatePair[] }
  | { type: 'export-done'; kind: ExportKind; bytes: Uint8Array }
  | { type: 'error'; message: string; text: BilingualText };

export type BatchJobDone = Extract<BatchJobMessage, { type: 'read-done' | 'export-done' }>;
