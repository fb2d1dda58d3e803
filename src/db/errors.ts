import { bi } from '../core/model/text';
/**
 * Storage failures the user can act on, recognised however deeply Dexie wraps them
 * (a DOMException inside an AbortError inside a BulkError's failures, ...).
 */
export type StorageProblem = 'quota' | 'read-only' | 'closed' | 'unknown';

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
  failuresByPos?: unknown;
}

function causes(err: unknown): unknown[] {
  if (!err || typeof err !== 'object') return [];
  const e = err as ErrorLike;
  const out: unknown[] = [];
  if (e.inner) out.push(e.inner);
  if (e.cause) out.push(e.cause);
  if (Array.isArray(e.failures)) out.push(...e.failures);
  if (e.failuresByPos && typeof e.failuresByPos === 'object') out.push(...Object.values(e.failuresByPos));
  return out;
}

function someCause(err: unknown, test: (e: ErrorLike) => boolean, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 8) return false;
  if (test(err as ErrorLike)) return true;
  return causes(err).some((c) => someCause(c, test, depth + 1));
}

/** True for QuotaExceededError (DOM, legacy code 22, Dexie.QuotaExceededError) at any depth. */
export function isQuotaError(err: unknown): boolean {
  return someCause(err, (e) => e.name === 'QuotaExceededError' || e.name === 'QuotaExceeded' || e.code === 22);
}

export function classifyStorageError(err: unknown): StorageProblem {
  if (isQuotaError(err)) return 'quota';
  if (someCause(err, (e) => e.name === 'ReadOnlyError')) return 'read-only';
  if (someCause(err, (e) => e.name === 'DatabaseClosedError')) return 'closed';
  return 'unknown';
}

/** Thrown when a write would break the "never write a newer app's database" rule. */
export class ReadOnlyDatabaseError extends Error {
  override name = 'ReadOnlyError';
  constructor() {
    super(bi('이 데이터는 새 버전의 앱에서 만들어져 읽기만 할 수 있어요', 'this data was made by a newer app version and is read-only'));
  }
}
