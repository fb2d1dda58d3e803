// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { act, cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryBridge } from '../../src/bridge/memory';
import { setBridgeForTests } from '../../src/bridge';
import { estimateClaim } from '../../src/core/estimate';
import { parseClaimFile } from '../../src/core/model';
import type { Claim } from '../../src/core/model';
import { addClaim, createClaim, loadClaim, OutageDeskDB, setSetting } from '../../src/db';
import { App } from '../../src/ui/App';
import { createI18n } from '../../src/ui/i18n';
import { formatWon } from '../../src/ui/format';

// Saves go through IndexedDB and a live query; on a busy machine that takes longer than the 1 s default.
configure({ asyncUtilTimeout: 8000 });

let db: OutageDeskDB;
let n = 0;

/** A bundled example claim; evidence files are not bundled, so their links are dropped (else it is a draft). */
function example(name: string): Claim {
  const parsed = parseClaimFile(readFileSync(`assets/examples/${name}.claim.json`, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const claim = parsed.claim;
  return {
    ...claim,
    evidence: [],
    directItems: claim.directItems.map((i) => ({ ...i, evidenceIds: [] })),
    indirectItems: claim.indirectItems.map((i) => ({ ...i, evidenceIds: [] })),
  };
}

async function openExample(claim: Claim, language: 'ko' | 'en' = 'ko'): Promise<string> {
  const { id } = await addClaim(db, claim, { example: true });
  await setSetting(db, 'currentClaimId', id);
  window.location.hash = '#/baseline';
  render(<App opened={{ kind: 'ready', db }} i18n={createI18n(language)} />);
  await screen.findByRole('heading', { level: 2, name: language === 'ko' ? '지금 기준선으로 계산한 값' : 'With this baseline' }, { timeout: 10_000 });
  return id;
}

async function stored(id: string): Promise<Claim> {
  const loaded = await loadClaim(db, id);
  if (loaded.status !== 'ready') throw new Error(`claim ${id} is ${loaded.status}`);
  return loaded.claim;
}

/** The dates a window date's row shows with the given status, in the order shown. */
function chips(windowDate: string, status: string): string[] {
  const row = document.querySelector(`section[data-window-date="${windowDate}"]`);
  if (!row) throw new Error(`no row for ${windowDate}`);
  return [...row.querySelectorAll<HTMLElement>(`li[data-status="${status}"]`)].map((li) => li.dataset.date!);
}

function chip(windowDate: string, date: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`section[data-window-date="${windowDate}"] li[data-date="${date}"]`);
  if (!el) throw new Error(`no chip ${date} under ${windowDate}`);
  return el;
}

const expectedFigure = () => screen.getByTestId('figure-expected').querySelector('.bl-figure-big')!.textContent;

beforeEach(async () => {
  window.location.hash = '';
  setBridgeForTests(createMemoryBridge({ version: '9.9.9' }));
  n += 1;
  db = new OutageDeskDB(`ui-baseline-${n}-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(() => {
  cleanup();
  db.close();
  setBridgeForTests(null);
});

describe('the baseline page, driver example (loss model section 7)', () => {
  it('shows the suggested Saturdays and Sundays, with 한글날 and 추석 passed over by name', async () => {
    await openExample(example('driver-2022'));
    expect(chips('2022-10-15', 'used')).toEqual(['2022-10-08', '2022-10-01', '2022-09-24', '2022-09-17']);
    expect(chips('2022-10-16', 'used')).toEqual(['2022-10-02', '2022-09-25', '2022-09-18', '2022-09-04']);
    // Week k pairs the k-th date of each window date.
    expect(within(chip('2022-10-15', '2022-09-24')).getByText('기준 3')).toBeTruthy();
    expect(within(chip('2022-10-16', '2022-09-25')).getByText('기준 2')).toBeTruthy();
    expect(within(chip('2022-10-16', '2022-10-09')).getByText('공휴일: 한글날')).toBeTruthy();
    expect(within(chip('2022-10-16', '2022-09-11')).getByText(/공휴일: 추석/)).toBeTruthy();
    expect(within(chip('2022-10-15', '2022-09-10')).getByText('공휴일: 추석')).toBeTruthy();
    // Every candidate 12 weeks back is listed; the older ones have no records.
    expect(document.querySelectorAll('section[data-window-date="2022-10-15"] li.ref-chip')).toHaveLength(12);
    expect(chip('2022-10-15', '2022-07-23').dataset.status).toBe('no-records');
    expect(within(chip('2022-10-15', '2022-07-23')).getByText('기록 없음')).toBeTruthy();
    // The figures are the engine's (section 7: E = 325,000, LP = 210,750, range 182,718 ~ 238,782).
    expect(expectedFigure()).toBe('325,000원');
    expect(screen.getByTestId('figure-lost-profit').textContent).toContain('210,750원');
    expect(screen.getByTestId('figure-lost-profit').textContent).toContain('182,718원 ~ 238,782원');
  });

  it('marking a date abnormal drops it from the suggestion, saves it, and undo brings it back', async () => {
    const user = userEvent.setup();
    const id = await openExample(example('driver-2022'));
    await user.click(within(chip('2022-10-15', '2022-10-08')).getByRole('button', { name: '10월 8일 (토) 이상한 날로 표시' }));
    // 09-10 is 추석, so the fourth Saturday is now 09-03.
    await waitFor(() => expect(chips('2022-10-15', 'used')).toEqual(['2022-10-01', '2022-09-24', '2022-09-17', '2022-09-03']));
    expect(chip('2022-10-15', '2022-10-08').dataset.status).toBe('abnormal');
    const after = await stored(id);
    expect(after.referenceDates.abnormalDates).toEqual(['2022-10-08']);
    expect(after.referenceDates.byWindowDate['2022-10-15']).toEqual(['2022-10-01', '2022-09-24', '2022-09-17', '2022-09-03']);
    expect(after.referenceDates.byWindowDate['2022-10-16']).toEqual(['2022-10-02', '2022-09-25', '2022-09-18', '2022-09-04']);
    expect(expectedFigure()).toBe(formatWon(estimateClaim(after).expectedRevenue, 'ko'));
    expect(screen.getByRole('heading', { name: '이상한 날로 표시한 날짜' }).parentElement!.textContent).toContain('10월 8일 (토)');

    await user.click(screen.getByRole('button', { name: '방금 바꾼 것 되돌리기' }));
    await waitFor(() => expect(chips('2022-10-15', 'used')).toEqual(['2022-10-08', '2022-10-01', '2022-09-24', '2022-09-17']));
    expect((await stored(id)).referenceDates.abnormalDates).toEqual([]);
  });

  it('changing the estimator updates E from the engine, and reset restores the defaults', async () => {
    const user = userEvent.setup();
    const id = await openExample(example('driver-2022'));
    expect(expectedFigure()).toBe('325,000원');
    await user.click(screen.getByRole('radio', { name: /중앙값/ }));
    await waitFor(async () => expect((await stored(id)).parameters.estimator).toBe('median'));
    const median = estimateClaim(await stored(id)).expectedRevenue;
    expect(median).not.toBe(325_000);
    await waitFor(() => expect(expectedFigure()).toBe(formatWon(median, 'ko')));
    expect((await stored(id)).parameters.estimator).toBe('median');

    await user.click(screen.getByRole('radio', { name: /절사 평균/ }));
    await waitFor(async () => expect((await stored(id)).parameters.estimator).toBe('trimmed'));
    const trimmed = estimateClaim(await stored(id)).expectedRevenue;
    await waitFor(() => expect(expectedFigure()).toBe(formatWon(trimmed, 'ko')));

    await user.click(screen.getByRole('button', { name: '제안값과 기본값으로 모두 되돌리기' }));
    await waitFor(() => expect(expectedFigure()).toBe('325,000원'));
    const reset = await stored(id);
    expect(reset.parameters.estimator).toBe('mean');
    expect(reset.referenceDates.byWindowDate).toEqual({});
    // Reset leaves the dates to the suggestion, which is the same list (section 7).
    expect(chips('2022-10-15', 'used')).toEqual(['2022-10-08', '2022-10-01', '2022-09-24', '2022-09-17']);
  });

  it('K below 4 disables the trimmed mean and switches it back to the mean', async () => {
    const user = userEvent.setup();
    const id = await openExample(example('driver-2022'));
    await user.click(screen.getByRole('radio', { name: /절사 평균/ }));
    await waitFor(async () => expect((await stored(id)).parameters.estimator).toBe('trimmed'));
    await user.selectOptions(screen.getByLabelText('기준일 수 K'), '3');
    await waitFor(async () => expect((await stored(id)).parameters.k).toBe(3));
    const claim = await stored(id);
    expect(claim.parameters.estimator).toBe('mean');
    expect(claim.referenceDates.byWindowDate['2022-10-15']).toEqual(['2022-10-08', '2022-10-01', '2022-09-24']);
    await waitFor(() => expect((screen.getByRole('radio', { name: /절사 평균/ }) as HTMLInputElement).disabled).toBe(true));
    await waitFor(() => expect(chips('2022-10-16', 'used')).toEqual(['2022-10-02', '2022-09-25', '2022-09-18']));
  });

  it('picks reference dates by hand, marks the row as chosen, and resets it to the suggestion', async () => {
    const user = userEvent.setup();
    const id = await openExample(example('driver-2022'));
    const row = document.querySelector<HTMLElement>('section[data-window-date="2022-10-15"]')!;
    await user.click(within(row).getByRole('button', { name: '직접 고르기' }));
    await user.click(within(row).getByRole('checkbox', { name: '10월 1일 (토) 기준일로 쓰기' }));
    await waitFor(async () => expect((await stored(id)).referenceDates.byWindowDate['2022-10-15']).toEqual(['2022-10-08', '2022-09-24', '2022-09-17']));
    // The day without records cannot be picked.
    expect((within(row).getByRole('checkbox', { name: '7월 23일 (토) 기준일로 쓰기' }) as HTMLInputElement).disabled).toBe(true);
    await waitFor(() => expect(within(row).getByText('직접 고른 날짜')).toBeTruthy());
    await user.click(within(row).getByRole('button', { name: '제안대로 되돌리기' }));
    await waitFor(async () => expect((await stored(id)).referenceDates.byWindowDate['2022-10-15']).toBeUndefined());
    await waitFor(() => expect(chips('2022-10-15', 'used')).toEqual(['2022-10-08', '2022-10-01', '2022-09-24', '2022-09-17']));
  });

  it('explicit dates define K: a suggested list on the other date follows; a hand-picked one of another length is refused, naming the date', async () => {
    const user = userEvent.setup();
    const id = await openExample(example('driver-2022'));
    const sat = document.querySelector<HTMLElement>('section[data-window-date="2022-10-15"]')!;
    await user.click(within(sat).getByRole('button', { name: '직접 고르기' }));
    await user.click(within(sat).getByRole('checkbox', { name: '10월 1일 (토) 기준일로 쓰기' }));
    // Sunday's stored list was the suggestion: it is dropped and suggested anew with K = 3.
    await waitFor(async () => expect((await stored(id)).referenceDates.byWindowDate).toEqual({ '2022-10-15': ['2022-10-08', '2022-09-24', '2022-09-17'] }));
    await waitFor(() => expect(chips('2022-10-16', 'used')).toEqual(['2022-10-02', '2022-09-25', '2022-09-18']));
    expect(estimateClaim(await stored(id)).referenceDates.k).toBe(3);

    // Now Sunday by hand with 4 dates while Saturday's 3 were picked by hand: refused, nothing stored.
    const before = (await stored(id)).referenceDates;
    const sun = document.querySelector<HTMLElement>('section[data-window-date="2022-10-16"]')!;
    await user.click(within(sun).getByRole('button', { name: '직접 고르기' }));
    await user.click(within(sun).getByRole('checkbox', { name: '9월 4일 (일) 기준일로 쓰기' }));
    expect(await screen.findByText(/2022-10-16의 기준일 수\(4개\)가 2022-10-15\(3개\)와 달라요: 날짜마다 같은 수를 골라 주세요/)).toBeTruthy();
    expect((await stored(id)).referenceDates).toEqual(before);
  });

  it('turns the trend factor on and shows f with the hours it used', async () => {
    const user = userEvent.setup();
    const id = await openExample(example('driver-2022'));
    expect(screen.queryByTestId('trend-figures')).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: '당일 추세 보정' }));
    await waitFor(async () => expect((await stored(id)).parameters.trendFactor).toBe(true));
    const trend = estimateClaim(await stored(id)).trend;
    if (trend.applied) {
      const box = await screen.findByTestId('trend-figures');
      expect(box.textContent).toContain(`f = ${trend.factor.toFixed(3)}`);
      expect(box.textContent).toContain(`${trend.hours.length}시간`);
    } else {
      expect(await screen.findByText('이 신고서에서는 추세 보정을 쓸 수 없어요. 아래 알림을 확인해 주세요.')).toBeTruthy();
    }
  });

  it('draws the expected-vs-actual chart with one point per window bucket and a band from the reference values', async () => {
    const claim = example('driver-2022');
    await openExample(claim);
    const estimate = estimateClaim(claim);
    const table = screen.getByTestId('expected-actual-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r.querySelector('th')!.textContent)).toEqual(['15일 20시', '15일 21시', '15일 22시', '15일 23시', '16일 0시', '16일 1시']);
    // Band = min–max of the reference values of the bucket: 20:00 had 3,2,3,2 calls at 25,000.
    expect(rows[0]!.textContent).toContain('50,000원 ~ 75,000원');
    expect(rows[0]!.textContent).toContain(formatWon(estimate.buckets[0]!.expectedRevenue, 'ko'));
    const svg = document.querySelector('.desk-chart svg.recharts-surface');
    expect(svg).toBeTruthy();
    await waitFor(() => expect(document.querySelectorAll('.desk-chart .recharts-line-dot').length).toBe(6));
    expect(screen.getByText(/통계 구간이 아니에요/)).toBeTruthy();
    // A driver's figures are 수입 (fares earned), not a shop's 매출.
    expect(screen.getByRole('heading', { name: '예상 수입과 실제 수입' })).toBeTruthy();
    expect(screen.getByTestId('figure-expected').querySelector('dt')!.textContent).toBe('예상 수입 E');
    expect(screen.getByTestId('figure-actual').querySelector('dt')!.textContent).toBe('실제 수입 A');
  });

  it("a shop's page keeps 매출", async () => {
    await openExample(example('restaurant-hourly'));
    await screen.findByTestId('figure-expected');
    expect(screen.getByRole('heading', { name: '예상 매출과 실제 매출' })).toBeTruthy();
    expect(screen.getByTestId('figure-expected').querySelector('dt')!.textContent).toBe('예상 매출 E');
  });
});

describe('the best-week rule (merchant example)', () => {
  it('shows the weekly totals with the best week 4,610,000원 and the outage week', async () => {
    await openExample(example('merchant-best-week'));
    const section = screen.getByTestId('weekly-section');
    expect(within(section).getByTestId('best-week-sales').textContent).toBe('4,610,000원');
    expect(within(section).getByTestId('outage-week-sales').textContent).toBe('3,900,000원');
    expect(section.textContent).toContain('기준 손실 710,000원: 50만 원 초과: 증빙 심사');
    const rows = within(within(section).getByTestId('weekly-table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => r.dataset.kind)).toEqual(['used', 'used', 'used', 'used', 'used', 'best', 'outage', 'used']);
    await waitFor(() => expect(section.querySelectorAll('.week-bar').length).toBe(8));
    // Daily buckets: six days from Saturday 15 to Thursday 20.
    const bucketRows = within(screen.getByTestId('expected-actual-table')).getAllByRole('row').slice(1);
    expect(bucketRows.map((r) => r.querySelector('th')!.textContent)).toEqual(['15일 (토)', '16일 (일)', '17일 (월)', '18일 (화)', '19일 (수)', '20일 (목)']);
    // Monday 17 passes over 10-10 (substitute holiday for 한글날) and 09-12 (for 추석).
    expect(chip('2022-10-17', '2022-10-10').dataset.status).toBe('holiday');
    expect(within(chip('2022-10-17', '2022-10-10')).getByText('공휴일: 대체공휴일(한글날)')).toBeTruthy();
  });

  it('draws a skipped week hatched, with its reason (cafe example)', async () => {
    await openExample(example('cafe-daily'));
    const section = screen.getByTestId('weekly-section');
    const skipped = within(section).getByTestId('weekly-table').querySelector('tr[data-kind="skipped"]')!;
    expect(skipped.textContent).toContain('기록 없는 날 3일 (10.26, 10.27, 10.28)');
    expect(section.textContent).toContain('건너뛴 주 10.22~10.28');
  });

  it('speaks English: holiday names translated, dates and weeks in English', async () => {
    await openExample(example('merchant-best-week'), 'en');
    expect(within(chip('2022-10-16', '2022-10-09')).getByText('holiday: Hangul Day')).toBeTruthy();
    expect(within(chip('2022-10-17', '2022-10-10')).getByText('holiday: substitute holiday for Hangul Day')).toBeTruthy();
    expect(within(chip('2022-10-16', '2022-09-11')).getByText('holiday: day after Chuseok')).toBeTruthy();
    expect(screen.getByTestId('best-week-sales').textContent).toBe('₩4,610,000');
    expect(screen.getByTestId('weekly-section').textContent).toContain('above 500,000: review with proof');
  });
});

describe('declared baseline and drafts', () => {
  it('a driver without records declares usual earnings in a driver’s words; a mistyped cell is refused and nothing is saved', async () => {
    const user = userEvent.setup();
    const base = example('driver-2022');
    const claim: Claim = { ...base, id: 'no-records', records: [], referenceDates: { byWindowDate: {}, abnormalDates: [] } };
    const id = await openExample(claim);
    // A designated driver declares 평소 수입 with 평균 요금, never a shop's 매출 or 객단가.
    expect(screen.getByText('기록이 없어요: 평소 수입을 직접 적을 수 있어요')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: /^평소 수입 직접 적기/ })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).closest('header')!.textContent).toContain('얼마나 벌었을지');
    expect(screen.getByText('평균 요금 (원)')).toBeTruthy();
    expect(screen.getByText(/직접 적은 평소 수입에는 통계로 잰 범위가 없어요/)).toBeTruthy();
    expect(document.querySelector('main')!.textContent).not.toMatch(/매출|객단가/);
    const count = screen.getByRole('textbox', { name: '토요일 저녁 18~22시 건수' });
    await user.type(count, 'abc');
    await user.tab();
    expect(await screen.findByText(/토요일 저녁 18~22시 건수: 0 이상의 숫자를 적어 주세요/)).toBeTruthy();
    expect((await stored(id)).declaredBaseline).toBeUndefined();

    await user.clear(count);
    await user.type(count, '8');
    await user.click(screen.getByRole('textbox', { name: '토요일 저녁 18~22시 평균 요금' }));
    await user.type(screen.getByRole('textbox', { name: '토요일 저녁 18~22시 평균 요금' }), '25,000{Enter}');
    await waitFor(async () => {
      const entries = (await stored(id)).declaredBaseline?.entries ?? [];
      expect(entries).toEqual([{ weekday: 6, dayPart: 'evening', count: 8, averageTicket: 25_000 }]);
    });
    const saved = await stored(id);
    const estimate = estimateClaim(saved);
    expect(estimate.baseline).toBe('declared');
    await waitFor(() => expect(expectedFigure()).toBe(formatWon(estimate.expectedRevenue, 'ko')));
    expect(screen.getByTestId('figure-expected').textContent).toContain('신고 기준선');
    // Korean screens say it in Korean only: no English word in brackets.
    expect(screen.getByTestId('figure-expected').textContent).not.toContain('declared');
    expect(screen.getByTestId('figure-lost-profit').textContent).toContain(formatWon(estimate.lostProfitRange.low, 'ko'));
    expect(screen.getByText(/예상 수입의 ±20%로 가정한 범위예요/)).toBeTruthy();
    expect(screen.getAllByText('평소 수입을 저장했어요.').length).toBeGreaterThan(0);

    // Undo is an outside change for the grid: it shows the stored table again.
    await user.click(screen.getByRole('button', { name: '방금 바꾼 것 되돌리기' }));
    await waitFor(async () => expect((await stored(id)).declaredBaseline?.entries).toEqual([{ weekday: 6, dayPart: 'evening', count: 8, averageTicket: 0 }]));
    await waitFor(() => expect((screen.getByRole('textbox', { name: '토요일 저녁 18~22시 평균 요금' }) as HTMLInputElement).value).toBe('0'));
    expect((screen.getByRole('textbox', { name: '토요일 저녁 18~22시 건수' }) as HTMLInputElement).value).toBe('8');
  });

  it('a shop without records declares usual sales with its average ticket (the shop words unchanged)', async () => {
    const base = example('restaurant-hourly');
    await openExample({ ...base, id: 'shop-no-records', records: [], referenceDates: { byWindowDate: {}, abnormalDates: [] } });
    expect(screen.getByText('기록이 없어요: 평소 매출을 직접 적을 수 있어요')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: /^평소 매출 직접 적기/ })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).closest('header')!.textContent).toContain('얼마나 팔았을지');
    expect(screen.getByText('평균 객단가 (원)')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: '토요일 저녁 18~22시 객단가' })).toBeTruthy();
    expect(document.querySelector('main')!.textContent).not.toContain('수입');
  });

  it('pastes a block copied from a spreadsheet into the grid', async () => {
    const user = userEvent.setup();
    const base = example('driver-2022');
    const id = await openExample({ ...base, id: 'paste', records: [], referenceDates: { byWindowDate: {}, abnormalDates: [] } });
    await user.click(screen.getByRole('textbox', { name: '월요일 저녁 18~22시 건수' }));
    await user.paste('4\t2\n5\t3');
    await waitFor(async () => {
      const entries = (await stored(id)).declaredBaseline?.entries ?? [];
      expect(entries).toEqual([
        { weekday: 1, dayPart: 'evening', count: 4, averageTicket: 0 },
        { weekday: 1, dayPart: 'night', count: 2, averageTicket: 0 },
        { weekday: 2, dayPart: 'evening', count: 5, averageTicket: 0 },
        { weekday: 2, dayPart: 'night', count: 3, averageTicket: 0 },
      ]);
    });
    expect((screen.getByRole('textbox', { name: '화요일 밤 22~24시 건수' }) as HTMLInputElement).value).toBe('3');
  });

  it('a draft claim says what is missing, with a link to fill it in', async () => {
    const row = await createClaim(db, { title: '작성 중' });
    await setSetting(db, 'currentClaimId', row.id);
    await act(async () => {
      window.location.hash = '#/baseline';
    });
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    const box = await screen.findByTestId('baseline-draft', undefined, { timeout: 10_000 });
    expect(within(box).getByRole('heading', { name: '신고서에 아직 채울 항목이 있어요' })).toBeTruthy();
    expect(within(box).getByText('claimant', { exact: false })).toBeTruthy();
    expect(within(box).getByRole('link', { name: '신고인 화면에서 채우기' }).getAttribute('href')).toBe('#/claimant');
  });
});
