/**
 * The claim file: JSON `{ format: "outage-loss-desk/claim", formatVersion: 1, ... }` (docs/claim-format.md).
 * `parseClaimFile` upgrades older versions step by step (n -> n+1), refuses newer ones, and returns either
 * the claim or every issue with its field path (`records[12].count`) and a Korean + English reason.
 */
import { CLAIM_FORMAT, CLAIM_FORMAT_VERSION, claimSchema, type Claim } from './claim';
import { fastClaim, type ClaimParseMemo } from './claim-fast';
import { bt, joined, type BilingualText } from './common';
import { incidentFromPreset } from '../incidents/index';

export { bilingualErrorMap, formatIssuePath, toClaimIssues, type ClaimIssue } from './issues';
import { bilingualErrorMap, toClaimIssues, type ClaimIssue } from './issues';

export type ClaimParseResult =
  | { ok: true; claim: Claim; upgradedFrom: number | null }
  | { ok: false; issues: ClaimIssue[] };

// ---------------------------------------------------------------------------------------------------
// Format versions. Each upgrade takes the plain JSON of version n and returns version n+1. Never edit a
// shipped upgrade; add the next one.

/**
 * Version 0: the prototype's flat shape (a single incident preset by id, records with local KST times
 * `2022-10-15 20:00`, a phone field, margin as two bare numbers).
 */
export interface ClaimV0 {
  format: typeof CLAIM_FORMAT;
  formatVersion: 0;
  id: string;
  claimant: Record<string, unknown> & { kind: string; name: string; phone: string };
  incidentId: string;
  services?: string[];
  channels?: { id: string; label: string; isPlatform?: boolean }[];
  records: { time: string; channel: string; count: number; revenue?: number | null }[];
  v?: number;
  c?: number;
}

type Upgrade = (doc: Record<string, unknown>) => Record<string, unknown>;

const V0_TIME_RE = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):00)?$/;

const upgrades: Record<number, Upgrade> = {
  0: (doc) => {
    const v0 = doc as unknown as ClaimV0;
    const incident = incidentFromPreset(String(v0.incidentId));
    if (!incident) throw new UpgradeError('incidentId', bt(`알 수 없는 장애 프리셋이에요: ${String(v0.incidentId)}`, `unknown incident preset: ${String(v0.incidentId)}`));
    const { phone, ...claimantRest } = v0.claimant ?? ({} as ClaimV0['claimant']);
    const records = Array.isArray(v0.records) ? v0.records : [];
    let hourly = false;
    const upgradedRecords = records.map((r, i) => {
      const m = V0_TIME_RE.exec(String(r?.time ?? ''));
      if (!m) throw new UpgradeError(`records[${i}].time`, bt('시간은 2022-10-15 20:00 형식이어야 해요', 'time must look like 2022-10-15 20:00'));
      if (m[2] !== undefined) hourly = true;
      return {
        bucket: m[2] !== undefined ? `${m[1]}T${m[2]}:00+09:00` : m[1],
        channel: r.channel,
        count: r.count,
        revenue: r.revenue ?? null,
        provenance: { kind: 'reconstructed', note: 'formatVersion 0' },
      };
    });
    const channels = v0.channels ?? [...new Set(records.map((r) => r.channel))].map((id) => ({ id, label: id, isPlatform: false }));
    return {
      format: CLAIM_FORMAT,
      formatVersion: 1,
      id: v0.id,
      claimant: {
        ...claimantRest,
        mobile: phone,
        servicesUsed: v0.services ?? [],
        salesChannels: channels.map((c) => ({ id: c.id, label: c.label, isPlatform: c.isPlatform ?? false })),
      },
      incident,
      granularity: hourly ? 'hourly' : 'daily',
      records: upgradedRecords,
      parameters: {
        margin: {
          v: v0.v === undefined ? { confirmed: false } : { value: v0.v, confirmed: true },
          c: v0.c === undefined ? { confirmed: false } : { value: v0.c, confirmed: true },
        },
      },
    };
  },
};

/** An old file that cannot be upgraded: the field and why, as a `{ ko, en }` text (the message is its joined shape). */
class UpgradeError extends Error {
  constructor(readonly path: string, readonly text: BilingualText) {
    super(joined(text));
    this.name = 'UpgradeError';
  }
}

