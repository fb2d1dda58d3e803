import { describe, expect, it } from 'vitest';
import {
  BUNDLED_PACKS,
  describeRule,
  draftToPack,
  findBundledPack,
  newOutagePack,
  nextChannelId,
  nowRoundedKst,
  packChanges,
  packFileText,
  packHasUnconfirmed,
  packToIncident,
  parseIncidentPackText,
  sortPacksNewestFirst,
  suggestedChannelsFor,
  suggestedServicesFor,
  type PackDraft,
} from '../../../src/core/incidents/index';
import { readJoined } from '../../../src/core/model/common';
import type { IncidentPack } from '../../../src/core/model/incident-pack';
import { parseInstant } from '../../../src/core/time/kst';

const pack = (id: string) => findBundledPack(id)!;
const channels = (id: string, profile: Parameters<typeof suggestedChannelsFor>[2]) => {
  const p = pack(id);
  return suggestedChannelsFor(packToIncident(p), p, profile).map((c) => [c.label.ko, c.isPlatform ? 'stopped' : 'open']);
};

describe('a claimant\'s starting channels come from the pack', () => {
  it('a PC cafe in the LG U+ internet outage: the line and the card terminal stopped, cash open', () => {
    expect(channels('lguplus-2023-01', { kind: 'merchant', industry: 'other' })).toEqual([
      ['회선이 필요한 매출 (PC 이용·온라인 주문)', 'stopped'], ['카드 단말기 결제', 'stopped'], ['현금', 'open'], ['전화 주문', 'open'],
    ]);
  });

  it('a shop in KT\'s 2021 network outage also loses its phone orders; the KT 2024 landline outage stops only the phone', () => {
    expect(channels('kt-2021-10', { kind: 'merchant', industry: 'retail' })).toContainEqual(['전화 주문', 'stopped']);
    expect(channels('kt-2024-08', { kind: 'merchant', industry: 'retail' })).toEqual([['카드', 'open'], ['현금', 'open'], ['전화 주문', 'stopped']]);
  });

  it('a Baemin merchant: the delivery app stopped, everything else open, and nothing from Kakao', () => {
    const list = channels('baemin-2025-05', { kind: 'merchant', industry: 'restaurant' });
    expect(list).toEqual([['배달의민족 앱 (주문)', 'stopped'], ['카드', 'open'], ['현금', 'open'], ['전화 주문', 'open'], ['다른 배달 앱', 'open']]);
    for (const p of BUNDLED_PACKS.filter((x) => x.id !== 'kakao-2022-10')) {
      for (const industry of ['restaurant', 'cafe', 'retail', 'personal-services', 'other'] as const) {
        const labels = suggestedChannelsFor(packToIncident(p), p, { kind: 'merchant', industry }).map((c) => c.label.ko).join(' ');
        expect(labels, `${p.id} ${industry}`).not.toMatch(/카카오/);
      }
    }
  });

  it('keeps the Kakao 2022 channels and ids the importers and example claims use', () => {
    const p = pack('kakao-2022-10');
    const ids = (profile: Parameters<typeof suggestedChannelsFor>[2]) => suggestedChannelsFor(packToIncident(p), p, profile).map((c) => `${c.id}${c.isPlatform ? '*' : ''}`);
    expect(ids({ kind: 'merchant', industry: 'restaurant' })).toEqual(['kakao-talk*', 'kakao-pay*', 'card', 'cash', 'phone', 'other-app']);
    expect(ids({ kind: 'merchant', industry: 'cafe' })).toEqual(['kakao-gift*', 'kakao-pay*', 'card', 'cash']);
    expect(ids({ kind: 'taxi', taxiType: 'private' })).toEqual(['kakao-t*', 'street', 'phone']);
    expect(ids({ kind: 'designated-driver' })).toEqual(['kakao-t*', 'other-app', 'phone']);
    expect(suggestedServicesFor(packToIncident(p), p, { kind: 'merchant', industry: 'cafe' })).toEqual(['kakao-pay', 'kakaotalk-gift-order']);
    expect(suggestedServicesFor(packToIncident(p), p, { kind: 'designated-driver' })).toEqual(['kakao-t-daeri']);
  });

  it('suggests every interval of a service (LG U+: both days)', () => {
    const p = pack('lguplus-2023-01');
    expect(suggestedServicesFor(packToIncident(p), p, { kind: 'merchant', industry: 'other' })).toEqual(packToIncident(p).services.map((s) => s.id));
  });

  it('an outage of one\'s own: each service a stopped channel with its own name, ids neutral', () => {
    const r = newOutagePack({ services: ['동네 인터넷', '포스기'], start: '2026-12-04T13:05+09:00', channels: ['damage365'], now: parseInstant('2026-12-04T14:10+09:00') });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const list = suggestedChannelsFor(packToIncident(r.pack, { now: parseInstant('2026-12-04T14:10+09:00') }), r.pack, { kind: 'merchant', industry: 'other' });
    expect(list.slice(0, 2)).toEqual([
      { id: 'service-1', label: { ko: '동네 인터넷', en: '' }, isPlatform: true },
      { id: 'service-2', label: { ko: '포스기', en: '' }, isPlatform: true },
    ]);
    expect(nextChannelId(['ch-1', 'card', 'ch-3'])).toBe('ch-2');
  });
});

