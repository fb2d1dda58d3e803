// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setBridgeForTests } from '../../src/bridge';
import { createMemoryBridge } from '../../src/bridge/memory';
import type { MemoryBridge } from '../../src/bridge/memory';
import { estimateClaim } from '../../src/core/estimate';
import { parseClaimFile } from '../../src/core/model';
import type { Claim } from '../../src/core/model';
import { buildPacket } from '../../src/core/packet/build';
import { addClaim, getSetting, listClaims, loadClaim, OutageDeskDB, setSetting } from '../../src/db';
import { App } from '../../src/ui/App';
import { createI18n } from '../../src/ui/i18n';

configure({ asyncUtilTimeout: 8000 });

const require = createRequire(import.meta.url);
const fonts = {
  regular: new Uint8Array(readFileSync(require.resolve('@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf'))),
  bold: new Uint8Array(readFileSync(require.resolve('@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf'))),
};

/** The cafe example as a user's own claim (not flagged as an example). */
function cafeClaim(): Claim {
  const parsed = parseClaimFile(readFileSync('assets/examples/cafe-daily.claim.json', 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const { example: _e, ...claim } = parsed.claim;
  return { ...claim, id: 'cafe-own', title: '망원 카페' };
}

let db: OutageDeskDB;
let bridge: MemoryBridge;
let packetBytes: Uint8Array;
const won = (n: number) => `${n.toLocaleString('en-US')}원`;

beforeAll(async () => {
  const built = await buildPacket({ claim: cafeClaim(), channel: 'kakao-2022-smb-documents', fonts, appVersion: '0.1.0', now: new Date('2023-01-10T10:00:00+09:00') });
  packetBytes = built.bytes;
});

beforeEach(async () => {
  // Only Date is faked: 2022-11-01 10:00 KST, five days before Kakao's form closes.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2022-11-01T10:00:00+09:00'));
  window.location.hash = '#/tracker';
  bridge = createMemoryBridge({ version: '0.1.0' });
  setBridgeForTests(bridge);
  db = new OutageDeskDB(`ui-tracker-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(() => {
  cleanup();
  db.close();
  setBridgeForTests(null);
  vi.useRealTimers();
});
afterAll(() => vi.useRealTimers());

async function withCafe(submissions: Claim['submissions'] = []): Promise<string> {
  const { id } = await addClaim(db, { ...cafeClaim(), submissions });
  await setSetting(db, 'currentClaimId', id);
  return id;
}

function renderApp(language: 'ko' | 'en' = 'ko') {
  return render(<App opened={{ kind: 'ready', db }} i18n={createI18n(language)} />);
}

describe('the tracker page', () => {
  it('shows the claim total from the engine, nothing paid, and the deadlines with the one closing in 5 days marked', async () => {
    await withCafe();
    renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: '신청 현황' })).toBeTruthy();
    const total = estimateClaim(cafeClaim()).claimTotal;
    expect((await screen.findByTestId('tracker-claimed')).textContent).toBe(won(total));
    expect(screen.getByTestId('tracker-paid').textContent).toBe('0원');
    expect(screen.getByTestId('tracker-gap').textContent).toBe(won(total));
    const form = screen.getByTestId('deadline-kakao-2022-form');
    expect(form.className).toBe('is-warn');
    expect(within(form).getByText('5일 남았어요')).toBeTruthy();
    expect(within(form).getByText('아직 내지 않았어요')).toBeTruthy();
    expect(within(screen.getByTestId('deadline-kakao-2022-smb-documents')).getByText('아직 열리지 않았어요')).toBeTruthy();
    expect(screen.getByText('아직 기록한 신청이 없어요. 꾸러미를 보냈다면 아래에서 기록해 주세요.')).toBeTruthy();
  });

  it('records a sent packet (its fingerprint checked), then an offer below the rule, then a payment: the gap and next steps follow', async () => {
    const user = userEvent.setup();
    const id = await withCafe();
    renderApp();
    bridge.queueOpenFiles([{ name: 'cafe-smb.zip', bytes: packetBytes }]);
    await user.click(await screen.findByRole('button', { name: '보낸 꾸러미 파일 고르기' }));
    const sha = createHash('sha256').update(packetBytes).digest('hex');
    expect((await screen.findByTestId('packet-check')).textContent).toContain(`지문 ${sha.slice(0, 12)}`);
    expect(screen.getByTestId('record-fingerprint').textContent).toBe(sha);
    expect((screen.getByLabelText('신청처') as HTMLSelectElement).value).toBe('kakao-2022-smb-documents');
    await user.clear(screen.getByLabelText('보낸 날짜'));
    await user.type(screen.getByLabelText('보낸 날짜'), '2023-01-10');
    await user.clear(screen.getByLabelText('보낸 시각'));
    await user.type(screen.getByLabelText('보낸 시각'), '11:30');
    await user.type(screen.getByLabelText('접수번호 (선택)'), 'SMB-0042');
    await user.click(screen.getByRole('button', { name: '기록하기' }));
    expect(await screen.findByText('「카카오 소상공인 피해 지원 서류 (2022)」 신청을 기록했어요.')).toBeTruthy();

    const stored = await loadClaim(db, id);
    if (stored.status !== 'ready') throw new Error(stored.status);
    expect(stored.claim.submissions).toEqual([
      { id: expect.any(String), channel: 'kakao-2022-smb-documents', sentAt: '2023-01-10T11:30+09:00', reference: 'SMB-0042', packetSha256: sha, status: 'sent', notes: '' },
    ]);

    const card = await screen.findByTestId('submission-kakao-2022-smb-documents');
    expect(within(card).getByTestId('sub-status').textContent).toBe('보냄');
    const rule = estimateClaim(cafeClaim()).rules['kakao-2022-smb-best-week']!;
    expect(within(card).getByTestId('sub-asked').textContent).toBe(won(rule.loss!));
    expect(within(card).getByTestId('sub-rule').textContent).toContain('50만 원 이하: 5만 원');
    expect(within(card).getByTestId('sub-rule').textContent).toContain('이 구간에 주는 돈: 50,000원');

    // An offer of 30,000: below the band's own 50,000.
    await user.click(within(card).getByText('답변 기록하기'));
    await user.selectOptions(within(card).getByLabelText('상태'), 'offer-made');
    await user.type(within(card).getByLabelText('제안받은 금액 (원)'), '30,000');
    await user.click(within(card).getByRole('button', { name: '저장' }));
    await waitFor(() => expect(within(screen.getByTestId('submission-kakao-2022-smb-documents')).getByTestId('sub-status').textContent).toBe('보상 제안받음'));
    let now = screen.getByTestId('submission-kakao-2022-smb-documents');
    expect(within(now).getByText('제안이 채널이 스스로 정한 기준보다 적어요.')).toBeTruthy();
    expect(within(now).getByText(`받은 답이 요청한 금액보다 ${won(rule.loss! - 30_000)} 적어요. 아래에서 고를 수 있어요.`)).toBeTruthy();
    expect(within(within(now).getByTestId('step-ask-own-rule')).getByText('먼저 해 볼 만해요')).toBeTruthy();
    expect(within(now).getByTestId('step-damage365')).toBeTruthy();
    expect(within(now).getByTestId('step-dispute-mediation')).toBeTruthy();
    expect(within(now).getAllByRole('button', { name: '신청서 꾸러미 만들기' })).toHaveLength(2);
    expect(screen.getByText('아직 답하지 않은 제안 30,000원')).toBeTruthy();

    // Paid 50,000 after asking again: the gap is the claim total less 50,000.
    await user.click(within(now).getByText('답변 기록하기'));
    await user.selectOptions(within(now).getByLabelText('상태'), 'paid');
    await user.clear(within(now).getByLabelText('제안받은 금액 (원)'));
    await user.type(within(now).getByLabelText('제안받은 금액 (원)'), '50000');
    await user.type(within(now).getByLabelText('지급받은 금액 (원)'), '50000');
    await user.click(within(now).getByRole('button', { name: '저장' }));
    const total = estimateClaim(cafeClaim()).claimTotal;
    await waitFor(() => expect(screen.getByTestId('tracker-paid').textContent).toBe('50,000원'));
    expect(screen.getByTestId('tracker-gap').textContent).toBe(won(total - 50_000));
    now = screen.getByTestId('submission-kakao-2022-smb-documents');
    expect(within(now).queryByText('제안이 채널이 스스로 정한 기준보다 적어요.')).toBeNull();
    expect(within(within(now).getByTestId('step-damage365')).getByText('먼저 해 볼 만해요')).toBeTruthy();
  });

  it('refuses a bad amount or a missing amount in plain words and stores nothing', async () => {
    const user = userEvent.setup();
    const id = await withCafe([{ id: 's1', channel: 'kakao-2022-form', sentAt: '2022-10-31T10:00+09:00', status: 'sent', notes: '' }]);
    renderApp();
    const card = await screen.findByTestId('submission-kakao-2022-form');
    await user.click(within(card).getByText('답변 기록하기'));
    await user.type(within(card).getByLabelText('지급받은 금액 (원)'), '5만');
    await user.click(within(card).getByRole('button', { name: '저장' }));
    expect(within(card).getByRole('alert').textContent).toBe('금액은 0 이상의 원 단위 숫자로 적어 주세요.');
    await user.clear(within(card).getByLabelText('지급받은 금액 (원)'));
    await user.selectOptions(within(card).getByLabelText('상태'), 'paid');
    await user.click(within(card).getByRole('button', { name: '저장' }));
    expect((await within(card).findByRole('alert')).textContent).toBe('submissions[0].paid: 지급받은 금액을 적어 주세요');
    const stored = await loadClaim(db, id);
    expect(stored.status === 'ready' && stored.claim.submissions[0]!.status).toBe('sent');
  });

  it('attaches a reply file as evidence linked to the submission', async () => {
    const user = userEvent.setup();
    const id = await withCafe([{ id: 's1', channel: 'kakao-2022-form', sentAt: '2022-10-31T10:00+09:00', status: 'rejected', notes: '' }]);
    renderApp();
    const card = await screen.findByTestId('submission-kakao-2022-form');
    expect(within(card).getByText('신청이 거절됐어요. 아래에서 고를 수 있어요.')).toBeTruthy();
    await user.click(within(card).getByText('답변 기록하기'));
    bridge.queueOpenFiles([{ name: '카카오 회신.png', bytes: new TextEncoder().encode('회신 캡처') }]);
    await user.click(within(card).getByRole('button', { name: '회신 파일 붙이기' }));
    expect(await within(card).findByText(/카카오 회신\.png/)).toBeTruthy();
    const rows = await db.evidence.where('claimId').equals(id).toArray();
    expect(rows.map((r) => [r.fileName, r.label, r.linkedIds])).toEqual([['카카오 회신.png', '신청처 회신', ['submission:s1']]]);
  });

  it('a packet of a claim not in the app yet: adds that claim from the packet and selects it', async () => {
    const user = userEvent.setup();
    renderApp();
    expect(await screen.findByRole('heading', { name: '먼저 신고서를 만들어 주세요' })).toBeTruthy();
    bridge.queueOpenFiles([{ name: 'cafe-smb.zip', bytes: packetBytes }]);
    await user.click(screen.getByRole('button', { name: '보낸 꾸러미 파일 고르기' }));
    expect(await screen.findByText(/이 꾸러미의 신고서는 아직 이 앱에 없어요/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '꾸러미의 신고서를 이 앱에 추가하기' }));
    expect(await screen.findByTestId('tracker-claimed')).toBeTruthy();
    expect((await listClaims(db)).map((c) => c.id)).toEqual(['cafe-own']);
    expect(await getSetting(db, 'currentClaimId')).toBe('cafe-own');
    // The picked packet stays: its fingerprint is ready to record.
    expect(screen.getByTestId('record-fingerprint').textContent).toBe(createHash('sha256').update(packetBytes).digest('hex'));
  });

  it('reads in English too', async () => {
    await withCafe();
    renderApp('en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tracker' })).toBeTruthy();
    expect(within(await screen.findByTestId('deadline-kakao-2022-form')).getByText('5 days left')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Claimed and paid' })).toBeTruthy();
  });
});

describe('the deadline warning on opening', () => {
  it('appears above any page while the form closes within 7 days and nothing was sent; it can be closed', async () => {
    const user = userEvent.setup();
    await withCafe();
    window.location.hash = '#/claimant';
    renderApp();
    const warning = await screen.findByRole('status', { name: '마감이 가까운 신청이 있어요' });
    expect(warning.textContent).toContain('카카오 피해 접수 양식 (2022): 2022-11-06까지 (5일 남았어요)');
    expect(within(warning).getByRole('link', { name: '신청 현황 보기' }).getAttribute('href')).toBe('#/tracker');
    await user.click(within(warning).getByRole('button', { name: '알림 닫기' }));
    expect(screen.queryByRole('status', { name: '마감이 가까운 신청이 있어요' })).toBeNull();
  });

  it('does not appear 8 days before, once sent, or after the close', async () => {
    vi.setSystemTime(new Date('2022-10-29T10:00:00+09:00'));
    await withCafe();
    window.location.hash = '#/claimant';
    const { unmount } = renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: '신고인과 신고서' })).toBeTruthy();
    await waitFor(() => expect(document.querySelector('[data-deadline-checked]')).not.toBeNull());
    expect(screen.queryByText('마감이 가까운 신청이 있어요')).toBeNull();
    unmount();

    vi.setSystemTime(new Date('2022-11-01T10:00:00+09:00'));
    await db.claims.clear();
    await withCafe([{ id: 's1', channel: 'kakao-2022-form', sentAt: '2022-10-31T10:00+09:00', status: 'sent', notes: '' }]);
    const second = renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: '신고인과 신고서' })).toBeTruthy();
    await waitFor(() => expect(document.querySelector('[data-deadline-checked]')).not.toBeNull());
    expect(screen.queryByText('마감이 가까운 신청이 있어요')).toBeNull();
    second.unmount();

    vi.setSystemTime(new Date('2022-11-07T10:00:00+09:00'));
    await db.claims.clear();
    await withCafe();
    renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: '신고인과 신고서' })).toBeTruthy();
    await waitFor(() => expect(document.querySelector('[data-deadline-checked]')).not.toBeNull());
    expect(screen.queryByText('마감이 가까운 신청이 있어요')).toBeNull();
  });
});
