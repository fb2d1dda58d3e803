import { describe, expect, it } from 'vitest';
import { bt, joined, readJoined, textIn } from '../../../src/core/model/common';
import { estimateClaim } from '../../../src/core/estimate';
import { marginProblems } from '../../../src/core/estimate/margin';
import { removeSubmission, TrackerInputError } from '../../../src/core/tracker';
import { errorText, pickLanguage } from '../../../src/ui/format';
import { exampleClaim } from '../tracker/helpers';

describe('BilingualText: { ko, en } values, one picker, the joined shape only at a boundary', () => {
  it('picks the reader’s language; Korean when English is asked but missing', () => {
    expect(textIn(bt('한국어', 'English'), 'en')).toBe('English');
    expect(textIn(bt('한국어', 'English'), 'ko')).toBe('한국어');
    expect(textIn({ ko: '한국어', en: '' }, 'en')).toBe('한국어');
  });

  it('joins and reads back the stored "한국어 / English" shape unchanged, split at the first separator only', () => {
    for (const s of ['가 / a', '가 / a / b', '한국어만', '기준 합 ÷ 건수 / reference revenue / count']) expect(joined(readJoined(s))).toBe(s);
    expect(readJoined('가 / a / b')).toEqual({ ko: '가', en: 'a / b' });
    expect(readJoined('한국어만')).toEqual({ ko: '한국어만', en: '' });
    // A Korean text holding " / " itself stays whole (issue 17): the split needs Hangul before it and an English half after.
    expect(readJoined('강남점 / 2호점')).toEqual({ ko: '강남점 / 2호점', en: '' });
    expect(readJoined('A / B 구간 / sections A / B')).toEqual({ ko: 'A / B 구간', en: 'sections A / B' });
    expect(readJoined('Gangnam / Seoul')).toEqual({ ko: 'Gangnam / Seoul', en: '' });
    expect(readJoined('카카오 T 대리 / Kakao T 대리 (daeri)')).toEqual({ ko: '카카오 T 대리', en: 'Kakao T 대리 (daeri)' });
    for (const s of ['강남점 / 2호점', 'A / B 구간 / sections A / B']) expect(joined(readJoined(s))).toBe(s);
    expect(joined({ ko: '한국어만', en: '' })).toBe('한국어만');
  });

  it('the screens’ picker takes only a value: a joined text is read where it comes in (readJoined, errorText)', () => {
    expect(pickLanguage(bt('가', 'a'), 'en')).toBe('a');
    expect(pickLanguage(bt('가', 'a'), 'ko')).toBe('가');
    expect(pickLanguage(bt('가', ''), 'en')).toBe('가');
    // @ts-expect-error a joined string must be read into { ko, en } before a screen picks its half
    pickLanguage('가 / a', 'en');
    expect(pickLanguage(readJoined('가 / a'), 'en')).toBe('a');
    expect(pickLanguage(errorText(new Error('가 / a')), 'en')).toBe('a');
    class Carrying extends Error {
      readonly text = bt('한국어 이유 / 둘', 'the English reason');
    }
    // An error that carries its text gives it whole, even a Korean half with " / " in it.
    expect(pickLanguage(errorText(new Carrying('x')), 'ko')).toBe('한국어 이유 / 둘');
    expect(pickLanguage(errorText(new Carrying('x')), 'en')).toBe('the English reason');
    expect(pickLanguage(errorText('plain'), 'en')).toBe('plain');
  });

  it('an estimate carries its texts as values: no string in the joined shape among warnings, rule lines and notes', () => {
    const e = estimateClaim(exampleClaim('taxi-franchise'));
    const texts = [
      e.lostProfitRange.driverLabel,
      ...e.warnings.map((w) => w.message),
      ...e.assumptions.map((a) => a.source),
      ...e.indirectItems.map((i) => i.label),
      ...Object.values(e.rules).flatMap((r) => [...r.lines, ...r.notes, ...(r.band ? [r.band.label] : []), ...(r.gap ? [r.gap.words] : [])]),
    ];
    expect(texts.length).toBeGreaterThan(5);
    for (const t of texts) {
      expect(typeof t.ko).toBe('string');
      expect(t.ko).not.toContain(' / ');
    }
    // The taxi rule's comparison line is whole in both languages (it once kept only "한 주 전" in Korean).
    const line = e.rules['kakao-mobility-2022-taxi']!.lines[1]!;
    expect(line.ko).toMatch(/^한 주 전: 2022-10-08 15:00 ~ 2022-10-09 09:00 703,420원$/);
    expect(line.en).toMatch(/^one week earlier: /);
  });

  it('input problems and tracker refusals are values too; their error messages keep the joined shape', () => {
    const claim = exampleClaim('taxi-franchise');
    const [problem] = marginProblems(claim.claimant, { v: { value: 0.9 }, c: { value: 0.3 } });
    expect(problem!.message.ko).toContain('100%를 넘어요');
    expect(problem!.message.en).toContain('exceeds 100%');
    let caught: unknown;
    try {
      removeSubmission(claim, 'nope');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(TrackerInputError);
    const err = caught as TrackerInputError;
    expect(err.text).toEqual({ ko: '신청을 찾을 수 없어요: nope', en: 'no submission with id nope' });
    expect(err.message).toBe('신청을 찾을 수 없어요: nope / no submission with id nope');
  });
});
