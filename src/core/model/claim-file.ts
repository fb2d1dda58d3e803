/**
 * The claim file: JSON `{ format: "outage-loss-desk/claim", formatVersion: 1, ... }` (docs/claim-format.md).
 * `parseClaimFile` upgrades older versions step by step (n -> n+1), refuses newer ones, and returns either
 * the claim or every issue with its field path (`records[12].count`) and a Korean + English reason.
 */
import type { z } from 'zod';
import { CLAIM_FORMAT, CLAIM_FORMAT_VERSION, claimSchema, type Claim } from './claim';
import { bi } from './common';
import { incidentFromPreset } from '../incidents/index';

export interface ClaimIssue {
  /** `records[12].count`; empty for the whole file. */
  path: string;
  /** Korean, then English after " / ". */
  message: string;
}

export type ClaimParseResult =
  | { ok: true; claim: Claim; upgradedFrom: number | null }
  | { ok: false; issues: ClaimIssue[] };

/** `['records', 12, 'count']` -> `records[12].count` */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

const TYPE_KO: Record<string, string> = {
  string: '글자', number: '숫자', boolean: '참/거짓', object: '객체', array: '목록', int: '정수',
};

/** Zod's default messages are English only; this map gives every reason in Korean and English. */
export const bilingualErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return bi('꼭 적어야 하는 항목이에요', 'required');
      return bi(`${TYPE_KO[issue.expected] ?? issue.expected} 값이어야 해요`, `expected ${issue.expected}`);
    case 'too_small':
      if (issue.origin === 'array') return bi(`항목이 ${String(issue.minimum)}개 이상이어야 해요`, `needs at least ${String(issue.minimum)} items`);
      if (issue.origin === 'string') return bi(`${String(issue.minimum)}자 이상이어야 해요`, `needs at least ${String(issue.minimum)} characters`);
      return bi(`${String(issue.minimum)} ${issue.inclusive ? '이상' : '초과'}이어야 해요`, `must be ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}`);
    case 'too_big':
      if (issue.origin === 'array') return bi(`항목이 ${String(issue.maximum)}개 이하여야 해요`, `at most ${String(issue.maximum)} items`);
      if (issue.origin === 'string') return bi(`${String(issue.maximum)}자 이하여야 해요`, `at most ${String(issue.maximum)} characters`);
      return bi(`${String(issue.maximum)} ${issue.inclusive ? '이하' : '미만'}이어야 해요`, `must be ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}`);
    case 'invalid_format':
      return bi('형식이 맞지 않아요', `invalid format (${issue.format})`);
    case 'not_multiple_of':
      return bi(`${String(issue.divisor)}의 배수여야 해요`, `must be a multiple of ${String(issue.divisor)}`);
    case 'unrecognized_keys':
      return bi(`알 수 없는 항목이에요: ${issue.keys.join(', ')}`, `unknown keys: ${issue.keys.join(', ')}`);
    case 'invalid_value':
      return bi(`다음 중 하나여야 해요: ${issue.values.map(String).join(', ')}`, `must be one of: ${issue.values.map(String).join(', ')}`);
    case 'invalid_union':
      return bi('허용된 형태가 아니에요', 'does not match any allowed shape');
    case 'invalid_key':
      return bi('항목 이름이 올바르지 않아요', 'invalid key');
    case 'invalid_element':
      return bi('값이 올바르지 않아요', 'invalid value');
    default:
      return bi('값이 올바르지 않아요', 'invalid value');
  }
};

/** Turn zod issues into field-path issues; a union's branch issues are flattened to the deepest ones. */
export function toClaimIssues(error: z.ZodError): ClaimIssue[] {
  const out: ClaimIssue[] = [];
  const walk = (issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]) => {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path];
      if (issue.code === 'invalid_union' && issue.errors.length > 0) {
        // Report the branch that got furthest (fewest issues) rather than "no union matched".
        const best = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
        walk(best, path);
      } else {
        out.push({ path: formatIssuePath(path), message: issue.message });
      }
    }
  };
  walk(error.issues, []);
  return out;
}

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
    if (!incident) throw new UpgradeError('incidentId', bi(`알 수 없는 장애 프리셋이에요: ${String(v0.incidentId)}`, `unknown incident preset: ${String(v0.incidentId)}`));
    const { phone, ...claimantRest } = v0.claimant ?? ({} as ClaimV0['claimant']);
    const records = Array.isArray(v0.records) ? v0.records : [];
    let hourly = false;
    const upgradedRecords = records.map((r, i) => {
      const m = V0_TIME_RE.exec(String(r?.time ?? ''));
      if (!m) throw new UpgradeError(`records[${i}].time`, bi('시간은 2022-10-15 20:00 형식이어야 해요', 'time must look like 2022-10-15 20:00'));
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

class UpgradeError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

export const OLDEST_SUPPORTED_VERSION = 0;

/** Parse the text or the already-decoded JSON of a claim file. */
export function parseClaimFile(input: string | unknown): ClaimParseResult {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch (err) {
      return { ok: false, issues: [{ path: '', message: bi('JSON 형식이 아니에요', `not valid JSON (${(err as Error).message})`) }] };
    }
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { ok: false, issues: [{ path: '', message: bi('청구 파일은 JSON 객체여야 해요', 'a claim file is a JSON object') }] };
  }
  const obj = doc as Record<string, unknown>;
  if (obj.format !== CLAIM_FORMAT) {
    return { ok: false, issues: [{ path: 'format', message: bi(`청구 파일이 아니에요 (format은 "${CLAIM_FORMAT}"이어야 해요)`, `not a claim file (format must be "${CLAIM_FORMAT}")`) }] };
  }
  const version = obj.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_SUPPORTED_VERSION) {
    return { ok: false, issues: [{ path: 'formatVersion', message: bi('formatVersion은 0 이상의 정수여야 해요', 'formatVersion must be a whole number >= 0') }] };
  }
  if (version > CLAIM_FORMAT_VERSION) {
    return {
      ok: false,
      issues: [{
        path: 'formatVersion',
        message: bi(
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
    if (err instanceof UpgradeError) return { ok: false, issues: [{ path: err.path, message: err.message }] };
    return { ok: false, issues: [{ path: '', message: bi(`버전 ${version} 파일을 바꾸지 못했어요`, `could not upgrade a version ${version} file: ${(err as Error).message}`) }] };
  }
  const parsed = claimSchema.safeParse(current, { error: bilingualErrorMap });
  if (!parsed.success) return { ok: false, issues: toClaimIssues(parsed.error) };
  return { ok: true, claim: parsed.data, upgradedFrom: version === CLAIM_FORMAT_VERSION ? null : version };
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
