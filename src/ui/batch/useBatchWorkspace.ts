import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DuplicateDecision, DuplicatePair } from '../../core/batch/dedupe';
import { resolveBatch, type BatchResult } from '../../core/batch/resolve';
import type { BatchMember, InvalidItem } from '../../core/batch/types';
import { BatchJobCancelled, type BatchProgress, type BatchRunner } from './client';
import { uniqueLabels } from './collect';
import type { BatchFile, ExportKind } from './protocol';

/**
 * The batch workspace: in memory for this session only, never in the app's database. Members' mobile
 * numbers and accounts are other people's data; keeping them out of IndexedDB keeps them out of the
 * user's backups too, and the files plus the decisions file rebuild the same batch at any time.
 */

export type Workspace = {
  files: BatchFile[];
  members: BatchMember[];
  invalid: InvalidItem[];
  pairs: DuplicatePair[];
  /** When the pairs were found: the automatic decisions carry this time. */
  analysedAt: string;
  /** The person's decisions, in the order made (the automatic ones are recomputed from the pairs). */
  decisions: DuplicateDecision[];
};

const EMPTY: Workspace = { files: [], members: [], invalid: [], pairs: [], analysedAt: new Date(0).toISOString(), decisions: [] };

export type RunningJob = { kind: 'read' | ExportKind; progress: BatchProgress | null; cancel: () => void };

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Keeps only decisions about pairs the workspace has, one per pair (the later wins). */
export function decisionsForPairs(decisions: readonly DuplicateDecision[], pairs: readonly DuplicatePair[]): { kept: DuplicateDecision[]; skipped: number } {
  const known = new Set(pairs.map((p) => pairKey(p.a, p.b)));
  const byPair = new Map<string, DuplicateDecision>();
  let skipped = 0;
  for (const d of decisions) {
    const key = pairKey(d.a, d.b);
    if (!known.has(key)) skipped++;
    else {
      byPair.delete(key);
      byPair.set(key, d);
    }
  }
  return { kept: [...byPair.values()], skipped };
}

export function useBatchWorkspace(runner: BatchRunner) {
  const [workspace, setWorkspace] = useState<Workspace>(EMPTY);
  const [job, setJob] = useState<RunningJob | null>(null);
  const jobRef = useRef<RunningJob | null>(null);

  // Leaving the page ends a job in progress.
  useEffect(() => () => jobRef.current?.cancel(), []);

  const result: BatchResult = useMemo(
    () => resolveBatch(workspace.members, workspace.invalid, workspace.pairs, { now: new Date(workspace.analysedAt), automatic: true, decisions: workspace.decisions }),
    [workspace],
  );

  const start = useCallback(
    <T,>(kind: RunningJob['kind'], run: (onProgress: (p: BatchProgress) => void) => { result: Promise<T>; cancel: () => void }): Promise<T | null> => {
      const handle = run((progress) => setJob((j) => (j ? { ...j, progress } : j)));
      const running: RunningJob = { kind, progress: null, cancel: handle.cancel };
      jobRef.current = running;
      setJob(running);
      return handle.result.then(
        (value) => value,
        (err: unknown) => {
          if (err instanceof BatchJobCancelled) return null;
          throw err;
        },
      ).finally(() => {
        if (jobRef.current === running) {
          jobRef.current = null;
          setJob(null);
        }
      });
    },
    [],
  );

  /** Reads new files and finds pairs across the whole workspace; null when cancelled (nothing added). */
  const addFiles = useCallback(
    async (picked: BatchFile[]): Promise<{ files: number; members: number; invalid: number } | null> => {
      const files = uniqueLabels(picked, new Set(workspace.files.map((f) => f.label)));
      const done = await start('read', (onProgress) => runner({ type: 'read', members: workspace.members, invalid: workspace.invalid, files }, onProgress));
      if (!done || done.type !== 'read-done') return null;
      setWorkspace((w) => ({
        files: [...w.files, ...files],
        members: done.members,
        invalid: done.invalid,
        pairs: done.pairs,
        analysedAt: new Date().toISOString(),
        decisions: decisionsForPairs(w.decisions, done.pairs).kept,
      }));
      return { files: files.length, members: done.members.length - workspace.members.length, invalid: done.invalid.length - workspace.invalid.length };
    },
    [runner, start, workspace],
  );

  const exportFile = useCallback(
    async (kind: ExportKind, options: { redact: boolean; appVersion: string; now: Date }): Promise<Uint8Array | null> => {
      const packets = new Set(result.applied.kept.filter((m) => m.source.kind === 'packet').map((m) => m.source.file));
      const files = kind === 'zip' && !options.redact ? workspace.files.filter((f) => packets.has(f.label)) : [];
      const done = await start(kind, (onProgress) =>
        runner({ type: 'export', kind, result, files, fileCount: workspace.files.length, redact: options.redact, now: options.now.toISOString(), appVersion: options.appVersion }, onProgress),
      );
      return done && done.type === 'export-done' ? done.bytes : null;
    },
    [result, runner, start, workspace.files],
  );

  const decide = useCallback((decision: DuplicateDecision) => {
    setWorkspace((w) => ({ ...w, decisions: decisionsForPairs([...w.decisions, decision], w.pairs).kept }));
  }, []);

  const undo = useCallback((decision: DuplicateDecision) => {
    setWorkspace((w) => ({ ...w, decisions: w.decisions.filter((d) => pairKey(d.a, d.b) !== pairKey(decision.a, decision.b)) }));
  }, []);

  /** Applies loaded decisions; returns how many applied and how many were about pairs this batch lacks. */
  const loadDecisions = useCallback(
    (decisions: readonly DuplicateDecision[]): { applied: number; skipped: number } => {
      const { kept, skipped } = decisionsForPairs(decisions, workspace.pairs);
      setWorkspace((w) => ({ ...w, decisions: decisionsForPairs([...w.decisions, ...kept], w.pairs).kept }));
      return { applied: kept.length, skipped };
    },
    [workspace.pairs],
  );

  const clear = useCallback(() => setWorkspace(EMPTY), []);

  return { workspace, result, job, addFiles, exportFile, decide, undo, loadDecisions, clear };
}
