// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setBridgeForTests } from '../../src/bridge';
import { createMemoryBridge } from '../../src/bridge/memory';
import { estimateClaim } from '../../src/core/estimate';
import { incidentFromPreset, KAKAO_2022_10_ID } from '../../src/core/incidents';
import { addClaim, createClaim, loadClaim, OutageDeskDB, saveClaimDocument, setSetting } from '../../src/db';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseClaimFile } from '../../src/core/model';
import { App } from '../../src/ui/App';
import { addExampleClaims } from '../../src/ui/examples/examples';
import { formatWon } from '../../src/ui/format';
import { createI18n } from '../../src/ui/i18n';

// The machine is shared with other test runs: give slow renders time before calling them missing.
configure({ asyncUtilTimeout: 8000 });

let db: OutageDeskDB;
const DRIVER = 'example-driver-2022';

async function go(hash: string) {
  await act(async () => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

async function engineFigures(id: string, alpha?: number) {
  const loaded = await loadClaim(db, id);
  if (loaded.status !== 'ready') throw new Error(`not ready: ${id}`);
  return estimateClaim(loaded.claim, alpha ? { alpha } : {});
}

beforeEach(async () => {
  window.location.hash = '';
  setBridgeForTests(createMemoryBridge({ version: '1.0.0' }));
  db = new OutageDeskDB(`ui-estimate-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(() => {
  cleanup();
  db.close();
  setBridgeForTests(null);
});

describe('the estimate screen', () => {
  it('counts only and no ticket: says revenue is not computable, gives the counts, shows no 0원 revenue (section 1)', async () => {
    const doc = JSON.parse(readFileSync(join(__dirname, '..', '..', 'assets', 'examples', 'driver-2022.claim.json'), 'utf8'));
    const parsed = parseClaimFile({ ...doc, example: false, id: 'counts-only', evidence: [], records: doc.records.map((r: object) => ({ ...r, revenue: null })) });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const { id } = await addClaim(db, parsed.claim);
    await setSetting(db, 'currentClaimId', id);
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    await go('#/estimate');

    const notice = await screen.findByTestId('revenue-not-computable', {}, { timeout: 5000 });
    expect(within(notice).getByTestId('lost-profit').textContent).toBe('계산할 수 없어요');
    expect(notice.textContent).toContain('예상 13.0건, 실제 2.0건, 놓친 건수 11.0건이에요. 평균 요금을 적어 주세요');
    expect(screen.queryByTestId('lost-profit-range')).toBeNull();
    expect(screen.getByTestId('fig-E').textContent).toBe('계산할 수 없음 예상 13.0건');
    expect(screen.getByTestId('fig-A').textContent).toBe('계산할 수 없음 다른 채널 포함 2.0건');
    expect(screen.getByTestId('fig-lost-count').textContent).toBe('11.0건');
    expect(screen.getByTestId('fig-LR').textContent).toBe('계산할 수 없음');
    expect(screen.getByTestId('total-without-lp').textContent).toBe('잃은 이익은 평균 요금을 알 때까지 합계에 들어가지 않아요.');
    // The claim total is the claim-prep item alone; no "the ticket you declared" anywhere.
    expect(screen.getByTestId('claim-total').textContent).toContain('13,740원');
    expect(document.body.textContent).not.toContain('직접 적은 객단가');
    expect(screen.getByTestId('direct-total').textContent).toBe('0원 (잃은 이익 빼고)');
    const rest = document.body.textContent!.replace(screen.getByTestId('direct-total').textContent!, '');
    expect(rest).not.toMatch(/(^|[^,\d])0원/);
    // The missing ticket's value is { ko, en }: the Korean reader sees 없음 alone (once "없음 / none").
    const assumptions = screen.getByRole('heading', { name: '가정과 출처' }).parentElement!;
    const missing = within(assumptions).getByRole('rowheader', { name: '평균 요금 (한 건 평균)' });
    expect(missing.closest('tr')!.querySelectorAll('td')[0]!.textContent).toBe('없음');
  });

  it('shows exactly the engine’s figures for the driver example (loss model section 7)', async () => {
    await addExampleClaims(db);
    await setSetting(db, 'currentClaimId', DRIVER);
    const e = await engineFigures(DRIVER);
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    await go('#/estimate');

    const total = await screen.findByTestId('claim-total', {}, { timeout: 5000 });
    expect(total.textContent).toBe('224,490원22만 4,490원');
    expect(total.textContent).toContain(formatWon(e.claimTotal, 'ko'));
    expect(screen.getByTestId('direct-total').textContent).toBe('210,750원');
    expect(screen.getByTestId('indirect-total').textContent).toBe('13,740원');
    expect(screen.getByTestId('lost-profit').textContent).toBe(formatWon(e.lostProfit, 'ko'));
    expect(screen.getByTestId('lost-profit').textContent).toBe('210,750원');
    expect(screen.getByTestId('lost-profit-range').textContent).toBe('80% 범위 182,718원 – 238,782원');
    // The range in plain words: the weeks' swing as money and how many weeks; no s =, no t quantile.
    expect(screen.getByTestId('range-driver').textContent).toBe('범위의 근거: 매주 수입의 흔들림(표준편차) 20,412원, 기준 주 4개로 80% 범위를 잡았어요');
    expect(screen.getByTestId('fig-E').textContent).toBe('325,000원 예상 13.0건');
    expect(screen.getByTestId('fig-A').textContent).toBe('44,000원 다른 채널 포함 2.0건');
    expect(screen.getByTestId('fig-lost-count').textContent).toBe('11.0건');
    expect(screen.getByTestId('fig-LR').textContent).toBe('281,000원');
    // A driver's lost fares are 수입, not a shop's 매출.
    expect(screen.getByTestId('fig-LR').previousElementSibling!.textContent).toBe('잃은 수입 (LR = E − A)');
    expect(screen.getByTestId('fig-m').textContent).toBe('m = 1 − v − c = 75% (변동비 v 5%, 수수료 c 20%) 확인함');
    // Example marking, the indirect item with its justification, the minimum wage, the readiness list.
    expect(screen.getByText('예시 신고서예요. 계산을 둘러보는 용도이고, 실제로 신고하면 안 돼요.')).toBeTruthy();
    expect(screen.getByText('1.5시간 × 2022년 최저임금 9,160원')).toBeTruthy();
    expect(screen.getByText(/기록을 모으고 서류를 쓰는 시간이 꼭 들어요/)).toBeTruthy();
    const checklist = screen.getByRole('heading', { name: /심사자가 볼 것/ }).parentElement!;
    expect(within(checklist).getByText('기준일 기록: 요청한 4개 중 4개를 찾았어요')).toBeTruthy();
    expect(within(checklist).getByRole('link', { name: '증빙에 캡처 올리기' }).getAttribute('href')).toBe('#/evidence');
    expect(within(checklist).getByRole('link', { name: '신고인 정보에 계좌 적기' }).getAttribute('href')).toBe('#/claimant?step=who');
    expect(within(checklist).queryByRole('link', { name: '이익률 확인하기' })).toBeNull();
    // Assumptions read in words, as in the packet: the estimator by name, each service window in KST dates and times.
    const assumptions = screen.getByRole('heading', { name: '가정과 출처' }).parentElement!;
    const valueOf = (row: HTMLElement) => row.closest('tr')!.querySelectorAll('td')[0]!.textContent;
    expect(valueOf(within(assumptions).getByRole('rowheader', { name: '기준값 계산 방법' }))).toBe('평균');
    const windows = within(assumptions).getAllByRole('rowheader', { name: /장애 기간$/ });
    expect(windows.length).toBeGreaterThan(0);
    for (const w of windows) expect(valueOf(w)).toMatch(/^2022년 10월 15일 \(토\) \d{2}:\d{2} – 2022년 10월 \d{2}일 \([일월화수목금토]\) \d{2}:\d{2}$/);
    expect(assumptions.textContent).not.toMatch(/\+09:00|\bmean\b/);
  });

  it('the 95% toggle stores alpha 0.05 and shows the engine’s 95% range', async () => {
    const user = userEvent.setup();
    await addExampleClaims(db);
    await setSetting(db, 'currentClaimId', DRIVER);
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    await go('#/estimate');
    await user.click(await screen.findByRole('checkbox', { name: /95% 범위로 넓혀 보기/ }, { timeout: 5000 }));
    const wide = await engineFigures(DRIVER);
    expect(wide.lostProfitRange.alpha).toBe(0.05);
    const expected = `95% 범위 ${formatWon(wide.lostProfitRange.low, 'ko')} – ${formatWon(wide.lostProfitRange.high, 'ko')}`;
    await waitFor(() => expect(screen.getByTestId('lost-profit-range').textContent).toBe(expected));
    expect(wide.lostProfitRange.low).toBeLessThan(182_718);
    expect(screen.getByTestId('claim-total').textContent).toContain('224,490원');
  });

  it('adds and deletes items (deleting is confirmed); an indirect item needs its justification', async () => {
    const user = userEvent.setup();
    await addExampleClaims(db);
    await setSetting(db, 'currentClaimId', DRIVER);
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    await go('#/estimate');
    await screen.findByTestId('claim-total', {}, { timeout: 5000 });

    await user.click(screen.getByRole('button', { name: '직접 손실 항목 더하기' }));
    await user.selectOptions(screen.getByLabelText('종류'), 'substitute-fees');
    await user.type(screen.getByLabelText('내용'), '다른 앱 가입비');
    await user.type(screen.getByLabelText('금액 (원)'), '12,000');
    await user.click(screen.getByRole('button', { name: '더하기' }));
    await waitFor(() => expect(screen.getByTestId('claim-total').textContent).toContain('236,490원'));
    expect((await engineFigures(DRIVER)).claimTotal).toBe(236_490);

    await user.click(screen.getByRole('button', { name: '간접 손실 항목 더하기' }));
    await user.selectOptions(screen.getByLabelText('종류'), 'extra-labour');
    await user.type(screen.getByLabelText('시간'), '2');
    await user.type(screen.getByLabelText('시급 (원)'), '10000');
    await user.clear(screen.getByLabelText('예견할 수 있었던 이유'));
    await user.click(screen.getByRole('button', { name: '더하기' }));
    expect(await screen.findByText('예견할 수 있었던 이유: 왜 예견할 수 있었던 손해인지 적어 주세요')).toBeTruthy();
    expect((await engineFigures(DRIVER)).indirectItems).toHaveLength(1);
    await user.type(screen.getByLabelText('예견할 수 있었던 이유'), '장애 중 전화 콜을 받으려고 동료를 불렀어요.');
    await user.click(screen.getByRole('button', { name: '더하기' }));
    await waitFor(() => expect(screen.getByTestId('indirect-total').textContent).toBe('33,740원'));

    // Deleting asks first.
    await user.click(screen.getByRole('button', { name: '다른 앱 가입비 지우기' }));
    const dialog = screen.getByRole('alertdialog', { name: '이 항목을 지울까요?' });
    expect(dialog.textContent).toContain('12,000원');
    await user.click(within(dialog).getByRole('button', { name: '지우기' }));
    await waitFor(() => expect(screen.getByTestId('direct-total').textContent).toBe('210,750원'));
    const final = await engineFigures(DRIVER);
    expect(final.directItems).toEqual([]);
    expect(final.claimTotal).toBe(210_750 + 13_740 + 20_000);
  });

  it('a driver is offered a driver’s items, with reasons in a driver’s words; a shop keeps its own', async () => {
    const user = userEvent.setup();
    await addExampleClaims(db);
    await setSetting(db, 'currentClaimId', DRIVER);
    const view = render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    await go('#/estimate');
    await screen.findByTestId('claim-total', {}, { timeout: 5000 });
    const direct = screen.getByRole('heading', { name: '직접 손실 항목 (통상손해)' }).parentElement!;
    expect(direct.textContent).toContain('다른 호출 앱이나 콜센터에 낸 수수료');
    expect(direct.textContent).not.toMatch(/재고|교환권|광고/);
    // The readiness list sends a driver for trip or settlement history (a shop: 매출 자료).
    expect(screen.getByRole('link', { name: '증빙에 운행·정산 내역 올리기' }).getAttribute('href')).toMatch(/^#\/evidence/);
    await user.click(screen.getByRole('button', { name: '직접 손실 항목 더하기' }));
    const category = screen.getByLabelText('종류') as HTMLSelectElement;
    expect([...category.options].map((o) => o.value)).toEqual(['substitute-fees', 'unused-prepaid-fee', 'refund', 'other']);
    expect(category.value).toBe('substitute-fees');
    await user.click(screen.getByRole('button', { name: '취소' }));

    await user.click(screen.getByRole('button', { name: '간접 손실 항목 더하기' }));
    const reason = screen.getByLabelText('예견할 수 있었던 이유') as HTMLTextAreaElement;
    await user.selectOptions(screen.getByLabelText('종류'), 'lost-regulars');
    expect(reason.value).toBe('호출이 막혀 저와 연결되지 못한 단골 손님이 다른 기사나 업체로 옮겨 간 것은 장애에서 바로 이어진 결과예요.');
    await user.selectOptions(screen.getByLabelText('종류'), 'after-effect');
    expect(reason.value).toContain('콜이 평소만큼 들어오지 않았고, 수입이 바로 회복되지 않았어요');
    expect(screen.getByText(/복구 뒤에도 콜이 덜 들어온 시간/)).toBeTruthy();
    // Every suggestion the driver meets is free of a shop's words.
    for (const kind of ['claim-prep', 'extra-labour', 'lost-regulars', 'after-effect']) {
      await user.selectOptions(screen.getByLabelText('종류'), kind);
      expect(reason.value).not.toMatch(/매출|가게|주문/);
    }
    view.unmount();

    await setSetting(db, 'currentClaimId', 'example-merchant-best-week');
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    await go('#/estimate');
    await screen.findByTestId('claim-total', {}, { timeout: 5000 });
    expect(screen.getByRole('heading', { name: '직접 손실 항목 (통상손해)' }).parentElement!.textContent).toContain('버린 재고');
    await user.click(screen.getByRole('button', { name: '직접 손실 항목 더하기' }));
    expect((screen.getByLabelText('종류') as HTMLSelectElement).options).toHaveLength(7);
    await user.click(screen.getByRole('button', { name: '취소' }));
    await user.click(screen.getByRole('button', { name: '간접 손실 항목 더하기' }));
    await user.selectOptions(screen.getByLabelText('종류'), 'lost-regulars');
    expect((screen.getByLabelText('예견할 수 있었던 이유') as HTMLTextAreaElement).value).toContain('다른 가게로 옮겨 간');
  });

  it('a draft shows what is missing, each with a link to where it is fixed', async () => {
    const claim = await createClaim(db, { title: '반쯤 쓴 신고서' });
    await setSetting(db, 'currentClaimId', claim.id);
    await saveClaimDocument(db, claim.id, {
      claimant: { kind: 'designated-driver', name: '김대리', mobile: '010-1234-5678' } as never,
      incident: incidentFromPreset(KAKAO_2022_10_ID)!,
    }, { allowDraft: true });
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    await go('#/estimate');
    expect(await screen.findByRole('heading', { name: '아직 계산할 수 없어요' }, { timeout: 5000 })).toBeTruthy();
    // A driver is sent to set call channels (a shop's link reads 판매 채널 정하기).
    expect(screen.getByRole('link', { name: '콜 채널 정하기' }).getAttribute('href')).toBe('#/claimant?step=channels');
    expect(screen.getByRole('link', { name: '이익률과 기록 단위 정하기' }).getAttribute('href')).toBe('#/claimant?step=margin');
    expect(screen.queryByTestId('claim-total')).toBeNull();
  });

  it('in English the money and range read the same figures', async () => {
    await addExampleClaims(db);
    await setSetting(db, 'currentClaimId', DRIVER);
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('en')} />);
    await go('#/estimate');
    expect((await screen.findByTestId('claim-total', {}, { timeout: 5000 })).textContent).toBe('₩224,490≈ ₩224.5 thousand');
    expect(screen.getByTestId('lost-profit-range').textContent).toBe('80% range ₩182,718 – ₩238,782');
    expect(screen.getByTestId('range-driver').textContent).toBe('What drives the range: weekly earnings swung by ₩20,412 (standard deviation) across your 4 reference weeks; the 80% range is set from that');
    expect(screen.getByTestId('fig-lost-count').textContent).toBe('11.0 orders or calls');
    expect(screen.getByTestId('fig-E').textContent).toBe('₩325,000 13.0 orders or calls expected');
    const assumptions = screen.getByRole('heading', { name: 'Assumptions and sources' }).parentElement!;
    const valueOf = (row: HTMLElement) => row.closest('tr')!.querySelectorAll('td')[0]!.textContent;
    expect(valueOf(within(assumptions).getByRole('rowheader', { name: 'estimator' }))).toBe('Mean');
    for (const w of within(assumptions).getAllByRole('rowheader', { name: /outage window$/ })) {
      expect(valueOf(w)).toMatch(/^Sat, 15 Oct 2022, \d{2}:\d{2} – \w{3}, \d{1,2} Oct 2022, \d{2}:\d{2}$/);
    }
    expect(assumptions.textContent).not.toMatch(/\+09:00/);
  });
});
