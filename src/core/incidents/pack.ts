/**
 * Loading and using incident packs (shared/incident-packs.md). The API the CLI and the UI use:
 * - `parseIncidentPackText(text, { bundled })`: a pack file's text -> the pack, or every issue with its field path;
 * - `packToIncident(pack, { now })`: the claim's incident (one window per service interval);
 * - `rulesOfPack(pack, claimantKind)`: the rules that apply to a claimant.
 */
import { bi, bt, joined, readJoined, type BilingualText } from '../model/common';
import type { Incident, ServiceOutage } from '../model/incident';
import { formatIssuePath, bilingualErrorMap } from '../model/issues';
import {
  incidentPackSchema,
  MAX_PACK_BYTES,
  type CompensationRule,
  type IncidentPack,
  type PackSource,
} from '../model/incident-pack';
import { formatKstInstant, hourContaining, parseInstant } from '../time/kst';

export interface PackIssue {
  /** `rules[2].params.share`; empty for the whole file. */
  path: string;
  /** Picked with textIn/pickLanguage on screen; joined only in the CLI's written lines. */
  message: BilingualText;
}

/** Two packs with the same content, whatever their key order. */
export function samePack(a: IncidentPack, b: IncidentPack): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export type PackParseResult = { ok: true; pack: IncidentPack } | { ok: false; issues: PackIssue[] };

/** JSON values equal whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj).filter((k) => obj[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Keys that would reach an object's prototype when copied: refused wherever they occur. */
function forbiddenKeyPaths(value: unknown, path: (string | number)[] = [], out: PackIssue[] = []): PackIssue[] {
  if (out.length >= 20) return out;
  if (Array.isArray(value)) value.forEach((v, i) => forbiddenKeyPaths(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) out.push({ path: formatIssuePath([...path, key]), message: bt(`쓸 수 없는 이름이에요: ${key}`, `forbidden key: ${key}`) });
      else forbiddenKeyPaths((value as Record<string, unknown>)[key], [...path, key], out);
    }
  }
  return out;
}

export interface ParsePackOptions {
  /** Packs bundled with the app: an imported pack may not reuse one of their ids with other content. */
  bundled?: readonly IncidentPack[];
}

/** Validates an already-decoded value (same checks as the text, except the size). */
export function parseIncidentPack(value: unknown, opts: ParsePackOptions = {}): PackParseResult {
  const forbidden = forbiddenKeyPaths(value);
  if (forbidden.length > 0) return { ok: false, issues: forbidden };
  const result = incidentPackSchema.safeParse(value, { error: bilingualErrorMap });
  if (!result.success) {
    return { ok: false, issues: result.error.issues.map((i) => ({ path: formatIssuePath(i.path), message: readJoined(i.message) })) };
  }
  const pack = result.data;
  const twin = opts.bundled?.find((b) => b.id === pack.id);
  if (twin && canonicalJson(twin) !== canonicalJson(pack)) {
    return {
      ok: false,
      issues: [{ path: 'id', message: bt(`앱에 들어 있는 장애 팩과 id가 같아요: ${pack.id}. 다른 id를 쓰세요`, `the id ${pack.id} belongs to a pack bundled with the app; use another id`) }],
    };
  }
  return { ok: true, pack };
}

