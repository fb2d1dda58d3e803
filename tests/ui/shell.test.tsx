// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DBCore } from 'dexie';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryBridge } from '../../src/bridge/memory';
import { setBridgeForTests } from '../../src/bridge';
import { createClaim, getSetting, listClaims, OutageDeskDB, setSetting } from '../../src/db';
import { App } from '../../src/ui/App';
import { createI18n } from '../../src/ui/i18n';

// A hang guard, not a speed limit: with both cores busy (load 7-9 on 2 cores) a lazily loaded page and its
// live queries took more than 8 s to settle; every wait is still on what the screen shows.
configure({ asyncUtilTimeout: 30_000 });

let db: OutageDeskDB;
let n = 0;

async function freshDb(failWrites = false): Promise<OutageDeskDB> {
  n += 1;
  const d = new OutageDeskDB(`ui-shell-${n}-${Math.random().toString(36).slice(2)}`);
  if (failWrites) {
    d.use({
      stack: 'dbcore',
      name: 'full-disk',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (name) => ({ ...down.table(name), mutate: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) }),
      }),
    });
  }
  await d.open();
  return d;
}

function renderApp(database: OutageDeskDB = db, language: 'ko' | 'en' = 'ko') {
  return render(<App opened={{ kind: 'ready', db: database }} i18n={createI18n(language)} />);
}