export const OLDEST_SUPPORTED_VERSION = 0;

export type ParseClaimOptions = {
  /**
   * Memory shared between the claims one reader parses (core/model/claim-fast.ts): parsed sub-objects
   * (the incident) may then be shared between claims, so only for readers that never change a claim.
   * Used for JSON text of the current version only.
   */
  memo?: ClaimParseMemo;
};

/** Parse the text or the already-decoded JSON of a claim file. */
export function parseClaimFile(input: string | unknown, options: ParseClaimOptions = {}): ClaimParseResult {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch (err) {
      return { ok: false, issues: [{ path: '', message: bt('JSON 형식이 아니에요', `not valid JSON (${(err as Error).message})`) }] };
    }
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { ok: false, issues: [{ path: '', message: bt('청구 파일은 JSON 객체여야 해요', 'a claim file is a JSON object') }] };
  }
  const obj = doc as Record<string, unknown>;
  if (obj.format !== CLAIM_FORMAT) {
    return { ok: false, issues: [{ path: 'format', message: bt(`청구 파일이 아니에요 (format은 "${CLAIM_FORMAT}"이어야 해요)`, `not a claim file (format must be "${CLAIM_FORMAT}")`) }] };
  }
  const version = obj.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_SUPPORTED_VERSION) {
    return { ok: false, issues: [{ path: 'formatVersion', message: bt('formatVersion은 0 이상의 정수여야 해요', 'formatVersion must be a whole number >= 0') }] };
  }
  if (version > CLAIM_FORMAT_VERSION) {
    return {
      ok: false,
      issues: [{
        path: 'formatVersion',
        message: bt(
          `더 새 버전의 앱에서 만든 파일이에요 (파일 ${version}, 이 앱은 ${CLAIM_FORMAT_VERSION}까지 읽어요). 앱을 업데이트해 주세요`,
          `made by a newer version of the app (file format ${version}; this app reads up to ${CLAIM_FORMAT_VERSION}). Please update the app`,
        ),
      }],
    };
  }
  let current: Record<string, unknown> = obj;
  try {
    for (let v = version; v < CLAIM_FORMAT_VERSION; v++) current = upgrades[v]!(current);
  } catch (err) {
    if (err instanceof UpgradeError) return { ok: false, issues: [{ path: err.path, message: err.text }] };
    return { ok: false, issues: [{ path: '', message: bt(`버전 ${version} 파일을 바꾸지 못했어요`, `could not upgrade a version ${version} file: ${(err as Error).message}`) }] };
  }
  const upgradedFrom = version === CLAIM_FORMAT_VERSION ? null : version;
  // The fast path first (claim-fast.ts): zod's own output when it is sure; else zod decides and words every issue.
  const proto = Object.getPrototypeOf(current);
  // The memo only for JSON text read as is: its key (the incident's JSON) is then exact, no key holds undefined.
  const memo = typeof input === 'string' && upgradedFrom === null ? options.memo : undefined;
  const fast = proto === Object.prototype || proto === null ? fastClaim(current, memo) : null;
  if (fast) return { ok: true, claim: fast, upgradedFrom };
  const parsed = claimSchema.safeParse(current, { error: bilingualErrorMap });
  if (!parsed.success) return { ok: false, issues: toClaimIssues(parsed.error) };
  return { ok: true, claim: parsed.data, upgradedFrom };
}

/** The full zod parse only (no fast path): what the fast path must always agree with (tests). */
export function parseClaimWithZodOnly(current: unknown) {
  return claimSchema.safeParse(current, { error: bilingualErrorMap });
}

/**
 * Serialize a claim as a file: 2-space indent, one activity record per line (a year of hourly records
 * stays readable and diffable), trailing newline.
 */
export function serializeClaim(claim: Claim): string {
  const marker = '"__records__"';
  const text = JSON.stringify({ ...claim, records: '__records__' }, null, 2);
  const records = claim.records.length
    ? `[\n${claim.records.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]`
    : '[]';
  return `${text.replace(marker, () => records)}\n`;
}
