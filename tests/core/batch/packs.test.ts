import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseBatch, readBatchItem } from '../../../src/core/batch/batch';
import { findBundledPack } from '../../../src/core/incidents';
import { ROSTER_COLUMNS, rosterTable } from '../../../src/core/batch/roster-export';
import { batchSummaryMeta, summaryTitle } from '../../../src/core/batch/run';
import { bandScopeNote } from '../../../src/core/batch/summary-pdf';

/** The batch's title and bands come from the members' packs, never a Kakao default (issue 14). */

const NOW = new Date('2023-06-01T09:00:00+09:00');
const bytes = (name: string) => new Uint8Array(readFileSync(`assets/examples/${name}.claim.json`));

async function members(...names: string[]) {
  const out = [];
  for (const n of names) {
    const item = await readBatchItem(`${n}.claim.json`, bytes(n));
    expect(item.invalid).toEqual([]);
    out.push(...item.members);
  }
  return out;
}

describe('a batch of another outage’s members', () => {
  it('LG U+ members only: the title names the LG U+ outage, the roster shows their own rule’s figure instead of Kakao’s band', async () => {
    const list = await members('pc-cafe-lguplus-2023');
    expect(summaryTitle(list)).toBe(`회원 피해 집계: ${findBundledPack('lguplus-2023-01')!.incident.name.ko}`);
    expect(summaryTitle(list)).not.toContain('카카오');
    const m = list[0]!;
    expect(m.figures.band).toBe('not-applicable');
    expect(m.figures.ruleLabel).toContain('LG유플러스 PC방 보상 (날짜별 정액): 710,000원');
    const result = analyseBatch(list, [], { now: NOW, automatic: true });
    const rows = rosterTable(result.members, result.applied.status, result.invalid, { redact: false });
    const col = ROSTER_COLUMNS.indexOf('회사 보상 기준 (장애별)');
    expect(col).toBeGreaterThan(0);
    expect(String(rows[0]![col])).toContain('710,000원');
    const meta = batchSummaryMeta(result, { now: NOW, redact: false, appVersion: '1.0.0' });
    expect(meta.title).toBe(summaryTitle(list));
    expect(bandScopeNote(meta)).toContain('모두 다른 장애');
  });

  it('members of two outages: the title and the band table say the batch is mixed', async () => {
    const list = await members('merchant-best-week', 'baemin-ultracall-2025');
    const title = summaryTitle(list);
    expect(title).toMatch(/^회원 피해 집계: 여러 장애 — 카카오[^,]*, (배달의민족|배민)/);
    const kakao = list.find((m) => m.incidentId === 'kakao-2022-10')!;
    expect(kakao.figures.band).toBe('review');
    expect(kakao.figures.ruleLabel).toBeUndefined();
    const result = analyseBatch(list, [], { now: NOW, automatic: true });
    const meta = batchSummaryMeta(result, { now: NOW, redact: false, appVersion: '1.0.0' });
    expect(bandScopeNote(meta)).toContain('여러 장애의 회원이 섞여 있어요');
  });

  it('Kakao members only: the title names the Kakao outage and the band table needs no note', async () => {
    const list = await members('merchant-best-week', 'cafe-daily');
    expect(summaryTitle(list)).toBe(`회원 피해 집계: ${list[0]!.incidentName}`);
    expect(summaryTitle(list)).toContain('카카오');
    const result = analyseBatch(list, [], { now: NOW, automatic: true });
    expect(bandScopeNote(batchSummaryMeta(result, { now: NOW, redact: false, appVersion: '1.0.0' }))).toBeNull();
  });
});
