// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setBridgeForTests } from '../../src/bridge';
import { createMemoryBridge } from '../../src/bridge/memory';
import { estimateClaim } from '../../src/core/estimate';
import { parseClaimFile } from '../../src/core/model';
import { addClaim, loadClaim, OutageDeskDB, setSetting } from '../../src/db';
import { App } from '../../src/ui/App';
import { createI18n } from '../../src/ui/i18n';

configure({ asyncUtilTimeout: 8000 });

let db: OutageDeskDB;

async function go(hash: string) {
  await act(async () => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

/** The bundled PC cafe example with the days it was hit not declared yet (and no monthly fee). */
async function pcCafeWithoutInputs(): Promise<string> {
  const doc = JSON.parse(readFileSync(join(__dirname, '..', '..', 'assets', 'examples', 'pc-cafe-lguplus-2023.claim.json'), 'utf8'));
  delete doc.ruleInputs;
  const parsed = parseClaimFile({ ...doc, example: false, id: 'pc-cafe-test' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const { id } = await addClaim(db, parsed.claim);
  await setSetting(db, 'currentClaimId', id);
  return id;
}

/** A bundled example as the user's own current claim (its evidence files are not bundled, so none are listed). */
async function openExampleAsOwn(file: string, id: string): Promise<void> {
  const doc = JSON.parse(readFileSync(join(__dirname, '..', '..', 'assets', 'examples', file), 'utf8'));
  const parsed = parseClaimFile({ ...doc, example: false, id, evidence: [] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  await addClaim(db, parsed.claim);
  await setSetting(db, 'currentClaimId', id);
}

async function stored(id: string) {
  const loaded = await loadClaim(db, id);
  if (loaded.status !== 'ready') throw new Error(`not ready: ${id}`);
  return loaded.claim;
}

beforeEach(async () => {
  window.location.hash = '';
  setBridgeForTests(createMemoryBridge({ version: '1.0.0' }));
  db = new OutageDeskDB(`ui-estimate-rules-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(() => {
  cleanup();
  db.close();
  setBridgeForTests(null);
});

describe('company rules beside the estimate (issue 14)', () => {
  it('the PC cafe declares the days it was hit on the estimate screen; the rule shows 710,000원 and the gap in words', async () => {
    const user = userEvent.setup();
    const id = await pcCafeWithoutInputs();
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    await go('#/estimate');

    const gap = await screen.findByTestId('rule-gap-lguplus-2023-pc-cafe', {}, { timeout: 8000 });
    expect(gap.textContent).toContain('아직 계산하지 못했어요');

    const form = screen.getByRole('form', { name: '장애를 겪은 날' });
    await user.click(within(form).getByRole('checkbox', { name: '2023-01-29' }));
    await user.click(within(form).getByRole('checkbox', { name: '2023-02-04' }));
    await user.type(within(form).getByRole('textbox', { name: /메모/ }), '두 날 모두 접속 장애');
    await user.click(within(form).getByRole('button', { name: '이 값 저장' }));

    // Stored in the claim, and the screen reads the engine's figure and the gap from it.
    await waitFor(async () => expect((await stored(id)).ruleInputs?.datesHit?.value).toEqual(['2023-01-29', '2023-02-04']));
    const claim = await stored(id);
    expect(claim.ruleInputs!.datesHit!.note).toBe('두 날 모두 접속 장애');
    const e = estimateClaim(claim);
    expect(e.rules['lguplus-2023-pc-cafe']!.loss).toBe(710_000);
    const lp = e.lostProfit.toLocaleString('en-US');
    const diff = Math.abs(e.lostProfit - 710_000).toLocaleString('en-US');
    await waitFor(() => expect(screen.getByTestId('rule-gap-lguplus-2023-pc-cafe').textContent).toContain(`회사 기준 보상액은 710,000원, 우리가 계산한 손실은 ${lp}원으로`));
    expect(screen.getByTestId('rule-gap-lguplus-2023-pc-cafe').textContent).toContain(diff);
    expect(screen.getByText(/장애를 겪은 날: 2023-01-29, 2023-02-04 \(신고인이 적은 값/)).toBeTruthy();
  });

  it('a negative monthly fee is refused naming the field, and nothing is stored', async () => {
    const user = userEvent.setup();
    const id = await pcCafeWithoutInputs();
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    await go('#/estimate');
    const form = await screen.findByRole('form', { name: /^월 이용 요금/ }, { timeout: 8000 });
    await user.type(within(form).getByRole('textbox', { name: /^월 이용 요금/ }), '-5');
    await user.click(within(form).getByRole('button', { name: '이 값 저장' }));
    expect((await within(form).findByText(/월 이용 요금/, { selector: '.field-error' })).textContent).toContain('0 이상의 숫자');
    expect((await stored(id)).ruleInputs).toBeUndefined();

    // A plain amount saves and the 1-month rule becomes that amount.
    await user.clear(within(form).getByRole('textbox', { name: /^월 이용 요금/ }));
    await user.type(within(form).getByRole('textbox', { name: /^월 이용 요금/ }), '31,998');
    await user.click(within(form).getByRole('button', { name: '이 값 저장' }));
    await waitFor(async () => expect((await stored(id)).ruleInputs?.monthlyFee?.value).toBe(31_998));
    await waitFor(() => expect(screen.getByTestId('rule-gap-lguplus-2023-smb-1m').textContent).toContain('회사 기준 보상액은 31,998원'));
  });
});

describe("Kakao Mobility's paid-member rule for a designated driver", () => {
  it('asks for the Pro fee, says why it is not computed yet, and shows 4,260원 once 22,000 is saved', async () => {
    const user = userEvent.setup();
    await openExampleAsOwn('driver-2022.claim.json', 'driver-pro');
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    await go('#/estimate');
    const gap = await screen.findByTestId('rule-gap-kakao-mobility-2022-pro', {}, { timeout: 8000 });
    const card = gap.closest('article, li, section, div.rule')!;
    // Not "records missing": the fee is what is missing.
    expect(card.textContent).toContain('위의 「회사 기준에 필요한 값」을 적으면 계산해요.');
    expect(card.textContent).not.toContain('필요한 기간의 기록이 없어');

    const form = screen.getByRole('form', { name: /^카카오 T 프로 멤버십/ });
    await user.type(within(form).getByRole('textbox', { name: /^카카오 T 프로 멤버십/ }), '22,000');
    await user.click(within(form).getByRole('button', { name: '이 값 저장' }));
    await waitFor(async () => expect((await stored('driver-pro')).ruleInputs?.proMonthlyFee?.value).toBe(22_000));
    await waitFor(() => expect(screen.getByTestId('rule-gap-kakao-mobility-2022-pro').textContent).toContain('회사 기준 보상액은 4,260원'));
  });
});

describe("Kakao Mobility's paid-member rule for a franchise taxi", () => {
  it('is not offered: Pro was a plan for non-franchise drivers, so no Pro fee is asked for', async () => {
    await openExampleAsOwn('taxi-franchise.claim.json', 'taxi-blue');
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    await go('#/estimate');
    // The franchise rule is there; the Pro rule and its fee are not.
    await screen.findByTestId('rule-gap-kakao-mobility-2022-taxi', {}, { timeout: 8000 });
    expect(screen.queryByTestId('rule-gap-kakao-mobility-2022-pro')).toBeNull();
    expect(screen.queryByRole('form', { name: /^카카오 T 프로 멤버십/ })).toBeNull();
  });
});

describe('nothing Kakao by default downstream (issue 14)', () => {
  it('the PC cafe in the LG U+ outage: the checklist asks for the council’s documents and no trip history; export offers no Kakao channel', async () => {
    const id = await pcCafeWithoutInputs();
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    await go('#/estimate');
    const checklist = (await screen.findByRole('heading', { name: /심사자가 볼 것/ }, { timeout: 8000 })).parentElement!;
    expect(checklist.textContent).not.toContain('운행 내역');
    expect(within(checklist).getByText('LG유플러스 피해 보상 협의체 (소상공인·PC방)에서 요구하는 서류: 피해 신고 내역')).toBeTruthy();
    expect(within(checklist).getByText('LG유플러스 피해 보상 협의체 (소상공인·PC방)에서 요구하는 서류: 요금 명세서')).toBeTruthy();
    expect(within(checklist).getByText('회사 기준에 필요한 값 2개 중 2개가 비어 있어요')).toBeTruthy();

    await go('#/export');
    const chooser = await screen.findByRole('group', { name: '어디에 신고하나요' }, { timeout: 8000 });
    const names = within(chooser).getAllByRole('radio').map((r) => r.closest('label')!.textContent!);
    expect(names.some((n) => n.includes('카카오'))).toBe(false);
    expect(names).toHaveLength(3);
    expect((within(chooser).getByRole('radio', { name: /온라인피해365센터/ }) as HTMLInputElement).checked).toBe(true);
    expect(id).toBe('pc-cafe-test');
  });

  it('the tracker records a submission of an LG U+ claim to its own channels, the 365 Center first', async () => {
    await pcCafeWithoutInputs();
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    await go('#/tracker');
    const select = (await screen.findByLabelText('신청처', {}, { timeout: 8000 })) as HTMLSelectElement;
    expect(select.value).toBe('damage365');
    expect([...select.options].map((o) => o.value)).toEqual(['damage365', 'dispute-mediation', 'generic']);
  });

  it('a designated driver in the Kakao outage is still asked for trip history', async () => {
    await openExampleAsOwn('driver-2022.claim.json', 'driver-test');
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    await go('#/estimate');
    const checklist = (await screen.findByRole('heading', { name: /심사자가 볼 것/ }, { timeout: 8000 })).parentElement!;
    expect(within(checklist).getByText('멈춘 서비스 화면 캡처 (운행 내역, 오류 화면)')).toBeTruthy();
    expect(within(checklist).getByText('수입 증빙 (운행 내역, 정산 내역)')).toBeTruthy();
  });
});