describe('a new outage, now', () => {
  it('starts at the rounded current time (or an hour ago), open end closed at the end of this hour, with the chosen generic channels', () => {
    const now = parseInstant('2026-12-04T14:07:41+09:00');
    expect(nowRoundedKst(now)).toBe('2026-12-04T14:05+09:00');
    const r = newOutagePack({ services: ['배달 앱 주문', ' '], start: '2026-12-04T13:07+09:00', channels: ['damage365', 'dispute-mediation', 'generic'], now });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.pack.services).toHaveLength(1);
    expect(r.pack.services[0]!.intervals[0]).toMatchObject({ start: '2026-12-04T13:07+09:00', end: null, startUnconfirmed: true });
    expect(r.pack.channels.map((c) => c.kind)).toEqual(['damage365', 'dispute-mediation', 'generic']);
    const incident = packToIncident(r.pack, { now });
    expect(incident.services[0]!.window).toEqual({ start: '2026-12-04T13:07+09:00', end: '2026-12-04T15:00+09:00' });
    expect(incident.presetId).toBe(r.pack.id);
    expect(incident.name.ko).toBe('배달 앱 주문 장애');
    // What is not known about the interval goes into each language's half of the service's source (issue 17):
    // the Korean reader sees the Korean flags, the English reader the English ones, nothing of the other.
    // This note is Korean only, so the whole source is Korean (English readers see it as it is).
    const source = readJoined(incident.services[0]!.source);
    expect(source.ko).toContain('시작 시각 미확인');
    expect(source.ko).toContain('끝 시각 미정');
    expect(source.en).toBe('');
    // A bilingual note: each half gets its own language's flags.
    const baemin = readJoined(packToIncident(pack('baemin-2025-05')).services[0]!.source);
    expect(baemin.ko).toMatch(/확인되지 않았어요 · 시작 시각 미확인 · 끝 시각 미확인$/);
    expect(baemin.en).toMatch(/unconfirmed · start time unconfirmed · end time unconfirmed$/);
    expect(baemin.en).not.toMatch(/\p{Script=Hangul}/u);
  });

  it('is refused with field paths when no service is named', () => {
    const r = newOutagePack({ services: [''], start: '2026-12-04T13:05+09:00', channels: [], now: parseInstant('2026-12-04T14:00+09:00') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['incident.name.ko', 'services']));
  });
});

function draft(): PackDraft {
  return {
    id: 'assoc-isp-2026-12', version: 1, publishedAt: '2026-12-05', publisher: '동네상인회',
    name: { ko: '동네 인터넷 장애 (2026년 12월)', en: 'Local internet outage (Dec 2026)' },
    summary: { ko: '점심 시간 인터넷 장애', en: 'Internet down at lunch' },
    sources: [{ publication: '상인회 공지', date: '2026-12-05', ref: 'notice-7' }],
    services: [{ name: { ko: '동네 인터넷', en: 'Local internet' }, kind: 'internet', intervals: [{ start: '2026-12-04T11:00+09:00', end: '2026-12-04T13:30+09:00', region: '' }] }],
    channels: ['damage365', 'generic'],
    rules: [
      { kind: 'fixed-amount', name: { ko: '가게당 5만 원', en: '50,000 per shop' }, claimantKinds: ['merchant'], amount: 50000, basis: 'months', duration: 1, outageWeekStart: '', periodFrom: '', periodTo: '', payment: 'on-request' },
      { kind: 'fee-for-duration', name: { ko: '요금 10배', en: '10 x the fee' }, claimantKinds: ['merchant'], amount: 0, basis: 'outage-multiple', duration: 10, outageWeekStart: '', periodFrom: '', periodTo: '', payment: 'automatic' },
      { kind: 'best-week', name: { ko: '최고 주 매출 차이', en: 'best week' }, claimantKinds: ['merchant'], amount: 0, basis: 'months', duration: 1, outageWeekStart: '2026-11-28', periodFrom: '2026-11-07', periodTo: '2026-12-04', payment: 'on-request' },
    ],
  };
}

