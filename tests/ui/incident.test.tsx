// @vitest-environment jsdom
// A machine far from Korea: the windows must read and save the same KST times.
process.env.TZ = 'America/Los_Angeles';
import 'fake-indexeddb/auto';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setBridgeForTests } from '../../src/bridge';
import { createMemoryBridge } from '../../src/bridge/memory';
import { incidentFromPreset, KAKAO_2022_10_ID, nowRoundedKst } from '../../src/core/incidents';
import { hourContaining, parseInstant } from '../../src/core/time/kst';
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
    await user.click(await screen.findByRole('radio', { name: /카카오 서비스 장애/ }, { timeout: 5000 }));
    await user.click(screen.getByRole('button', { name: '이 장애로 정하기' }));
    await waitFor(async () => expect((await incident())?.presetId).toBe(KAKAO_2022_10_ID));

    const item = (await screen.findByRole('heading', { level: 3, name: /카카오 T 대리/ })).closest('li')!;
    expect(within(item).getByText('내가 쓰던 서비스')).toBeTruthy();
    expect(item.textContent).toContain('2022년 10월 15일 (토) 15:30 – 2022년 10월 16일 (일) 21:30');
    // The note cites its publications with their dates, never an article id (issue 14: text that leaves the app uses plain words).
    expect(item.textContent).toContain('(디지털데일리 2022-10-16)');
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
    expect(edited.textContent).toContain('2022년 10월 15일 (토) 15:30 – 2022년 10월 16일 (일) 12:00');
    expect(edited.querySelector('.superseded')!.textContent).toBe('2022년 10월 15일 (토) 15:30 – 2022년 10월 16일 (일) 21:30');

    await user.click(within(edited).getByRole('button', { name: '카카오 T 대리: 공개 시간으로 되돌리기' }));
    await waitFor(async () => expect((await incident())!.services.find((s) => s.id === 'kakao-t-daeri')!.userWindow).toBeUndefined());
    expect((await claimant())!.servicesUsed).toEqual(['kakao-t-daeri']);
  });

  it('starts a claim for an outage that began an hour ago ("a new outage, now"), after confirming it replaces the current one', async () => {
    const user = userEvent.setup();
    await saveClaimDocument(db, claimId, { incident: incidentFromPreset(KAKAO_2022_10_ID)!, claimant: { kind: 'designated-driver', name: '김대리', mobile: '010-1234-5678', servicesUsed: ['kakao-t-daeri'] } as never }, { allowDraft: true });
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    await go('#/incident');
    // The page shows the chosen incident and does not ask again; changing it is one button.
    expect(await screen.findByRole('heading', { level: 2, name: /카카오 서비스 장애/ }, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('radio')).toBeNull();
    await user.click(screen.getByRole('button', { name: '다른 장애로 바꾸기' }));
    await user.click(await screen.findByRole('radio', { name: /새 장애, 지금 시작/ }));
    // Nothing typed: refused, naming the field, nothing stored.
    await user.click(screen.getByRole('button', { name: '이 장애로 정하기' }));
    expect(await screen.findByText(/멈춘 서비스 \(한 줄에 하나\)/, { selector: 'code' })).toBeTruthy();
    expect(await db.packs.count()).toBe(0);

    const now = Date.now();
    const hourAgo = nowRoundedKst(now - 3_600_000);
    fireEvent.change(screen.getByLabelText('시작 날짜'), { target: { value: hourAgo.slice(0, 10) } });
    fireEvent.change(screen.getByLabelText('시작 시각'), { target: { value: hourAgo.slice(11, 16) } });
    await user.type(screen.getByLabelText('멈춘 서비스 (한 줄에 하나)'), '대리 앱 콜 배정');
    await user.click(screen.getByRole('button', { name: '이 장애로 정하기' }));
    const dialog = await screen.findByRole('alertdialog', { name: '장애를 바꿀까요?' });
    await user.click(within(dialog).getByRole('button', { name: '바꾸기' }));

    await waitFor(async () => expect((await incident())?.name.ko).toBe('대리 앱 콜 배정 장애'));
    const own = (await incident())!;
    const stored = await db.packs.toArray();
    expect(stored.map((r) => [r.origin, r.pack.channels.map((c) => c.kind)])).toEqual([['own', ['damage365', 'dispute-mediation', 'generic']]]);
    expect(own.presetId).toBe(stored[0]!.id);
    expect(own.services).toHaveLength(1);
    expect(own.services[0]!.window.start).toBe(hourAgo);
    // Open end: counted up to the end of the current hour.
    expect(parseInstant(own.services[0]!.window.end)).toBe((hourContaining(Date.now()) + 1) * 3_600_000);
    expect((await claimant())!.servicesUsed).toEqual([]);
    expect(await screen.findByRole('heading', { level: 2, name: /대리 앱 콜 배정 장애/ })).toBeTruthy();
  });
});
