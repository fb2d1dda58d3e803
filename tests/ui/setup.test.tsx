// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setBridgeForTests } from '../../src/bridge';
import { createMemoryBridge } from '../../src/bridge/memory';
import { incidentFromPreset, KAKAO_2022_10_ID } from '../../src/core/incidents';
import { createClaim, getClaim, loadClaim, OutageDeskDB, saveClaimDocument, setSetting } from '../../src/db';
import type { ClaimBody } from '../../src/db';
import { App } from '../../src/ui/App';
import { createI18n } from '../../src/ui/i18n';

// The machine is shared with other test runs: give slow renders time before calling them missing.
configure({ asyncUtilTimeout: 8000 });

let db: OutageDeskDB;
let claimId: string;

function renderApp(language: 'ko' | 'en' = 'ko') {
  return render(<App opened={{ kind: 'ready', db }} i18n={createI18n(language)} />);
}

const body = async () => ((await getClaim(db, claimId))!.body ?? {}) as Partial<ClaimBody>;
const stepper = () => screen.getByRole('navigation', { name: '신고인 준비 단계' });
const stepButton = (name: RegExp) => within(stepper()).getByRole('button', { name });

beforeEach(async () => {
  window.location.hash = '#/claimant';
  setBridgeForTests(createMemoryBridge({ version: '1.0.0' }));
  db = new OutageDeskDB(`ui-setup-${Math.random().toString(36).slice(2)}`);
  await db.open();
  claimId = (await createClaim(db, { title: '마포 대리' })).id;
  await setSetting(db, 'currentClaimId', claimId);
});
afterEach(() => {
  cleanup();
  db.close();
  setBridgeForTests(null);
});

