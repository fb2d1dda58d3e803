/**
 * Packs written in the app: the association's form (incident, services and intervals, sources, channels,
 * the simple rule kinds) and "a new outage, now" (start = now, open end, services typed in). Both become
 * an ordinary pack file, validated by the same parser as an imported one, so what an association exports
 * a member imports unchanged.
 */
import type { BilingualText } from '../model/common';
import {
  INCIDENT_PACK_FORMAT,
  INCIDENT_PACK_FORMAT_VERSION,
  type ChannelKind,
  type IncidentPack,
  type PackSource,
  type ServiceKind,
} from '../model/incident-pack';
import { formatKstInstant } from '../time/kst';
import type { Incident } from '../model/incident';
import { packToIncident, parseIncidentPack, type PackParseResult, type ParsePackOptions } from './pack';

/** The claim channels any outage has, with their usual names (incident-packs.md, "Law"). */
export const GENERIC_CHANNEL_KINDS = ['damage365', 'dispute-mediation', 'generic'] as const satisfies readonly ChannelKind[];
export type GenericChannelKind = (typeof GENERIC_CHANNEL_KINDS)[number];

export const GENERIC_CHANNEL_NAMES: Record<GenericChannelKind, BilingualText> = {
  damage365: { ko: '온라인피해365센터', en: 'Online Damage 365 Center' },
  'dispute-mediation': { ko: '분쟁조정 (통신분쟁조정위원회 등)', en: 'Dispute mediation' },
  generic: { ko: '일반 청구서', en: 'General claim' },
};

/** The rule kinds the form writes (the others are written as JSON by hand). */
export const AUTHORED_RULE_KINDS = ['fixed-amount', 'fee-for-duration', 'best-week'] as const;
export type AuthoredRuleKind = (typeof AUTHORED_RULE_KINDS)[number];

export interface IntervalDraft {
  /** `2026-12-04T13:05+09:00`. */
  start: string;
  /** Empty: still going on. */
  end: string;
  region: string;
}

export interface ServiceDraft {
  name: BilingualText;
  kind: ServiceKind | '';
  intervals: IntervalDraft[];
}

export interface RuleDraft {
  kind: AuthoredRuleKind;
  name: BilingualText;
  claimantKinds: string[];
  /** fixed-amount: won per claimant. */
  amount: number;
  /** fee-for-duration: how the declared monthly fee is counted, and how much of it. */
  basis: 'outage-multiple' | 'hours' | 'days' | 'months';
  duration: number;
  /** best-week: the outage week's first day and the period compared. */
  outageWeekStart: string;
  periodFrom: string;
  periodTo: string;
  payment: 'automatic' | 'on-request' | 'unknown';
}

export interface PackDraft {
  id: string;
  version: number;
  publishedAt: string;
  publisher: string;
  name: BilingualText;
  summary: BilingualText;
  /** The sources of the whole pack: every service and rule cites them. */
  sources: PackSource[];
  services: ServiceDraft[];
  channels: GenericChannelKind[];
  rules: RuleDraft[];
}

/** The form's content as a pack file's value (not yet validated). Ids are neutral: `service-1`, `rule-1`. */
export function draftToPackValue(d: PackDraft): Record<string, unknown> {
  const sources = d.sources.map((s) => ({ publication: s.publication.trim(), ref: s.ref.trim(), ...(s.date ? { date: s.date } : {}) }));
  return {
    format: INCIDENT_PACK_FORMAT,
    formatVersion: INCIDENT_PACK_FORMAT_VERSION,
    id: d.id.trim(),
    version: d.version,
    publishedAt: d.publishedAt,
    publisher: d.publisher.trim(),
    incident: { name: trimText(d.name), summary: trimText(d.summary), sources },
    services: d.services.map((s, i) => ({
      id: `service-${i + 1}`,
      name: trimText(s.name),
      ...(s.kind ? { kind: s.kind } : {}),
      intervals: s.intervals.map((w) => ({ start: w.start, end: w.end.trim() === '' ? null : w.end, ...(w.region.trim() ? { region: w.region.trim() } : {}) })),
      sources,
    })),
    channels: d.channels.map((kind) => ({ id: kind, kind, name: GENERIC_CHANNEL_NAMES[kind], rules: d.rules.map((_, i) => `rule-${i + 1}`) })),
    rules: d.rules.map((r, i) => ruleValue(r, `rule-${i + 1}`, sources)),
  };
}

function trimText(t: BilingualText): BilingualText {
  return { ko: t.ko.trim(), en: t.en.trim() };
}