async function go(hash: string) {
  await act(async () => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

// The shell loads its pages lazily; under load the first transform of a page's module graph can take
// longer than any wait for a heading. Load them once here so each test waits only on what it renders.
beforeAll(async () => {
  await Promise.all([import('../../src/ui/pages/RecordsPage'), import('../../src/ui/pages/BaselinePage'), import('../../src/ui/pages/SettingsPage')]);
}, 300_000);

beforeEach(async () => {
  window.location.hash = '';
  setBridgeForTests(createMemoryBridge({ version: '9.9.9' }));
  db = await freshDb();
});
afterEach(() => {
  cleanup();
  db.close();
  setBridgeForTests(null);
});

describe('the shell', () => {
  it('lists the ten areas in order, in Korean, and marks the current one', async () => {
    renderApp();
    const nav = screen.getByRole('navigation', { name: '신고서 준비 단계' });
    const labels = within(nav).getAllByRole('link').map((a) => a.querySelector('.nav-label')?.textContent);
    expect(labels).toEqual(['신고인', '장애', '기록', '기준선', '추정', '증빙', '내보내기', '신청 현황', '협회 일괄', '설정']);
    expect(within(nav).getByRole('link', { name: /신고인/ }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByRole('heading', { name: '아직 신고서가 없어요' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '본문으로 건너뛰기' })).toBeTruthy();
  });

  it('navigates by hash: a page that needs a claim says to create one first, with the button to do it', async () => {
    renderApp();
    await go('#/records');
    expect(await screen.findByRole('heading', { level: 1, name: '기록' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: '먼저 신고서를 만들어 주세요' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '신고서 만들기' }).getAttribute('href')).toBe('#/claimant');
    expect(within(screen.getByRole('navigation')).getByRole('link', { name: /기록/ }).getAttribute('aria-current')).toBe('page');
    await waitFor(() => expect(document.title).toBe('기록 · 장애 손실 계산기'));

    await go('#/nowhere');
    expect(await screen.findByRole('heading', { level: 1, name: '없는 화면이에요' })).toBeTruthy();
  });

  it('creates a claim from the form, shows it, and the next pages say what to do first', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(await screen.findByRole('button', { name: '신고서 만들기' }));
    expect(await screen.findByText('신고서 이름을 적어 주세요.')).toBeTruthy();
    expect(await listClaims(db)).toEqual([]);

    await user.type(screen.getByLabelText('새 신고서 이름'), '판교 치킨');
    await user.click(screen.getByRole('button', { name: '신고서 만들기' }));
    expect(await screen.findByRole('heading', { level: 3, name: /판교 치킨/ })).toBeTruthy();
    expect(await screen.findByText('「판교 치킨」 신고서를 만들었어요.')).toBeTruthy();
    const [stored] = await listClaims(db);
    expect(stored!.title).toBe('판교 치킨');
    expect(await getSetting(db, 'currentClaimId')).toBe(stored!.id);

    await go('#/records');
    expect(await screen.findByRole('heading', { name: '아직 기록이 없어요' })).toBeTruthy();
    // A claim named but not set up is a draft: the baseline page lists what to fill in first.
    await go('#/baseline');
    expect(await screen.findByRole('heading', { name: '신고서에 아직 채울 항목이 있어요' })).toBeTruthy();
  });

  it('switches the visible language to English and keeps the choice in settings', async () => {
    const user = userEvent.setup();
    renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: '신고인과 신고서' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Claimant and claims' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Claim steps' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(async () => expect(await getSetting(db, 'language')).toBe('en'));
    expect(document.documentElement.lang).toBe('en');

    await user.click(screen.getByRole('button', { name: '한국어' }));
    expect(await screen.findByRole('heading', { level: 1, name: '신고인과 신고서' })).toBeTruthy();
  });

  it('asks before deleting; Esc keeps the claim, confirming deletes it', async () => {
    const user = userEvent.setup();
    const claim = await createClaim(db, { title: '제주 택시' });
    await setSetting(db, 'currentClaimId', claim.id);
    renderApp();
    await user.click(await screen.findByRole('button', { name: '삭제: 제주 택시' }));
    expect(screen.getByRole('alertdialog', { name: '신고서를 삭제할까요?' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((await listClaims(db)).map((c) => c.title)).toEqual(['제주 택시']);

    await user.click(screen.getByRole('button', { name: '삭제: 제주 택시' }));
    await user.click(screen.getByRole('button', { name: '삭제하기' }));
    expect(await screen.findByText('「제주 택시」 신고서를 삭제했어요.')).toBeTruthy();
    expect(await listClaims(db)).toEqual([]);
    await waitFor(async () => expect(await getSetting(db, 'currentClaimId')).toBeNull());
  });

  it('renames in place; Esc in the field cancels', async () => {
    const user = userEvent.setup();
    await createClaim(db, { title: '대리 기사' });
    renderApp();
    await user.click(await screen.findByRole('button', { name: '이름 바꾸기: 대리 기사' }));
    const input = screen.getByLabelText('「대리 기사」의 새 이름');
    await user.clear(input);
    await user.type(input, '대리 기사 10월{Escape}');
    expect(screen.queryByLabelText('「대리 기사」의 새 이름')).toBeNull();
    expect((await listClaims(db))[0]!.title).toBe('대리 기사');

    await user.click(screen.getByRole('button', { name: '이름 바꾸기: 대리 기사' }));
    const again = screen.getByLabelText('「대리 기사」의 새 이름');
    await user.clear(again);
    await user.type(again, '대리 기사 10월{Enter}');
    expect(await screen.findByRole('heading', { level: 3, name: /대리 기사 10월/ })).toBeTruthy();
    expect((await listClaims(db))[0]!.title).toBe('대리 기사 10월');
  });

  it('tells the user in plain words when the disk is full, and stores nothing', async () => {
    const user = userEvent.setup();
    const full = await freshDb(true);
    renderApp(full);
    await user.type(await screen.findByLabelText('새 신고서 이름'), '저장 안 될 신고서');
    await user.click(screen.getByRole('button', { name: '신고서 만들기' }));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('저장 공간이 부족해요'));
    expect(await full.claims.count()).toBe(0);
    full.close();
  });

  it('shows app information from the bridge and the storage status in settings', async () => {
    renderApp();
    await go('#/settings');
    expect(await screen.findByRole('heading', { level: 1, name: '설정' })).toBeTruthy();
    expect((await screen.findByTestId('app-version')).textContent).toContain('9.9.9');
    await waitFor(() => expect(screen.getByTestId('persistence').textContent).toBe('이 환경에서는 확인할 수 없어요.'));
  });
});

describe('blocking screens', () => {
  it('a newer database shows "update required" with its claims and nothing that writes', () => {
    render(
      <App
        opened={{ kind: 'newer', foundVersion: 7, supportedVersion: 2, snapshot: { claims: [{ id: 'a', title: '미래 신고서', updatedAt: '2030-01-01T09:00:00.000+09:00' }] } }}
        i18n={createI18n('ko')}
      />,
    );
    expect(screen.getByRole('heading', { level: 1, name: '업데이트가 필요해요' })).toBeTruthy();
    expect(screen.getByText(/데이터 버전 7, 이 앱은 2까지 읽어요/)).toBeTruthy();
    expect(screen.getByText('미래 신고서')).toBeTruthy();
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});
