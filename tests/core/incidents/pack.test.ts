import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_PACKS,
  findBundledPack,
  packToIncident,
  parseIncidentPackText,
  type PackIssue,
} from '../../../src/core/incidents/index';
import type { IncidentPackInput } from '../../../src/core/model/incident-pack';
import { parseInstant } from '../../../src/core/time/kst';

/** A small valid pack of one's own: an association's, the day the rule was announced. */
function minimalPack(): IncidentPackInput & Record<string, unknown> {
  return {
    format: 'outage-loss-desk/incident-pack',
    formatVersion: 1,
    id: 'my-isp-2026-05',
    version: 1,
    publishedAt: '2026-05-02',
    incident: {
      name: { ko: '동네 인터넷 장애', en: 'Local internet outage' },
      summary: { ko: '점심 시간 인터넷 장애', en: 'Internet down at lunch' },
      sources: [{ publication: '협회 공지', date: '2026-05-02', ref: 'notice-12' }],
    },
    services: [
      { id: 'internet', name: { ko: '인터넷', en: 'Internet' }, sources: [{ publication: '협회 공지', ref: 'notice-12' }], intervals: [{ start: '2026-05-01T11:00+09:00', end: '2026-05-01T13:00+09:00' }] },
    ],
    channels: [{ id: 'generic', kind: 'generic', name: { ko: '일반 청구서', en: 'General claim' }, rules: ['fee-10x'] }],
    rules: [
      {
        id: 'fee-10x', kind: 'fee-for-duration', name: { ko: '요금 10배', en: '10 x the fee' }, claimantKinds: ['merchant'],
        sources: [{ publication: '협회 공지', ref: 'notice-12' }],
        inputs: [{ id: 'monthlyFee', unit: 'won', name: { ko: '월 요금', en: 'monthly fee' }, evidence: { ko: '요금 고지서', en: 'the bill' } }],
        params: { feeInput: 'monthlyFee', basis: 'outage-multiple', amount: 10 },
      },
    ],
  };
}

const text = (v: unknown) => JSON.stringify(v);
function issues(raw: string): PackIssue[] {
  const r = parseIncidentPackText(raw, { bundled: BUNDLED_PACKS });
  if (r.ok) throw new Error('expected the pack to be refused');
  return r.issues;
}
const paths = (raw: string) => issues(raw).map((i) => i.path);