describe('claimant setup: a designated driver from scratch', () => {
  it('saves each step, validates the business number live, and ends on the records page', async () => {
    const user = userEvent.setup();
    renderApp();
    expect(await screen.findByRole('heading', { level: 3, name: '누구인지 알려 주세요' })).toBeTruthy();
    expect(stepButton(/누구인가요/).getAttribute('aria-current')).toBe('step');
    expect(within(stepper()).getAllByText('아직')).toHaveLength(5);

    await user.click(screen.getByRole('radio', { name: /대리기사/ }));
    await user.type(screen.getByLabelText('이름'), '김대리');
    await user.type(screen.getByLabelText('휴대전화'), '01012345678');
    await user.tab();
    expect((screen.getByLabelText('휴대전화') as HTMLInputElement).value).toBe('010-1234-5678');

    // Live check: the message appears as soon as ten digits are typed, and names the field.
    const bn = screen.getByLabelText(/사업자등록번호/);
    await user.type(bn, '1234567890');
    expect((bn as HTMLInputElement).value).toBe('123-45-67890');
    expect(screen.getByText(/^사업자등록번호: 사업자등록번호가 올바르지 않아요/)).toBeTruthy();
    expect(bn.getAttribute('aria-invalid')).toBe('true');
    await user.clear(bn);
    await user.type(bn, '1234567891');
    expect(screen.queryByText(/사업자등록번호가 올바르지 않아요/)).toBeNull();

    await user.selectOptions(screen.getByLabelText(/시도/), '서울특별시');
    await user.type(screen.getByLabelText(/시군구/), '마포구{Enter}'); // Enter submits the step
    expect(await screen.findByRole('heading', { level: 3, name: '어떤 장애로 손해를 봤나요?' })).toBeTruthy();
    const afterWho = await body();
    expect(afterWho.claimant).toEqual({
      kind: 'designated-driver', name: '김대리', mobile: '010-1234-5678', businessNumber: '123-45-67891',
      region: { sido: '서울특별시', sigungu: '마포구' },
    });
    await waitFor(() => expect(within(stepButton(/누구인가요/)).getByText('완료')).toBeTruthy());

    // Step 2: no outage is chosen for the user (no Kakao default); the list is newest first.
    await screen.findByRole('radio', { name: /카카오 서비스 장애/ });
    const radios = screen.getAllByRole('radio', { name: /장애/ });
    expect(radios.every((r) => !(r as HTMLInputElement).checked)).toBe(true);
    expect(radios[0]!.closest('label')!.textContent).toContain('새 장애, 지금 시작');
    expect(radios[1]!.closest('label')!.textContent).toContain('네이버페이');
    await user.click(screen.getByRole('radio', { name: /카카오 서비스 장애/ }));
    await user.click(screen.getByRole('button', { name: '다음' }));
    expect(await screen.findByRole('heading', { level: 3, name: '어떤 서비스가 멈춰서 일을 못 했나요?' })).toBeTruthy();
    expect((await body()).incident).toEqual(incidentFromPreset(KAKAO_2022_10_ID));

    // Step 3: 대리 is suggested; windows are shown in KST.
    const daeri = screen.getByRole('checkbox', { name: /카카오 T 대리/ }) as HTMLInputElement;
    expect(daeri.checked).toBe(true);
    expect(screen.getAllByRole('checkbox').filter((c) => (c as HTMLInputElement).checked)).toHaveLength(1);
    expect(daeri.closest('label')!.textContent).toContain('2022년 10월 15일 (토) 15:30');
    await user.click(screen.getByRole('button', { name: '다음' }));
    expect(await screen.findByRole('heading', { level: 3, name: '콜은 어떤 길로 들어오나요?' })).toBeTruthy();
    expect((await body()).claimant!.servicesUsed).toEqual(['kakao-t-daeri']);

    // Step 4: the driver's channels, the platform marked, in a driver's words (calls, not customers or sales).
    expect(screen.getByRole('group', { name: '콜 채널' })).toBeTruthy();
    expect(document.querySelector('.setup-step-lead')!.textContent).toContain('대신 받은 콜(전화 콜, 다른 호출 앱, 길에서 태운 손님)');
    expect(screen.getByRole('button', { name: /콜 채널/ })).toBeTruthy();
    const labels = screen.getAllByRole('textbox', { name: /^채널 이름 \(/ }).map((i) => (i as HTMLInputElement).value);
    expect(labels).toEqual(['카카오 T 대리', '다른 대리 앱', '전화 콜']);
    await user.click(screen.getByRole('button', { name: '다음' }));
    expect(await screen.findByRole('heading', { level: 3, name: '이익률과 기록 단위를 정해요' })).toBeTruthy();
    expect((await body()).claimant!.salesChannels).toEqual([
      { id: 'kakao-t', label: '카카오 T 대리', isPlatform: true },
      { id: 'other-app', label: '다른 대리 앱', isPlatform: false },
      { id: 'phone', label: '전화 콜', isPlatform: false },
    ]);

    // Step 5: the loss model's defaults for a designated driver, m from the engine.
    expect((screen.getByLabelText('변동비 비율 v') as HTMLInputElement).value).toBe('5');
    expect((screen.getByLabelText('플랫폼 수수료 비율 c') as HTMLInputElement).value).toBe('20');
    expect(screen.getByTestId('margin-preview').textContent).toBe('이익률 m = 1 − v − c = 75% (v 5%, c 20%)');
    expect((screen.getByRole('radio', { name: /시간 단위/ }) as HTMLInputElement).checked).toBe(true);
    // A driver's margin is explained with 수입, fuel or travel and the ride app's commission; no shop words.
    const stepText = document.querySelector('.setup-step')!.textContent!;
    expect(stepText).toContain('수입이 줄었을 때 실제로 잃은 이익을 계산하는 비율이에요.');
    expect(stepText).toContain('잃은 이익은 잃은 수입에서, 운행하지 못해서 쓰지 않게 된 돈을 뺀 금액이에요.');
    expect(stepText).toContain('수입 중 연료·이동비와 결제 수수료의 비율이에요. 기본값 5%.');
    expect(stepText).not.toMatch(/매출|재료|객단가/);
    await user.click(screen.getByRole('checkbox', { name: /이 비율을 확인했어요/ }));
    await user.click(screen.getByRole('button', { name: '다음: 기록 넣기' }));
    await waitFor(() => expect(window.location.hash).toBe('#/records'));

    const loaded = await loadClaim(db, claimId);
    expect(loaded.status).toBe('ready');
    if (loaded.status !== 'ready') return;
    expect(loaded.claim.parameters.margin).toEqual({ v: { confirmed: true }, c: { confirmed: true } });
    expect(loaded.claim.granularity).toBe('hourly');
  });

  it('refuses a step with wrong fields, names each field, and stores nothing', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(await screen.findByRole('button', { name: '다음' }));
    expect(screen.getByText('하는 일을 하나 골라 주세요.')).toBeTruthy();

    await user.click(screen.getByRole('radio', { name: /가게·식당 사장님/ }));
    await user.type(screen.getByLabelText('휴대전화'), '02-123-4567');
    await user.type(screen.getByLabelText(/이메일/), 'not-mail');
    await user.type(screen.getByLabelText(/^은행/), '국민은행');
    await user.click(screen.getByRole('button', { name: '다음' }));
    expect(await screen.findByText('대표자 이름: 이름이 비어 있어요')).toBeTruthy();
    expect(screen.getByText('휴대전화: 휴대전화 번호는 010-1234-5678 형식이어야 해요')).toBeTruthy();
    expect(screen.getByText('이메일: 이메일 주소 형식이 아니에요')).toBeTruthy();
    expect(screen.getByText('사업자등록번호: 꼭 적어야 하는 항목이에요')).toBeTruthy();
    expect(screen.getByText('계좌번호: 계좌번호는 숫자와 -만 써요')).toBeTruthy();
    expect(screen.getByText('예금주: 예금주가 비어 있어요')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('대표자 이름')));
    expect(await body()).toEqual({});
    expect(screen.getByRole('heading', { level: 3, name: '누구인지 알려 주세요' })).toBeTruthy();
  });

  it('in English the same message names the English field', async () => {
    const user = userEvent.setup();
    renderApp('en');
    await user.click(await screen.findByRole('radio', { name: /Taxi driver/ }));
    await user.type(screen.getByLabelText(/Business registration number/), '1234567890');
    expect(screen.getByText('Business registration number: business registration number is invalid (XXX-XX-XXXXX, check digit)')).toBeTruthy();
  });
});

