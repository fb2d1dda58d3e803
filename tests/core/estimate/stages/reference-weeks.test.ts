import { describe, expect, it } from 'vitest';
import { ReferenceDatesInputError } from '../../../../src/core/estimate/explicit-references';
import { RecordIndex } from '../../../../src/core/estimate/record-index';
import { chooseBaseline } from '../../../../src/core/estimate/stages/baseline';
import { claimWindowStage } from '../../../../src/core/estimate/stages/claim-window';
import { referenceWeekFigures, referenceWeeksStage } from '../../../../src/core/estimate/stages/reference-weeks';
import { driverClaim, loadExample } from '../helpers';

const run = (claim: ReturnType<typeof loadExample>, override?: Record<string, string[]>) => {
  const index = new RecordIndex(claim.records, claim.claimant.salesChannels.map((c) => c.id), claim.granularity);
  const { buckets } = claimWindowStage(claim);
  return referenceWeeksStage(claim, override, buckets, index);
};

describe('stage 3.1: reference weeks', () => {
  // The example lists its dates; without them the stage suggests the same ones.
  const listed = loadExample('driver-2022.claim.json');
  const claim = { ...listed, referenceDates: { ...listed.referenceDates, byWindowDate: {} } };

  it('suggests four dates per window date, skipping the holidays, and says K in an assumption', () => {
    const { weeks, warnings, assumptions } = run(claim);
    expect(weeks.byDate).toEqual({
      '2022-10-15': ['2022-10-08', '2022-10-01', '2022-09-24', '2022-09-17'],
      '2022-10-16': ['2022-10-02', '2022-09-25', '2022-09-18', '2022-09-04'],
    });
    expect(weeks.source).toEqual({ '2022-10-15': 'suggested', '2022-10-16': 'suggested' });
    expect([weeks.requestedK, weeks.k]).toEqual([4, 4]);
    expect(warnings).toEqual([]);
    expect(assumptions).toMatchObject([{ id: 'k', value: 4 }]);
    expect(referenceWeekFigures(weeks, [1, 2, 3, 4], true)[1]).toEqual({ week: 2, dates: ['2022-10-01', '2022-09-25'], revenue: 2 });
    expect(referenceWeekFigures(weeks, [1, 2, 3, 4], false)).toEqual([]);
  });

  it('takes K from explicit lists and warns about a date without records', () => {
    const { weeks, warnings } = run(claim, { '2022-10-15': ['2022-10-08', '2021-01-02'], '2022-10-16': ['2022-10-02', '2022-09-25'] });
    expect(weeks.k).toBe(2);
    expect(weeks.source['2022-10-15']).toBe('claim');
    expect(warnings.map((w) => w.code)).toEqual(['reference-without-records']);
    expect(warnings[0]!.message.ko).toContain('2021-01-02');
  });

  it('refuses explicit lists of different lengths with an input error', () => {
    expect(() => run(claim, { '2022-10-15': ['2022-10-08'], '2022-10-16': ['2022-10-02', '2022-09-25'] })).toThrow(ReferenceDatesInputError);
  });

  it('finds no weeks without records; the baseline then falls to none with a warning', () => {
    const empty = driverClaim([]);
    const refs = run(empty);
    expect(refs.weeks.k).toBe(0);
    expect(refs.warnings.map((w) => w.code)).toEqual(['fewer-reference-dates']);
    const base = chooseBaseline(empty.parameters, refs.weeks, false);
    expect(base.baseline).toBe('none');
    expect(base.warnings.map((w) => w.code)).toEqual(['no-baseline']);
    expect(chooseBaseline(empty.parameters, refs.weeks, true).baseline).toBe('declared');
  });

  it('chooses same-slot when weeks were found and lists suggested dates for confirmation', () => {
    const { weeks } = run(claim);
    const base = chooseBaseline(claim.parameters, weeks, false);
    expect(base.baseline).toBe('same-slot');
    expect(base.assumptions).toMatchObject([{ id: 'reference-dates', confirmed: false }]);
    expect(chooseBaseline({ baseline: 'declared' }, weeks, true).baseline).toBe('declared');
    expect(chooseBaseline(listed.parameters, run(listed).weeks, false).assumptions).toEqual([]);
  });
});