describe('incident pack files', () => {
  it('accepts a valid pack of one\'s own and fills defaults', () => {
    const r = parseIncidentPackText(text(minimalPack()), { bundled: BUNDLED_PACKS });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pack.rules[0]).toMatchObject({ kind: 'fee-for-duration', params: { daysPerMonth: 30 }, payment: 'unknown', unconfirmed: false });
  });

  it('refuses an unknown rule kind, naming the field', () => {
    const p = minimalPack();
    (p.rules as Record<string, unknown>[])[0]!.kind = 'lottery';
    const found = issues(text(p));
    expect(found.map((i) => i.path)).toContain('rules[0].kind');
    const kind = found.find((i) => i.path === 'rules[0].kind')!.message;
    expect(kind.ko).toMatch(/^알 수 없는 규칙 종류/);
    expect(kind.en).toMatch(/^unknown rule kind/);
  });

  it('refuses reversed and overlapping intervals', () => {
    const reversed = minimalPack();
    (reversed.services as { intervals: unknown[] }[])[0]!.intervals = [{ start: '2026-05-01T13:00+09:00', end: '2026-05-01T11:00+09:00' }];
    expect(paths(text(reversed))).toContain('services[0].intervals[0].end');

    const overlapping = minimalPack();
    (overlapping.services as { intervals: unknown[] }[])[0]!.intervals = [
      { start: '2026-05-01T11:00+09:00', end: '2026-05-01T13:00+09:00' },
      { start: '2026-05-01T12:30+09:00', end: '2026-05-01T14:00+09:00' },
    ];
    expect(paths(text(overlapping))).toContain('services[0].intervals[1].start');

    // Two regions may be down at the same time.
    const regions = minimalPack();
    (regions.services as { intervals: unknown[] }[])[0]!.intervals = [
      { start: '2026-05-01T11:00+09:00', end: '2026-05-01T13:00+09:00', region: '서울' },
      { start: '2026-05-01T12:30+09:00', end: '2026-05-01T14:00+09:00', region: '충청' },
    ];
    expect(parseIncidentPackText(text(regions)).ok).toBe(true);
  });

  it('refuses a missing source', () => {
    const p = minimalPack();
    (p.rules as Record<string, unknown>[])[0]!.sources = [];
    delete (p.services as Record<string, unknown>[])[0]!.sources;
    const found = paths(text(p));
    expect(found).toContain('rules[0].sources');
    expect(found).toContain('services[0].sources');
  });

  it('refuses a parameter out of range and an input the rule does not declare', () => {
    const p = minimalPack();
    const rule = (p.rules as { params: Record<string, unknown> }[])[0]!;
    rule.params.amount = 5000;
    expect(paths(text(p))).toContain('rules[0].params.amount');
    rule.params.amount = 10;
    rule.params.feeInput = 'adBudget';
    expect(paths(text(p))).toContain('rules[0].params.feeInput');
  });

  it('refuses a pack over the size limit before parsing it', () => {
    const p = minimalPack();
    (p.incident as { summary: { en: string } }).summary.en = 'x'.repeat(10 * 1024 * 1024);
    const found = issues(text(p));
    expect(found).toHaveLength(1);
    expect(found[0]!.message.ko).toMatch(/너무 커요/);
    expect(found[0]!.message.en).toMatch(/too large/);
  });

  it('refuses __proto__ and constructor keys wherever they occur', () => {
    const raw = text(minimalPack()).replace('"version":1', '"version":1,"__proto__":{"polluted":true}');
    expect(paths(raw)).toEqual(['__proto__']);
    const nested = text(minimalPack()).replace('"basis":"outage-multiple"', '"basis":"outage-multiple","constructor":{"prototype":{}}');
    expect(paths(nested)).toEqual(['rules[0].params.constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an id that belongs to a bundled pack unless it is that pack', () => {
    const p = minimalPack();
    p.id = 'kakao-2022-10';
    expect(paths(text(p))).toEqual(['id']);
    const kakao = readFileSync(new URL('../../../src/core/incidents/packs/kakao-2022-10.json', import.meta.url), 'utf8');
    expect(parseIncidentPackText(kakao, { bundled: BUNDLED_PACKS }).ok).toBe(true);
  });

  it('refuses a channel naming a rule the pack does not have, and bands out of order', () => {
    const p = minimalPack();
    (p.channels as { rules: string[] }[])[0]!.rules = ['nope'];
    (p.rules as Record<string, unknown>[])[0]!.bands = [
      { id: 'a', upTo: 500, payout: 1, label: { ko: 'a' } },
      { id: 'b', upTo: 100, payout: 2, label: { ko: 'b' } },
    ];
    const found = paths(text(p));
    expect(found).toContain('channels[0].rules[0]');
    expect(found).toContain('rules[0].bands[1].upTo');
  });

  it('turns an open interval into a window up to the end of the current hour, said so', () => {
    const p = minimalPack();
    (p.services as { intervals: unknown[] }[])[0]!.intervals = [{ start: '2026-05-01T11:00+09:00', end: null }];
    const r = parseIncidentPackText(text(p));
    if (!r.ok) throw new Error('valid');
    expect(() => packToIncident(r.pack)).toThrow(/현재 시각.*current time/);
    const incident = packToIncident(r.pack, { now: parseInstant('2026-05-01T12:20+09:00') });
    expect(incident.services[0]!.window).toEqual({ start: '2026-05-01T11:00+09:00', end: '2026-05-01T13:00+09:00' });
    expect(incident.services[0]!.source).toMatch(/끝 시각 미정/);
  });
});

describe('bundled packs', () => {
  it('all load, newest outage first', () => {
    expect(BUNDLED_PACKS.length).toBeGreaterThanOrEqual(1);
    expect(findBundledPack('kakao-2022-10')!.rules.map((r) => r.kind)).toEqual(['best-week', 'window-vs-earlier', 'fee-for-duration']);
  });

  it('name each service in one language: a region written "한국어 / English" gives each name its own half', () => {
    const incident = packToIncident(findBundledPack('lguplus-2023-01')!);
    expect(incident.services.map((s) => s.name)).toEqual([
      { ko: 'LG유플러스 인터넷 (2023-01-29 00:00, 일부 지역)', en: 'LG U+ internet (2023-01-29 00:00, some regions)' },
      { ko: 'LG유플러스 인터넷 (2023-02-04 00:00, 일부 지역)', en: 'LG U+ internet (2023-02-04 00:00, some regions)' },
    ]);
    // Every bundled pack: no name carries both halves of a "한국어 / English" region.
    for (const pack of BUNDLED_PACKS) {
      for (const s of packToIncident(pack, { now: parseInstant('2026-12-05T12:00+09:00') }).services) {
        expect(s.name.ko, `${pack.id} ${s.id}`).not.toMatch(/ \/ /);
        expect(s.name.en, `${pack.id} ${s.id}`).not.toMatch(/ \/ /);
      }
    }
  });

  it('a region in one language only names both languages with it', () => {
    const p = minimalPack();
    (p.services as { intervals: Record<string, unknown>[] }[])[0]!.intervals[0]!.region = '마포구 일부';
    const r = parseIncidentPackText(text(p));
    if (!r.ok) throw new Error('valid');
    const [service] = packToIncident(r.pack).services;
    expect(service!.name.ko).toMatch(/ \(마포구 일부\)$/);
    if (service!.name.en) expect(service!.name.en).toMatch(/ \(마포구 일부\)$/);
  });
});