describe('claimant setup: defaults per kind and reload', () => {
  async function seed(claimant: Record<string, unknown>, more: Partial<ClaimBody> = {}) {
    await saveClaimDocument(db, claimId, { claimant: claimant as ClaimBody['claimant'], incident: incidentFromPreset(KAKAO_2022_10_ID)!, ...more }, { allowDraft: true });
  }

  it('a restaurant gets its channels (platform marked), its services, daily records and v = 35%', async () => {
    const user = userEvent.setup();
    await seed({ kind: 'merchant', industry: 'restaurant', name: '박사장', mobile: '010-2222-3333', businessNumber: '123-45-67891' });
    window.location.hash = '#/claimant?step=services';
    renderApp();
    expect(await screen.findByRole('heading', { level: 3, name: '어떤 서비스가 멈춰서 일을 못 했나요?' })).toBeTruthy();
    const checked = screen.getAllByRole('checkbox').filter((c) => (c as HTMLInputElement).checked).map((c) => c.closest('label')!.querySelector('.strong')!.textContent);
    expect(checked).toEqual(['카카오페이', '카카오톡 채널 (톡채널)']);
    await user.click(screen.getByRole('button', { name: '다음' }));

    await screen.findByRole('heading', { level: 3, name: '손님은 어떤 길로 들어오나요?' });
    // A shop's words stay: sales channels, and orders that came another way.
    expect(screen.getByRole('group', { name: '판매 채널' })).toBeTruthy();
    expect(document.querySelector('.setup-step-lead')!.textContent).toContain('대신 받은 주문(전화, 다른 앱, 현금)');
    const rows = screen.getAllByRole('textbox', { name: /^채널 이름 \(/ }).map((i) => (i as HTMLInputElement).value);
    expect(rows).toEqual(['카카오톡 채널 주문', '카카오페이', '카드', '현금', '전화 주문', '배달 앱']);
    // A channel of one's own, and one suggestion left out.
    await user.type(screen.getByLabelText('채널 더하기'), '네이버 예약{Enter}');
    await user.click(screen.getByRole('checkbox', { name: '배달 앱 사용' }));
    await user.click(screen.getByRole('button', { name: '다음' }));
    await screen.findByRole('heading', { level: 3, name: '이익률과 기록 단위를 정해요' });
    const channels = (await body()).claimant!.salesChannels!;
    expect(channels.map((c) => [c.id, c.isPlatform])).toEqual([
      ['kakao-talk', true], ['kakao-pay', true], ['card', false], ['cash', false], ['phone', false], ['ch-1', false],
    ]);

    expect((screen.getByLabelText('변동비 비율 v') as HTMLInputElement).value).toBe('35');
    expect((screen.getByLabelText('플랫폼 수수료 비율 c') as HTMLInputElement).value).toBe('0');
    expect((screen.getByRole('radio', { name: /하루 단위/ }) as HTMLInputElement).checked).toBe(true);
    expect(document.querySelector('.setup-step')!.textContent).toContain('잃은 이익은 잃은 매출에서, 팔지 못해서 쓰지 않게 된 돈을 뺀 금액이에요.');
    // The user's own v is stored as a value; c left at its default is stored as "the default".
    await user.clear(screen.getByLabelText('변동비 비율 v'));
    await user.type(screen.getByLabelText('변동비 비율 v'), '38');
    expect(screen.getByTestId('margin-preview').textContent).toBe('이익률 m = 1 − v − c = 62% (v 38%, c 0%)');
    await user.click(screen.getByRole('button', { name: '다음: 기록 넣기' }));
    await waitFor(() => expect(window.location.hash).toBe('#/records'));
    expect((await body()).parameters?.margin).toEqual({ v: { value: 0.38, confirmed: false }, c: { confirmed: false } });
  });

  it.each([
    [{ kind: 'taxi', taxiType: 'franchise' }, '15', '4'],
    [{ kind: 'taxi', taxiType: 'private' }, '15', '0'],
    [{ kind: 'merchant', industry: 'cafe', businessNumber: '123-45-67891' }, '30', '0'],
    [{ kind: 'merchant', industry: 'retail', businessNumber: '123-45-67891' }, '60', '0'],
    [{ kind: 'merchant', industry: 'personal-services', businessNumber: '123-45-67891' }, '15', '0'],
  ])('margin defaults for %o: v %s%%, c %s%%', async (kind, v, c) => {
    await seed({ ...kind, name: '홍길동', mobile: '010-1111-2222' });
    window.location.hash = '#/claimant?step=margin';
    renderApp();
    expect((await screen.findByLabelText('변동비 비율 v') as HTMLInputElement).value).toBe(v);
    expect((screen.getByLabelText('플랫폼 수수료 비율 c') as HTMLInputElement).value).toBe(c);
  });

  it('margins: v + c over 100% or a share outside 0-100% is an inline error naming the field, and nothing is saved', async () => {
    const user = userEvent.setup();
    await seed({ kind: 'designated-driver', name: '김대리', mobile: '010-1234-5678' });
    window.location.hash = '#/claimant?step=margin';
    renderApp();
    const v = await screen.findByLabelText('변동비 비율 v');
    const c = screen.getByLabelText('플랫폼 수수료 비율 c');
    const before = await body();
    // v 85% with the default c 20%: 105%. The message appears while typing, on v (the share typed).
    await user.clear(v);
    await user.type(v, '85');
    expect(screen.getByText(/^변동비 비율 v: 변동비 v 85%와 수수료 c 20%의 합이 100%를 넘어요: 변동비 비율 v를 고쳐 주세요$/)).toBeTruthy();
    expect(v.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('margin-preview')).toBeNull();
    await user.click(screen.getByRole('button', { name: '다음: 기록 넣기' }));
    expect(window.location.hash).toBe('#/claimant?step=margin');
    expect((await body()).parameters).toEqual(before.parameters);

    // c over 100% is named on c.
    await user.clear(v);
    await user.type(v, '5');
    await user.clear(c);
    await user.type(c, '120');
    expect(screen.getByText(/^플랫폼 수수료 비율 c: 플랫폼 수수료 비율 c는 0%에서 100% 사이여야 해요 \(120%\)$/)).toBeTruthy();
    expect(v.getAttribute('aria-invalid')).toBeNull();
    await user.click(screen.getByRole('button', { name: '다음: 기록 넣기' }));
    expect((await body()).parameters).toEqual(before.parameters);

    // Corrected: exactly 100% is allowed (m = 0), and it saves.
    await user.clear(c);
    await user.type(c, '95');
    expect(screen.getByTestId('margin-preview').textContent).toBe('이익률 m = 1 − v − c = 0% (v 5%, c 95%)');
    await user.click(screen.getByRole('button', { name: '다음: 기록 넣기' }));
    await waitFor(() => expect(window.location.hash).toBe('#/records'));
    expect((await body()).parameters?.margin).toEqual({ v: { confirmed: false }, c: { value: 0.95, confirmed: false } });
  });

  it('after a reload the steps done are ticked and the flow opens at the first open step, fields filled', async () => {
    await seed({ kind: 'designated-driver', name: '김대리', mobile: '010-1234-5678' });
    const first = renderApp();
    expect(await screen.findByRole('heading', { level: 3, name: '어떤 서비스가 멈춰서 일을 못 했나요?' })).toBeTruthy();
    expect(within(stepButton(/누구인가요/)).getByText('완료')).toBeTruthy();
    expect(within(stepButton(/어떤 장애/)).getByText('완료')).toBeTruthy();
    expect(within(stepButton(/쓰던 서비스/)).getByText('아직')).toBeTruthy();
    first.unmount();

    renderApp();
    await screen.findByRole('navigation', { name: '신고인 준비 단계' });
    await userEvent.setup().click(stepButton(/누구인가요/));
    expect((await screen.findByLabelText('이름') as HTMLInputElement).value).toBe('김대리');
    expect((screen.getByRole('radio', { name: /대리기사/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('a change that breaks records already stored is refused with the reason, and the step stays', async () => {
    const user = userEvent.setup();
    await seed({ kind: 'designated-driver', name: '김대리', mobile: '010-1234-5678', servicesUsed: ['kakao-t-daeri'], salesChannels: [{ id: 'kakao-t', label: '카카오 T 대리', isPlatform: true }] }, { granularity: 'hourly' });
    await db.records.add({ claimId, bucket: '2022-10-15T20:00+09:00', channel: 'kakao-t', count: 1, revenue: 25000, provenance: { kind: 'logged' } });
    window.location.hash = '#/claimant?step=channels';
    renderApp();
    await user.click(await screen.findByRole('checkbox', { name: '카카오 T 대리 사용' }));
    await user.click(screen.getByRole('checkbox', { name: '다른 대리 앱 사용' }));
    await user.click(screen.getByRole('button', { name: '다음' }));
    expect(await screen.findByText('저장하지 못했어요. 아래를 고쳐 주세요.')).toBeTruthy();
    expect(screen.getByText(/판매 채널 목록에 없는 채널이에요: kakao-t/)).toBeTruthy();
    expect((await body()).claimant!.salesChannels).toEqual([{ id: 'kakao-t', label: '카카오 T 대리', isPlatform: true }]);
    expect(screen.getByRole('heading', { level: 3, name: '콜은 어떤 길로 들어오나요?' })).toBeTruthy();
  });
});