describe('a pack written in the form', () => {
  it('becomes a valid pack; its exported file imports to the same pack (round trip)', () => {
    const r = draftToPack(draft(), { bundled: BUNDLED_PACKS });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.pack.rules.map((x) => x.kind)).toEqual(['fixed-amount', 'fee-for-duration', 'best-week']);
    expect(r.pack.channels.map((c) => c.rules)).toEqual([['rule-1', 'rule-2', 'rule-3'], ['rule-1', 'rule-2', 'rule-3']]);
    const again = parseIncidentPackText(packFileText(r.pack), { bundled: BUNDLED_PACKS });
    expect(again).toEqual({ ok: true, pack: r.pack });
    expect(describeRule(r.pack.rules[1]!).ko).toBe('장애 시간만큼의 요금 x 10배');
  });

  it('names the field of every mistake and refuses a bundled pack\'s id', () => {
    const d = draft();
    d.services[0]!.intervals[0]!.end = '2026-12-04T10:00+09:00';
    d.sources = [];
    d.rules[2]!.periodTo = '2026-11-01';
    const r = draftToPack(d, { bundled: BUNDLED_PACKS });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['services[0].intervals[0].end', 'incident.sources', 'rules[2].params.periodTo']));
    const bundledId = { ...draft(), id: 'kakao-2022-10' };
    const b = draftToPack(bundledId, { bundled: BUNDLED_PACKS });
    expect(b.ok ? [] : b.issues.map((i) => i.path)).toEqual(['id']);
  });
});

describe('listing and moving between versions', () => {
  it('lists newest outage first and marks unconfirmed packs', () => {
    const sorted = sortPacksNewestFirst(BUNDLED_PACKS.map((p) => ({ pack: p })));
    expect(sorted[0]!.pack.id).toBe('naverpay-2026-02');
    expect(sorted[sorted.length - 1]!.pack.id).toBe('kt-2021-10');
    expect(packHasUnconfirmed(pack('baemin-2025-05'))).toBe(true);
    expect(packHasUnconfirmed(pack('kt-2021-10'))).toBe(false);
  });

  /** The draft's pack as version 1 and an identical version 2 for a test to change. */
  function twoVersions(): { v1: IncidentPack; v2: IncidentPack } {
    const r = draftToPack(draft());
    if (!r.ok) throw new Error('draft');
    return { v1: r.pack, v2: { ...structuredClone(r.pack), version: 2 } };
  }

  it('says which intervals and rules a newer version changes', () => {
    const { v1, v2 } = twoVersions();
    v2.services[0]!.intervals[0]!.end = '2026-12-04T14:00+09:00';
    v2.rules = v2.rules.filter((x) => x.id !== 'rule-1');
    (v2.rules[0]!.params as { amount: number }).amount = 6;
    const c = packChanges(v1, v2);
    const both = (text: string) => ({ ko: text, en: text });
    expect(c.intervals).toEqual([{ service: v1.services[0]!.name, before: [both('2026-12-04 11:00~2026-12-04 13:30')], after: [both('2026-12-04 11:00~2026-12-04 14:00')] }]);
    expect(c.rules.map((x) => [x.change, x.name.ko])).toEqual([['removed', '가게당 5만 원'], ['changed', '요금 10배']]);
    expect(c.rules[1]!.after!.ko).toBe('장애 시간만큼의 요금 x 6배');
  });

  it("names an interval's region in each language's half, never both halves at once", () => {
    const { v1, v2 } = twoVersions();
    v2.services[0]!.intervals[0]!.region = '일부 지역 / some regions';
    const c = packChanges(v1, v2);
    expect(c.intervals[0]!.after).toEqual([{ ko: '2026-12-04 11:00~2026-12-04 13:30 (일부 지역)', en: '2026-12-04 11:00~2026-12-04 13:30 (some regions)' }]);
    // A region written in one language only is shown as it is on both sides.
    v2.services[0]!.intervals[0]!.region = '서울';
    expect(packChanges(v1, v2).intervals[0]!.after).toEqual([{ ko: '2026-12-04 11:00~2026-12-04 13:30 (서울)', en: '2026-12-04 11:00~2026-12-04 13:30 (서울)' }]);
  });
});
