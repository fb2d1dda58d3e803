// @vitest-environment jsdom
// A machine far from Korea: the windows must read and save the same KST times.
process.env.TZ = 'America/Los_Angeles';
import 'fake-indexeddb/auto';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setBridgeForTests } from '../../src/bridge';
import { createMemoryBridge } from '../../src/bridge/memory';
import { incidentFromPreset, KAKAO_2022_10_ID } from '../../src/core/incidents';
import type { Incident } from '../../src/core/model';
import { createClaim, getClaim, OutageDeskDB, saveClaimDocument, setSetting } from '../../src/db';
import type { ClaimBody } from '../../src/db';
import { App } from '../../src/ui/App';
import { createI18n } from '../../src/ui/i18n';

// The machine is shared with other test runs: give slow renders time before calling them missing.
configure({ asyncUtilTimeout: 8000 });

let db: OutageDeskDB;
let claimId: string;

async function go(hash: string) {
  await act(async () => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}
const incident = async () => ((await getClaim(db, claimId))!.body as Partial<ClaimBody>).incident as Incident | undefined;
const claimant = async () => ((await getClaim(db, claimId))!.body as Partial<ClaimBody>).claimant as { servicesUsed?: string[] } | undefined;

beforeEach(async () => {
  window.location.hash = '';
  setBridgeForTests(createMemoryBridge({ version: '1.0.0' }));
  db = new OutageDeskDB(`ui-incident-${Math.random().toString(36).slice(2)}`);
  await db.open();
  claimId = (await createClaim(db, { title: '대리 10월' })).id;
  await setSetting(db, 'currentClaimId', claimId);
});
afterEach(() => {
  cleanup();
  db.close();
  setBridgeForTests(null);
});

describe('the incident page', () => {
  it('uses the preset; an edited window is kept beside the public one (in KST, whatever the time zone) and can be undone', async () => {
    const user = userEvent.setup();
    expect(new Date('2022-10-15T15:30+09:00').getHours()).toBe(23); // the machine really is elsewhere
    await saveClaimDocument(db, claimId, { claimant: { kind: 'designated-driver', name: '김대리', mobile: '010-1234-5678', servicesUsed: ['kakao-t-daeri'] } as never }, { allowDraft: true });
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    await go('#/incident');
    await user.click(await screen.findByRole('button', { name: '카카오 2022년 10월 장애 쓰기' }, { timeout: 5000 }));
    await waitFor(async () => expect((await incident())?.presetId).toBe(KAKAO_2022_10_ID));

    const item = (await screen.findByRole('heading', { level: 3, name: /카카오 T 대리/ })).closest('li')!;
    expect(within(item).getByText('내가 쓰던 서비스')).toBeTruthy();
    expect(item.textContent).toContain('2022년 10월 15일 토 15:30 – 2022년 10월 16일 일 21:30');
    // The note cites its publications, never an article id (issue 14: text that leaves the app uses plain words).
    expect(item.textContent).toContain('(디지털데일리)');
    expect(item.textContent).not.toContain('2022101623402869383');

    await user.click(within(item).getByRole('button', { name: '카카오 T 대리 시간 고치기' }));
    expect((within(item).getByLabelText('카카오 T 대리 시작 시각') as HTMLInputElement).value).toBe('15:30');
    fireEvent.change(within(item).getByLabelText('카카오 T 대리 끝 날짜'), { target: { value: '2022-10-15' } });
    fireEvent.change(within(item).getByLabelText('카카오 T 대리 끝 시각'), { target: { value: '12:00' } });
    await user.click(within(item).getByRole('button', { name: '이 시간으로 고치기' }));
    expect(await within(item).findByText('끝: 끝 시각이 시작 시각보다 뒤여야 해요')).toBeTruthy();
    expect((await incident())!.services.find((s) => s.id === 'kakao-t-daeri')!.userWindow).toBeUndefined();

    fireEvent.change(within(item).getByLabelText('카카오 T 대리 끝 날짜'), { target: { value: '2022-10-16' } });
    await user.type(within(item).getByLabelText('고친 이유'), '제 앱은 16일 정오에 돌아왔어요');
    await user.click(within(item).getByRole('button', { name: '이 시간으로 고치기' }));
    await waitFor(async () =>
      expect((await incident())!.services.find((s) => s.id === 'kakao-t-daeri')).toMatchObject({
        window: { start: '2022-10-15T15:30+09:00', end: '2022-10-16T21:30+09:00' },
        userWindow: { start: '2022-10-15T15:30+09:00', end: '2022-10-16T12:00+09:00', note: '제 앱은 16일 정오에 돌아왔어요' },
      }),
    );
    const edited = (await screen.findByRole('heading', { level: 3, name: /카카오 T 대리/ })).closest('li')!;
    await waitFor(() => expect(within(edited).getByText('내가 고친 시간')).toBeTruthy());
    expect(edited.textContent).toContain('2022년 10월 15일 토 15:30 – 2022년 10월 16일 일 12:00');
    expect(edited.querySelector('.superseded')!.textContent).toBe('2022년 10월 15일 토 15:30 – 2022년 10월 16일 일 21:30');

    await user.click(within(edited).getByRole('button', { name: '카카오 T 대리: 공개 시간으로 되돌리기' }));
    await waitFor(async () => expect((await incident())!.services.find((s) => s.id === 'kakao-t-daeri')!.userWindow).toBeUndefined());
    expect((await claimant())!.servicesUsed).toEqual(['kakao-t-daeri']);
  });

  it('adds an incident of one’s own for a future outage, after confirming it replaces the preset', async () => {
    const user = userEvent.setup();
    await saveClaimDocument(db, claimId, { incident: incidentFromPreset(KAKAO_2022_10_ID)!, claimant: { kind: 'designated-driver', name: '김대리', mobile: '010-1234-5678', servicesUsed: ['kakao-t-daeri'] } as never }, { allowDraft: true });
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    await go('#/incident');
    await user.click(await screen.findByRole('button', { name: '내 장애 직접 적기' }, { timeout: 5000 }));
    await user.click(screen.getByRole('button', { name: '이 장애로 정하기' }));
    expect(await screen.findByText('장애 이름: 한국어 이름이 비어 있어요')).toBeTruthy();
    expect(screen.getByText('시작: 꼭 적어야 하는 항목이에요')).toBeTruthy();

    await user.type(screen.getByLabelText('장애 이름'), '배달앱 결제 장애');
    await user.type(screen.getByLabelText('멈춘 서비스 1'), '배민 주문 접수');
    fireEvent.change(screen.getByLabelText('배민 주문 접수 시작 날짜'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('배민 주문 접수 시작 시각'), { target: { value: '18:10' } });
    fireEvent.change(screen.getByLabelText('배민 주문 접수 끝 날짜'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('배민 주문 접수 끝 시각'), { target: { value: '21:40' } });
    await user.type(screen.getByLabelText(/시간의 출처/), '회사 공지 2026-03-02');
    await user.click(screen.getByRole('button', { name: '이 장애로 정하기' }));
    const dialog = await screen.findByRole('alertdialog', { name: '장애를 바꿀까요?' });
    await user.click(within(dialog).getByRole('button', { name: '바꾸기' }));

    await waitFor(async () => expect((await incident())?.name.ko).toBe('배달앱 결제 장애'));
    const own = (await incident())!;
    expect(own.presetId).toBeUndefined();
    expect(own.services).toEqual([
      { id: 'baemin-jumun-jeopsu', name: { ko: '배민 주문 접수', en: '' }, window: { start: '2026-03-01T18:10+09:00', end: '2026-03-01T21:40+09:00' }, source: '회사 공지 2026-03-02' },
    ]);
    expect((await claimant())!.servicesUsed).toEqual(['baemin-jumun-jeopsu']);
    expect(await screen.findByText('2026년 3월 1일 일 18:10 – 2026년 3월 1일 일 21:40')).toBeTruthy();
  });
});