function ruleValue(r: RuleDraft, id: string, sources: unknown[]): Record<string, unknown> {
  const base = { id, kind: r.kind, name: trimText(r.name), claimantKinds: r.claimantKinds, sources, payment: r.payment };
  switch (r.kind) {
    case 'fixed-amount':
      return { ...base, params: { amount: r.amount } };
    case 'fee-for-duration':
      return {
        ...base,
        inputs: [{ id: 'monthlyFee', unit: 'won', name: { ko: '월 이용 요금', en: 'monthly fee' }, evidence: { ko: '요금 고지서나 명세서', en: 'the bill or statement' } }],
        params: { feeInput: 'monthlyFee', basis: r.basis, amount: r.duration, daysPerMonth: 30 },
      };
    case 'best-week':
      return { ...base, params: { outageWeekStart: r.outageWeekStart, periodFrom: r.periodFrom, periodTo: r.periodTo } };
  }
}

/** The form's content as a validated pack (same checks as an imported file: field paths on every issue). */
export function draftToPack(d: PackDraft, opts: ParsePackOptions = {}): PackParseResult {
  return parseIncidentPack(draftToPackValue(d), opts);
}

/** A pack as the file an association publishes: pretty JSON, a trailing newline. */
export function packFileText(pack: IncidentPack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** `2026-12-04-outage.json`: a file name that says what it is, without ids. */
export function packFileName(pack: IncidentPack): string {
  const start = pack.services.flatMap((s) => s.intervals.map((w) => w.start)).sort()[0] ?? pack.publishedAt;
  return `장애-${start.slice(0, 10)}-v${pack.version}.json`;
}

/** Now, floored to the 5 minutes (a start typed "now" reads 13:05, not 13:07:41). */
export function nowRoundedKst(now: number): string {
  const step = 5 * 60_000;
  return formatKstInstant(Math.floor(now / step) * step);
}

export interface NewOutageInput {
  /** Service names as typed, one per service (blank ones are dropped). */
  services: string[];
  /** When it began (defaults to now, rounded); the end stays open. */
  start: string;
  channels: GenericChannelKind[];
  /** A name for the outage; defaults to the first service's. */
  name?: string;
  now: number;
}

/**
 * "A new outage, now": one open interval per service from `start`, the chosen generic channels, no rules
 * (none is announced yet). Times the claimant typed are marked unconfirmed and cite the claimant.
 */
export function newOutagePackValue(input: NewOutageInput): Record<string, unknown> {
  const names = input.services.map((s) => s.trim()).filter(Boolean);
  const today = formatKstInstant(input.now).slice(0, 10);
  const source = { publication: '청구인이 직접 적은 시각 (Typed by the claimant)', ref: '공개 발표 전 (before any announcement)', date: today };
  const title = input.name?.trim() || (names.length > 0 ? `${names.join(', ')} 장애` : '');
  return {
    format: INCIDENT_PACK_FORMAT,
    formatVersion: INCIDENT_PACK_FORMAT_VERSION,
    id: `own-${input.now.toString(36)}`,
    version: 1,
    publishedAt: today,
    publisher: '',
    incident: {
      name: { ko: title, en: '' },
      summary: { ko: `${input.start.slice(0, 10)} ${input.start.slice(11, 16)}부터 이어지는 장애 (끝 시각 미정)`, en: `An outage from ${input.start.slice(0, 16).replace('T', ' ')} KST, still going on` },
      sources: [source],
    },
    services: names.map((name, i) => ({
      id: `service-${i + 1}`,
      name: { ko: name, en: '' },
      intervals: [{ start: input.start, end: null, startUnconfirmed: true }],
      sources: [source],
    })),
    channels: input.channels.map((kind) => ({ id: kind, kind, name: GENERIC_CHANNEL_NAMES[kind] })),
    rules: [],
  };
}

/**
 * The claim's incident from a pack stored on this computer (imported, written, or "a new outage, now"):
 * it records the pack's version, so a newer version leaves the claim where it is until the user moves it.
 * (Bundled packs change only with the app, so their claims name the pack alone.)
 */
export function incidentOfStoredPack(pack: IncidentPack, now: number): Incident {
  return { ...packToIncident(pack, { now }), presetVersion: pack.version };
}

/** Packs made by "a new outage, now" carry this id prefix: their times are the claimant's own. */
export function isOwnOutageId(id: string): boolean {
  return id.startsWith('own-');
}

export function newOutagePack(input: NewOutageInput, opts: ParsePackOptions = {}): PackParseResult {
  return parseIncidentPack(newOutagePackValue(input), opts);
}