/** A pack file's text: size first, then JSON, then the schema. Nothing is stored here. */
export function parseIncidentPackText(text: string, opts: ParsePackOptions = {}): PackParseResult {
  // UTF-8 takes at least one byte per UTF-16 unit: a long text is refused without encoding it.
  const bytes = text.length > MAX_PACK_BYTES ? text.length : new TextEncoder().encode(text).length;
  if (bytes > MAX_PACK_BYTES) {
    return { ok: false, issues: [{ path: '', message: bt(`장애 팩 파일이 너무 커요 (${bytes} 바이트, 최대 ${MAX_PACK_BYTES})`, `the pack file is too large (${bytes} bytes, at most ${MAX_PACK_BYTES})`) }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return { ok: false, issues: [{ path: '', message: bt('JSON 형식이 아니에요', `not valid JSON (${(err as Error).message})`) }] };
  }
  return parseIncidentPack(value, opts);
}

/** One line per issue in both languages (the CLI's written output): `rules[0].kind: 한국어 / English`. */
export function formatPackIssues(issues: readonly PackIssue[]): string {
  return issues.map((i) => `${i.path || '(파일 / file)'}: ${joined(i.message)}`).join('\n');
}

/** A source with its article id or address, for the CLI's listings of a pack (people checking the pack itself). */
export function sourceText(s: PackSource): string {
  return [s.publication, s.date, s.ref].filter(Boolean).join(' ');
}

/**
 * A source as text that leaves the app (service notes, rule sources in the packet and on screen): the
 * publication and its date in plain words, never the article id or address.
 */
export function citationText(s: PackSource): string {
  return [s.publication, s.date].filter(Boolean).join(' ');
}

/** Every article id or address a pack's sources name (for withoutRefs). */
export function packRefs(pack: IncidentPack): string[] {
  const refs = new Set<string>();
  const add = (list: readonly PackSource[]) => list.forEach((x) => x.ref && refs.add(x.ref));
  add(pack.incident.sources);
  pack.services.forEach((x) => add(x.sources));
  pack.channels.forEach((x) => add(x.sources));
  pack.rules.forEach((x) => add(x.sources));
  return [...refs];
}

/** The date of each article a pack's sources name, where the pack gives it: a note cites it in its stead. */
export function packRefDates(pack: IncidentPack): ReadonlyMap<string, string> {
  const dates = new Map<string, string>();
  const add = (list: readonly PackSource[]) => list.forEach((x) => x.ref && x.date && dates.set(x.ref, x.date));
  add(pack.incident.sources);
  pack.services.forEach((x) => add(x.sources));
  pack.channels.forEach((x) => add(x.sources));
  pack.rules.forEach((x) => add(x.sources));
  return dates;
}

/**
 * A note as text that leaves the app: the article ids and addresses it cites are taken out, so
 * "(카카오 발표, MBC 6420718)" reads "(카카오 발표, MBC)"; an article whose date is known is cited by it,
 * "(디지털데일리 2022101623402869383)" reading "(디지털데일리 2022-10-16)". The publication stays.
 */
export function withoutRefs(text: string, refs: readonly string[], dates: ReadonlyMap<string, string> = new Map()): string {
  let out = text;
  // Longest first, so a ref that contains another is removed whole.
  for (const ref of [...refs].filter((r) => r.trim().length >= 4).sort((a, b) => b.length - a.length)) out = out.split(ref).join(dates.get(ref) ?? '');
  if (out === text) return text;
  return out
    .replace(/\(\s*[,;]?\s*\)/g, '')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/\s+([,;.])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** Several sources cited once each (two articles of one publication on one day read as one). */
export function citationsText(sources: readonly PackSource[], separator = ', '): string {
  return [...new Set(sources.map(citationText))].join(separator);
}

export interface PackToIncidentOptions {
  /** Closes open intervals (an outage still going on) at the end of this instant's hour. Required for such packs. */
  now?: number;
}

/**
 * The claim's incident from a pack. A claim's service has one window, so a service with several intervals
 * becomes one service per interval (`id`, `id-2`, ...), each named with its date and region. An open end is
 * closed at the end of the current hour and said so in the source.
 */
/**
 * A service's `source`: the note, then what is not known about its interval, each language in its own half
 * (a Korean-only note keeps the whole text Korean, so readJoined gives it back whole).
 */
function serviceSourceText(note: BilingualText, flags: readonly BilingualText[]): string {
  const ko = [note.ko.trim(), ...flags.map((f) => f.ko)].filter(Boolean).join(' · ');
  const en = note.en.trim() || !note.ko.trim() ? [note.en.trim(), ...flags.map((f) => f.en)].filter(Boolean).join(' · ') : '';
  return joined({ ko, en });
}

export function packToIncident(pack: IncidentPack, opts: PackToIncidentOptions = {}): Incident {
  const services: ServiceOutage[] = [];
  const refs = packRefs(pack);
  const dates = packRefDates(pack);
  for (const s of pack.services) {
    const sources = citationsText(s.sources, '; ');
    s.intervals.forEach((w, i) => {
      let end = w.end;
      // What is not known about the interval, as { ko, en } texts.
      const flags: BilingualText[] = [];
      if (w.startUnconfirmed) flags.push(bt('시작 시각 미확인', 'start time unconfirmed'));
      if (end === null) {
        if (opts.now === undefined) throw new Error(bi(`끝나지 않은 장애 구간이에요: ${s.id}. 현재 시각이 필요해요`, `open interval in ${s.id}: the current time is needed`));
        end = formatKstInstant((hourContaining(opts.now) + 1) * 3_600_000);
        if (parseInstant(end) <= parseInstant(w.start)) end = formatKstInstant(parseInstant(w.start) + 3_600_000);
        flags.push(bt('끝 시각 미정: 지금까지로 잡았어요', 'end not known yet: counted up to now'));
      } else if (w.endUnconfirmed) flags.push(bt('끝 시각 미확인', 'end time unconfirmed'));
      const multi = s.intervals.length > 1;
      // A region written "한국어 / English" (as the bundled packs do): each name gets its own language's half.
      const region = w.region ? readJoined(w.region) : null;
      const suffix = (where: string) => (multi ? ` (${w.start.slice(0, 10)} ${w.start.slice(11, 16)}${where ? `, ${where}` : ''})` : where ? ` (${where})` : '');
      services.push({
        id: multi && i > 0 ? `${s.id}-${i + 1}` : s.id,
        name: { ko: `${s.name.ko}${suffix(region?.ko ?? '')}`, en: s.name.en ? `${s.name.en}${suffix(region ? region.en || region.ko : '')}` : '' },
        window: { start: w.start, end },
        // The interval's own note says where its times come from; else the service's note, else its sources.
        // `source` is a string the claim file keeps (the examples hold it), in the joined "한국어 / English"
        // shape: the flags go into each language's half, so a Korean reader sees "시작 시각 미확인" too.
        source: serviceSourceText(readJoined(withoutRefs(w.note || s.note || sources, refs, dates)), flags),
      });
    });
  }
  return {
    id: pack.id,
    presetId: pack.id,
    name: { ko: pack.incident.name.ko, en: pack.incident.name.en },
    summary: [pack.incident.summary.ko, pack.incident.summary.en].filter(Boolean).join(' / '),
    services,
  };
}

/** The pack's rules that name this claimant kind. */
export function rulesOfPack(pack: IncidentPack, claimantKind: string): CompensationRule[] {
  return pack.rules.filter((r) => (r.claimantKinds as readonly string[]).includes(claimantKind));
}

/** Every outage interval of a pack, for listings. */
export function packIntervals(pack: IncidentPack): { service: string; start: string; end: string | null; region?: string }[] {
  return pack.services.flatMap((s) => s.intervals.map((w) => ({ service: s.id, start: w.start, end: w.end, ...(w.region ? { region: w.region } : {}) })));
}
