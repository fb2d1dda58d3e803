import { describe, expect, it } from 'vitest';
import { collectAssumptions, estimatorAssumption } from '../../../../src/core/estimate/stages/assumptions';
import { directItemsStage } from '../../../../src/core/estimate/stages/direct-items';
import { spanFigures } from '../../../../src/core/estimate/stages/expected-actual';
import { indirectItemsStage, tailReferenceWeeks } from '../../../../src/core/estimate/stages/indirect-items';
import { referenceSlots } from '../../../../src/core/estimate/stages/reference-slots';
import { ruleFiguresStage, ruleGap } from '../../../../src/core/estimate/stages/rules';
import type { Won } from '../../../../src/core/model/money';
import type { Assumption } from '../../../../src/core/estimate/types';
import { earningsWords } from '../../../../src/core/estimate/channel-fares';
import { driverClaim, hour, loadExample, rec } from '../helpers';
import { upToReferences } from './setup';

describe('stages 4 and 5: items', () => {
  it('direct items are rounded once and added to the lost profit', () => {
    const d = directItemsStage([{ id: 'r', category: 'refund', description: '', amount: 12_000, evidenceIds: [] }], 210_750 as Won);
    expect(d.directTotal).toBe(222_750);
  });

  it('claim time at the 2022 minimum wage: I = 13,740 in the worked example, with the wage as an assumption', () => {
    const claim = loadExample('driver-2022.claim.json');
    const s = upToReferences(claim);
    const i = indirectItemsStage(claim, {
      buckets: s.buckets, index: s.index, referenceDates: s.refs.weeks.byDate, baseline: 'same-slot', requestedK: 4, m: 0.75,
      revenueComputable: true, ticket: earningsWords(claim.claimant.kind).ticket, tailSpan: () => { throw new Error('no after-effect here'); },
    });
    expect(i.indirectTotal).toBe(13_740);
    expect(i.assumptions).toMatchObject([{ id: 'minimum-wage', value: 9_160 }]);
    expect(i.tailReferenceDates).toEqual({});
  });

  it('the after-effect: the section 4 computation over the tail, against the tail reference dates', () => {
    const records = [
      ...['2022-10-08', '2022-10-01', '2022-09-24', '2022-09-17'].map((d) => rec(hour(d, 20), 'kakao-t', 2, 50_000)),
      ...['2022-10-09', '2022-10-02', '2022-09-25', '2022-09-18', '2022-09-04'].map((d) => rec(hour(d, 2), 'kakao-t', 1, 25_000)),
      rec(hour('2022-10-16', 3), 'kakao-t', 1, 10_000),
    ];
    const claim = driverClaim(records, { indirectItems: [{ id: 'ae', kind: 'after-effect', tailHours: 2, justification: 'j', evidenceIds: [] }] });
    const s = upToReferences(claim);
    const tail = tailReferenceWeeks(s.buckets, s.refs.weeks.byDate);
    expect(tail.byDate).toEqual({ '2022-10-16': s.refs.weeks.byDate['2022-10-16'] });
    const i = indirectItemsStage(claim, {
      buckets: s.buckets, index: s.index, referenceDates: s.refs.weeks.byDate, baseline: 'same-slot', requestedK: 4, m: 0.5,
      revenueComputable: true, ticket: earningsWords(claim.claimant.kind).ticket,
      tailSpan: (keys, byDate, k) => spanFigures({ ...s.span(25_000), references: referenceSlots(s.buckets, byDate) }, keys, k, 1),
    });
    // Tail 02:00 and 03:00 on 10-16: expected 25,000 at 02:00 (each reference Sunday), actual 10,000 at 03:00.
    expect(i.indirectItems[0]).toMatchObject({ kind: 'after-effect', amount: 7_500, inputs: { expectedRevenue: 25_000, actualRevenue: 10_000 } });
    const notComputable = indirectItemsStage(claim, {
      buckets: s.buckets, index: s.index, referenceDates: s.refs.weeks.byDate, baseline: 'same-slot', requestedK: 4, m: 0.5,
      revenueComputable: false, ticket: earningsWords(claim.claimant.kind).ticket, tailSpan: () => { throw new Error('not called'); },
    });
    // A driver's note names their 평균 요금, a shop's its 평균 객단가 (the same stage, the claimant's word).
    expect(notComputable.indirectItems[0]).toMatchObject({ amount: 0, note: { ko: '평균 요금이 없어 계산할 수 없어요', en: 'not computable without an average fare' } });
    const shop = indirectItemsStage(claim, {
      buckets: s.buckets, index: s.index, referenceDates: s.refs.weeks.byDate, baseline: 'same-slot', requestedK: 4, m: 0.5,
      revenueComputable: false, ticket: earningsWords('merchant').ticket, tailSpan: () => { throw new Error('not called'); },
    });
    expect(shop.indirectItems[0]!.note).toEqual({ ko: '평균 객단가가 없어 계산할 수 없어요', en: 'not computable without an average ticket' });
  });
});

describe('stage 3.3: channel rules beside the estimate', () => {
  it('runs the pack rules of the merchant example and states the gap to the app estimate', () => {
    const claim = loadExample('merchant-best-week.claim.json');
    const s = upToReferences(claim);
    const rules = ruleFiguresStage(claim, { window: s.buckets.window, index: s.index, ticket: 0, lostProfit: 800_000 as Won }, undefined);
    const [rule] = Object.values(rules);
    expect(rule!.loss).toBe(710_000);
    expect(rule!.gap).toMatchObject({ ruleFigure: 710_000, appEstimate: 800_000, difference: 90_000 });
  });

  it('words the gap in both directions, and none without a figure', () => {
    expect(ruleGap(null, 5 as Won)).toBeNull();
    expect(ruleGap(100 as Won, 50 as Won)!.words.ko).toContain('많아요');
    expect(ruleGap(100 as Won, 100 as Won)!.difference).toBe(0);
  });
});

describe('assumptions collected from the stages', () => {
  const a = (id: string): Assumption => ({ id, label: { ko: id, en: id }, value: 0, source: { ko: '', en: '' }, confirmed: null });
  it('puts them in packet order whatever order the stages come in; ties keep the stage order', () => {
    const out = collectAssumptions([a('reference-dates')], [a('window:b'), a('window:a')], [a('alpha'), a('assumed-band')], [a('margin-v'), a('margin-c')], [estimatorAssumption('median')], [a('k')]);
    expect(out.map((x) => x.id)).toEqual(['margin-v', 'margin-c', 'estimator', 'k', 'alpha', 'assumed-band', 'window:b', 'window:a', 'reference-dates']);
  });
});
