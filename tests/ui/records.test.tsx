// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryBridge } from '../../src/bridge/memory';
import { setBridgeForTests } from '../../src/bridge';
import { addClaim, createClaim, listEvidence, putRecords, saveClaimDocument, setSetting } from '../../src/db';
import type { OutageDeskDB, RecordRow } from '../../src/db';
import { DeskProvider } from '../../src/ui/desk';
import { createI18n } from '../../src/ui/i18n';
import { NoticeProvider } from '../../src/ui/notices';
import RecordsPage from '../../src/ui/pages/RecordsPage';
import { entrySetupOf } from '../../src/ui/records/model';
import { QuickLog } from '../../src/ui/records/QuickLog';
import { checkQuickLog, journalCsv, readJournal } from '../../src/db/quick-log';
import { example, freshDb, renderPage } from './evidence-helpers';

let db: OutageDeskDB;

/** The driver example (hourly; channels kakao-t and other-app; window 15-16 Oct 2022) without its records. */
async function openDriverClaim(): Promise<string> {
  const claim = example('driver-2022.claim.json');
  const { id } = await addClaim(db, { ...claim, records: [], evidence: [] });
  await setSetting(db, 'currentClaimId', id);
  return id;
}

async function stored(claimId: string, channel: string, bucket: string): Promise<RecordRow | undefined> {
  return db.records.where('[claimId+channel+bucket]').equals([claimId, channel, bucket]).first();
}

async function openGrid() {
  window.location.hash = '#/records';
  renderPage(RecordsPage, db);
  const grid = await screen.findByRole('grid', { name: /카카오 T 대리 건수/ });
  act(() => grid.focus());
  return grid;
}

/** The grid's own error list (the notice region has an alert role too). */
async function gridErrors(): Promise<HTMLElement> {
  return waitFor(() => {
    const el = document.querySelector<HTMLElement>('.grid-errors');
    if (!el) throw new Error('no grid errors shown');
    return el;
  });
}

async function expectGridError(text: string) {
  await waitFor(async () => expect((await gridErrors()).textContent).toContain(text));
}

const status = () => document.querySelector('.grid-status')!.textContent;

beforeEach(async () => {
  setBridgeForTests(createMemoryBridge());
  db = await freshDb('records');
});
afterEach(() => {
  cleanup();
  db.close();
  setBridgeForTests(null);
  window.location.hash = '';
});

describe('the records page without channels', () => {
  it('says the claim has no sales channels yet and links to the claimant setup', async () => {
    const row = await createClaim(db, { title: '판교 치킨' });
    await setSetting(db, 'currentClaimId', row.id);
    renderPage(RecordsPage, db);
    expect(await screen.findByRole('heading', { name: '판매 채널을 먼저 정해 주세요' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '신고인 정보에서 채널 정하기' }).getAttribute('href')).toBe('#/claimant');
    expect(screen.queryByRole('grid')).toBeNull();
    // The existing summary still says there is nothing yet.
    expect(await screen.findByRole('heading', { name: '아직 기록이 없어요' })).toBeTruthy();
  });

  it('a driver’s records summary counts calls and 수입', async () => {
    const claim = example('driver-2022.claim.json');
    const { id } = await addClaim(db, { ...claim, evidence: [] });
    await setSetting(db, 'currentClaimId', id);
    renderPage(RecordsPage, db);
    const table = (await screen.findByRole('heading', { name: '채널별 기록' })).nextElementSibling as HTMLElement;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['채널', '구간 수', '콜', '수입']);
  });

  it('a driver who has not set channels yet is asked for call channels, in a driver’s words', async () => {
    const row = await createClaim(db, { title: '대리 10월' });
    await saveClaimDocument(db, row.id, { claimant: { kind: 'designated-driver', name: '김대리', mobile: '010-1234-5678' } as never }, { allowDraft: true });
    await setSetting(db, 'currentClaimId', row.id);
    renderPage(RecordsPage, db);
    expect(await screen.findByRole('heading', { name: '콜 채널을 먼저 정해 주세요' })).toBeTruthy();
    expect(screen.getByText(/아직 콜 채널\(카카오 T, 전화 콜, 다른 호출 앱처럼 콜이 들어오는 곳\)이 없어요/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).closest('header')!.textContent).toContain('시간대별 콜 수와 수입을 채널별로 모아요.');
  });

  it('opens a claim file as a new current claim (until the setup offers it)', async () => {
    const user = userEvent.setup();
    const bridge = createMemoryBridge();
    setBridgeForTests(bridge);
    const row = await createClaim(db, { title: '빈 신고서' });
    await setSetting(db, 'currentClaimId', row.id);
    renderPage(RecordsPage, db);
    bridge.queueOpenFiles([{ name: 'bad.claim.json', bytes: new TextEncoder().encode('{"format":"nope"}') }]);
    await user.click(await screen.findByRole('button', { name: '신고서 파일 열기 (.claim.json)' }));
    expect(await screen.findByText(/bad\.claim\.json: format: 청구 파일이 아니에요/)).toBeTruthy();

    const { readFileSync } = await import('node:fs');
    bridge.queueOpenFiles([{ name: 'driver.claim.json', bytes: readFileSync('assets/examples/driver-2022.claim.json') }]);
    await user.click(screen.getByRole('button', { name: '신고서 파일 열기 (.claim.json)' }));
    // The example's channels make the grid appear.
    expect(await screen.findByRole('tab', { name: /카카오 T 대리/ })).toBeTruthy();
    expect(await db.claims.count()).toBe(2);
  });
});

describe('the records page while a file is read in', () => {
  it('leaves out the "add evidence first" hint under the import wizard and the screenshot reader, and brings it back on the grid', async () => {
    const user = userEvent.setup();
    await openDriverClaim();
    window.location.hash = '#/records';
    renderPage(RecordsPage, db);
    expect(await screen.findByRole('heading', { name: '아직 기록이 없어요' })).toBeTruthy();
    await user.click(screen.getByRole('link', { name: '파일 가져오기' }));
    await waitFor(() => expect(screen.getByRole('link', { name: '파일 가져오기' }).getAttribute('aria-current')).toBe('page'));
    expect(screen.queryByRole('heading', { name: '아직 기록이 없어요' })).toBeNull();
    await user.click(screen.getByRole('link', { name: '캡처 읽기' }));
    await waitFor(() => expect(screen.getByRole('link', { name: '캡처 읽기' }).getAttribute('aria-current')).toBe('page'));
    expect(screen.queryByRole('heading', { name: '아직 기록이 없어요' })).toBeNull();
    await user.click(screen.getByRole('link', { name: '표로 입력' }));
    expect(await screen.findByRole('heading', { name: '아직 기록이 없어요' })).toBeTruthy();
  });
});

describe('the entry grid', () => {
  it('shows dates with weekdays, the outage hours tinted, and moves with the arrows, Enter, Home/End; Tab leaves', async () => {
    await openDriverClaim();
    const user = userEvent.setup();
    const grid = await openGrid();
    // Default range: the 12 weeks before the window (15 Oct 2022) up to its last day.
    expect(screen.getByLabelText('시작')).toHaveProperty('value', '2022. 7. 23.');
    expect(screen.getByLabelText('끝')).toHaveProperty('value', '2022. 10. 16.');
    const firstRow = within(grid).getAllByRole('rowheader')[0]!;
    expect(firstRow.textContent).toBe('7.23토');
    expect(status()).toContain('2022-07-23 00:00');

    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}');
    expect(status()).toContain('2022-07-24 02:00');
    await user.keyboard('{Enter}{ArrowRight}');
    expect(status()).toContain('2022-07-25 03:00');
    await user.keyboard('{End}');
    expect(status()).toContain('2022-07-25 23:00');
    // The grid is one Tab stop (WCAG 2.1.2): Tab leaves it and Shift+Tab comes back to the same cell.
    await user.keyboard('{Tab}');
    expect(document.activeElement).not.toBe(grid);
    expect(grid.contains(document.activeElement)).toBe(false);
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(grid);
    expect(status()).toContain('2022-07-25 23:00');
    // Editing, Tab commits the cell and still leaves.
    await user.keyboard('7{Tab}');
    expect(grid.contains(document.activeElement)).toBe(false);
    expect(screen.queryByRole('textbox', { name: '칸 값' })).toBeNull();
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(grid);
    await user.keyboard('{Control>}{End}{/Control}');
    expect(status()).toContain('2022-10-16 23:00');
    await user.keyboard('{Control>}{Home}{/Control}');
    expect(status()).toContain('2022-07-23 00:00');

    // A shorter range (every row rendered): the claim window is tinted (the example driver's own window,
    // 15 Oct 20:00 - 16 Oct 02:00, the hours they work), and a holiday carries its name.
    fireEvent.change(screen.getByLabelText('시작'), { target: { value: '2022-10-08' } });
    await waitFor(() => expect(within(grid).getAllByRole('rowheader')).toHaveLength(9));
    expect(within(grid).getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      '10.8토', '10.9일한글날', '10.10월대체공휴일(한글날)', '10.11화', '10.12수', '10.13목', '10.14금', '10.15토', '10.16일',
    ]);
    const tinted = within(grid).getAllByRole('gridcell').filter((c) => c.className.includes('is-window')).length;
    expect(tinted).toBe(4 + 2);
    const rows = within(grid).getAllByRole('row');
    const oct15 = within(rows[8]!).getAllByRole('gridcell');
    expect(oct15[19]!.className).not.toContain('is-window');
    expect(oct15[20]!.className).toContain('is-window');
    // A reversed range is refused with a message and the grid keeps the last good one.
    fireEvent.change(screen.getByLabelText('끝'), { target: { value: '2022-10-01' } });
    expect(await screen.findByText('끝 날짜가 시작 날짜보다 앞이에요.')).toBeTruthy();
    expect(within(grid).getAllByRole('rowheader')).toHaveLength(9);
  });

  it('typing replaces and Enter moves down; F2 edits; Esc cancels; Delete clears; every value is stored as reconstructed', async () => {
    const id = await openDriverClaim();
    const user = userEvent.setup();
    await openGrid();
    await user.keyboard('12{Enter}');
    expect(status()).toContain('2022-07-24 00:00');
    await user.keyboard('3{ArrowRight}4{Enter}');
    await waitFor(async () => expect((await stored(id, 'kakao-t', '2022-07-24T01:00+09:00'))?.count).toBe(4));
    const first = await stored(id, 'kakao-t', '2022-07-23T00:00+09:00');
    expect(first).toMatchObject({ count: 12, provenance: { kind: 'reconstructed', note: '기록 화면에 나중에 입력했어요 (캡처·영수증·기억)' } });
    expect((await stored(id, 'kakao-t', '2022-07-24T00:00+09:00'))?.count).toBe(3);

    // F2 keeps the text and appends; Esc throws the edit away.
    await user.keyboard('{Control>}{Home}{/Control}{F2}5{Enter}');
    await waitFor(async () => expect((await stored(id, 'kakao-t', '2022-07-23T00:00+09:00'))?.count).toBe(125));
    await user.keyboard('{ArrowUp}9{Escape}');
    expect(screen.queryByRole('textbox', { name: '칸 값' })).toBeNull();
    expect((await stored(id, 'kakao-t', '2022-07-23T00:00+09:00'))?.count).toBe(125);

    // Delete clears the record of that hour.
    await user.keyboard('{Delete}');
    await waitFor(async () => expect(await stored(id, 'kakao-t', '2022-07-23T00:00+09:00')).toBeUndefined());
    expect((await stored(id, 'kakao-t', '2022-07-24T00:00+09:00'))?.count).toBe(3);
  });

  it('keys typed before focus reaches the cell input go into the edit, none lost (a loaded machine types faster than it renders)', async () => {
    const id = await openDriverClaim();
    const grid = await openGrid();
    // Both keystrokes land on the grid itself, as they do when the second arrives before the input has focus.
    fireEvent.keyDown(grid, { key: '7' });
    fireEvent.keyDown(grid, { key: '7' });
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: '칸 값' }).value).toBe('77');
    fireEvent.keyDown(grid, { key: 'Enter' });
    await waitFor(async () => expect((await stored(id, 'kakao-t', '2022-07-23T00:00+09:00'))?.count).toBe(77));
  });

  it('a mistyped cell shows its error with the date, hour and field, stores nothing and loses nothing', async () => {
    const id = await openDriverClaim();
    await putRecords(db, id, [{ bucket: '2022-07-23T01:00+09:00', channel: 'kakao-t', count: 2, revenue: 30000, provenance: { kind: 'logged' } }]);
    const user = userEvent.setup();
    const grid = await openGrid();
    await user.keyboard('12a{Enter}');
    await expectGridError('2022-07-23 (토) 00시 건수: 숫자가 아니에요');
    await expectGridError('(입력: 12a)');
    const bad = within(grid).getAllByRole('gridcell').find((c) => c.getAttribute('aria-invalid') === 'true')!;
    expect(bad.textContent).toBe('12a');
    expect(await stored(id, 'kakao-t', '2022-07-23T00:00+09:00')).toBeUndefined();

    // A negative count and a decimal are refused too; the neighbour's record is untouched.
    await user.keyboard('{ArrowUp}{ArrowRight}-1{Enter}');
    await expectGridError('2022-07-23 (토) 01시 건수: 0 이상이어야 해요.');
    expect(await stored(id, 'kakao-t', '2022-07-23T01:00+09:00')).toMatchObject({ count: 2, revenue: 30000 });

    // Clearing a count that still has earnings is refused rather than throwing them away (a driver's word: 수입).
    await user.keyboard('{ArrowUp}{Delete}');
    await expectGridError('이 칸에는 수입이 있어 건수만 지울 수 없어요. 수입을 먼저 지우거나 0을 적어 주세요.');
    expect(await stored(id, 'kakao-t', '2022-07-23T01:00+09:00')).toMatchObject({ count: 2, revenue: 30000 });

    // Typing a good value over the bad one stores it and clears the error.
    await user.keyboard('{ArrowLeft}7{Enter}');
    await waitFor(async () => expect((await stored(id, 'kakao-t', '2022-07-23T00:00+09:00'))?.count).toBe(7));

    // Sales need the count first; an amount over 10^12 won is refused.
    await user.click(screen.getByRole('button', { name: '수입(원)' }));
    const salesGrid = await screen.findByRole('grid', { name: /카카오 T 대리 수입/ });
    act(() => salesGrid.focus());
    await user.keyboard('{Control>}{Home}{/Control}{ArrowDown}{ArrowDown}15000{Enter}');
    await expectGridError('2022-07-25 (월) 00시 수입(원): 이 칸에는 건수가 없어요');
    await user.keyboard('{Control>}{Home}{/Control}1000000000001{Enter}');
    await expectGridError('너무 커요');
    await user.keyboard('{ArrowUp}84,000원{Enter}');
    await waitFor(async () => expect(await stored(id, 'kakao-t', '2022-07-23T00:00+09:00')).toMatchObject({ count: 7, revenue: 84000 }));
  });

  it('pastes a block from Excel (thousands separators, 원, blanks left alone) and copies a block back', async () => {
    const id = await openDriverClaim();
    const user = userEvent.setup();
    await openGrid();
    await user.click(screen.getByRole('button', { name: '수입(원)' }));
    const salesGrid = await screen.findByRole('grid', { name: /수입/ });
    await user.click(screen.getByRole('button', { name: '건수' }));
    const grid = await screen.findByRole('grid', { name: /건수/ });
    expect(salesGrid).toBeTruthy();
    act(() => grid.focus());
    await user.keyboard('{ArrowRight}{ArrowRight}');
    await user.paste('1\t2\t3\r\n4\t\t"1,000"\r\n');
    await waitFor(async () => expect((await stored(id, 'kakao-t', '2022-07-24T04:00+09:00'))?.count).toBe(1000));
    const rows = await db.records.where('claimId').equals(id).toArray();
    expect(rows.map((r) => [r.bucket.slice(0, 16), r.count]).sort()).toEqual([
      ['2022-07-23T02:00', 1],
      ['2022-07-23T03:00', 2],
      ['2022-07-23T04:00', 3],
      ['2022-07-24T02:00', 4],
      ['2022-07-24T04:00', 1000],
    ]);

    await user.click(screen.getByRole('button', { name: '수입(원)' }));
    act(() => screen.getByRole('grid').focus());
    await user.keyboard('{Control>}{Home}{/Control}{ArrowRight}{ArrowRight}');
    await user.paste('12,000원\t₩ 24,000\r\n');
    await waitFor(async () => expect((await stored(id, 'kakao-t', '2022-07-23T03:00+09:00'))?.revenue).toBe(24000));
    expect((await stored(id, 'kakao-t', '2022-07-23T02:00+09:00'))?.revenue).toBe(12000);

    // Copy: the selected block as tab-separated plain numbers.
    await user.click(screen.getByRole('button', { name: '건수' }));
    act(() => screen.getByRole('grid').focus());
    await user.keyboard('{Control>}{Home}{/Control}{ArrowRight}{ArrowRight}{Shift>}{ArrowDown}{ArrowRight}{ArrowRight}{/Shift}');
    await user.keyboard('{Control>}c{/Control}');
    expect(await navigator.clipboard.readText()).toBe('1\t2\t3\r\n4\t\t1000\r\n');
  });

  it('Ctrl+Z undoes the last edits, a paste as one step, and restores what was there', async () => {
    const id = await openDriverClaim();
    await putRecords(db, id, [{ bucket: '2022-07-23T00:00+09:00', channel: 'kakao-t', count: 5, provenance: { kind: 'logged', loggedAt: '2022-07-23T00:40+09:00' } }]);
    const user = userEvent.setup();
    await openGrid();
    await waitFor(() => expect(screen.getByRole('grid').textContent).toContain('5'));
    await user.keyboard('8{Enter}');
    await waitFor(async () => expect((await stored(id, 'kakao-t', '2022-07-23T00:00+09:00'))?.count).toBe(8));
    await user.paste('1\t1\r\n');
    await waitFor(async () => expect(await stored(id, 'kakao-t', '2022-07-24T01:00+09:00')).toBeTruthy());

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect(await stored(id, 'kakao-t', '2022-07-24T01:00+09:00')).toBeUndefined());
    expect(await stored(id, 'kakao-t', '2022-07-24T00:00+09:00')).toBeUndefined();
    expect((await stored(id, 'kakao-t', '2022-07-23T00:00+09:00'))?.count).toBe(8);

    await user.keyboard('{Control>}z{/Control}');
    // The first value comes back with its own provenance.
    await waitFor(async () =>
      expect(await stored(id, 'kakao-t', '2022-07-23T00:00+09:00')).toMatchObject({ count: 5, provenance: { kind: 'logged', loggedAt: '2022-07-23T00:40+09:00' } }),
    );
    expect(await screen.findByText('카카오 T 대리의 1칸을 되돌렸어요.')).toBeTruthy();
    expect((screen.getByRole('button', { name: '되돌리기 (Ctrl+Z)' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('provenance: "logged" when chosen, a retyped equal value keeps the imported provenance, channels are separate', async () => {
    const id = await openDriverClaim();
    const sha = 'a'.repeat(64);
    await putRecords(db, id, [{ bucket: '2022-07-23T00:00+09:00', channel: 'kakao-t', count: 4, provenance: { kind: 'imported', fileSha256: sha, row: 2 } }]);
    const user = userEvent.setup();
    await openGrid();
    await waitFor(() => expect(document.querySelector('.prov-imported')).toBeTruthy());
    await user.keyboard('4{Enter}');
    await user.click(screen.getByLabelText('그때 적어 둔 기록을 옮겨 적기'));
    act(() => screen.getByRole('grid').focus());
    await user.keyboard('6{Enter}');
    await waitFor(async () => expect((await stored(id, 'kakao-t', '2022-07-24T00:00+09:00'))?.count).toBe(6));
    expect((await stored(id, 'kakao-t', '2022-07-23T00:00+09:00'))?.provenance).toEqual({ kind: 'imported', fileSha256: sha, row: 2 });
    expect((await stored(id, 'kakao-t', '2022-07-24T00:00+09:00'))?.provenance).toEqual({ kind: 'logged' });

    await user.click(screen.getByRole('tab', { name: /다른 대리 앱/ }));
    const other = await screen.findByRole('grid', { name: /다른 대리 앱 건수/ });
    expect(within(other).getAllByRole('gridcell').filter((c) => c.textContent !== '')).toEqual([]);
    act(() => other.focus());
    await user.keyboard('{Control>}{Home}{/Control}2{Enter}');
    await waitFor(async () => expect((await stored(id, 'other-app', '2022-07-23T00:00+09:00'))?.count).toBe(2));
  });

  it('daily claims are weeks by weekday, Monday first, with days outside the range closed', async () => {
    const claim = example('cafe-daily.claim.json');
    const { id } = await addClaim(db, { ...claim, records: [], evidence: [] });
    await setSetting(db, 'currentClaimId', id);
    const user = userEvent.setup();
    window.location.hash = '#/records';
    renderPage(RecordsPage, db);
    const grid = await screen.findByRole('grid', { name: /건수/ });
    const heads = within(grid).getAllByRole('columnheader').map((h) => h.textContent);
    expect(heads).toEqual(['주 (월~일)', '월', '화', '수', '목', '금', '토', '일']);
    act(() => grid.focus());
    // The range starts on Sat 23 Jul 2022: Mon-Fri of that week are outside.
    expect(status()).toBe('');
    await user.keyboard('{End}');
    expect(status()).toContain('2022-07-24');
    await user.keyboard('{ArrowLeft}31{Enter}');
    await waitFor(async () => expect((await stored(id, 'card', '2022-07-23'))?.count).toBe(31));
  });
});

describe('the quick log', () => {
  it('writes its journal CSV with formula starts neutralised, whatever the user named a channel', () => {
    const taps = [{ id: 't1', at: '2022-10-15T20:34:10+09:00', channel: 'my-app', kind: 'taken' as const, fare: 12000, bucket: '2022-10-15T20:00+09:00' }];
    const text = new TextDecoder().decode(journalCsv(taps, ['시각', '채널'], () => '받음', () => '\u3000＝HYPERLINK("x")'));
    expect(text.split('\r\n')[1]).toBe(`2022-10-15T20:34:10+09:00,"'\u3000＝HYPERLINK(""x"")",my-app,받음,12000`);
  });

  // 2022-10-15 20:34:10 KST
  const now = () => Date.parse('2022-10-15T20:34:10+09:00');

  function renderQuickLog(claimId: string, body: unknown) {
    return render(
      <I18nextProvider i18n={createI18n('ko')}>
        <DeskProvider db={db} persistence="unsupported">
          <NoticeProvider>
            <QuickLog claimId={claimId} setup={entrySetupOf(body)} now={now} />
          </NoticeProvider>
        </DeskProvider>
      </I18nextProvider>,
    );
  }

  it('a tap logs a completed call (with its fare) into the current hour as logged; a missed call is only noted; undo takes back the last', async () => {
    const claim = example('driver-2022.claim.json');
    const { records: _r, evidence: _e, ...body } = claim;
    const { id } = await addClaim(db, { ...claim, records: [], evidence: [] });
    const user = userEvent.setup();
    renderQuickLog(id, body);
    expect(await screen.findByText('지금 누르면 2022-10-15 20시 칸에 들어가요.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /카카오 T 대리 완료 콜/ }));
    await user.type(screen.getByLabelText('운임 (선택)'), '15,000');
    await user.click(screen.getByRole('button', { name: /카카오 T 대리 완료 콜/ }));
    await waitFor(async () => expect((await stored(id, 'kakao-t', '2022-10-15T20:00+09:00'))?.count).toBe(2));
    // The first call had no fare: the hour's sales are unknown (the estimate then uses the average fare).
    expect(await stored(id, 'kakao-t', '2022-10-15T20:00+09:00')).toMatchObject({ count: 2, provenance: { kind: 'logged', loggedAt: '2022-10-15T20:34:10+09:00' } });
    expect((await stored(id, 'kakao-t', '2022-10-15T20:00+09:00'))?.revenue).toBeUndefined();

    await user.click(screen.getByRole('button', { name: /다른 대리 앱 놓친 콜/ }));
    await waitFor(async () => expect(await readJournal(db, id)).toHaveLength(3));
    expect(await stored(id, 'other-app', '2022-10-15T20:00+09:00')).toBeUndefined();
    const today = screen.getByRole('list', { name: '오늘(2022-10-15) 기록 3건' });
    expect(within(today).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '20:34다른 대리 앱놓친 콜',
      '20:34카카오 T 대리완료 콜15,000원',
      '20:34카카오 T 대리완료 콜',
    ]);

    await user.click(screen.getByRole('button', { name: '마지막 기록 취소' }));
    await waitFor(async () => expect(await readJournal(db, id)).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: '마지막 기록 취소' }));
    await waitFor(async () => expect((await stored(id, 'kakao-t', '2022-10-15T20:00+09:00'))?.count).toBe(1));
    await user.click(screen.getByRole('button', { name: '마지막 기록 취소' }));
    await waitFor(async () => expect(await stored(id, 'kakao-t', '2022-10-15T20:00+09:00')).toBeUndefined());
    expect(await screen.findByText('오늘은 아직 기록이 없어요.')).toBeTruthy();
  });

  it('back-dates only when turned on: the call goes in at the chosen earlier time, sealed and stored as reconstructed', async () => {
    const claim = example('driver-2022.claim.json');
    const { records: _r, evidence: _e, ...body } = claim;
    const { id } = await addClaim(db, { ...claim, records: [], evidence: [] });
    const user = userEvent.setup();
    renderQuickLog(id, body);
    const toggle = await screen.findByRole('checkbox', { name: '지난 시각으로 적기 (나중에 적는 콜)' });
    // Off by default: a tap is logged at the moment.
    expect((toggle as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByLabelText('콜을 받은 시각 (한국 시간)')).toBeNull();
    await user.click(screen.getByRole('button', { name: /카카오 T 대리 완료 콜/ }));
    await waitFor(async () => expect(await stored(id, 'kakao-t', '2022-10-15T20:00+09:00')).toMatchObject({ count: 1, provenance: { kind: 'logged' } }));

    await user.click(toggle);
    // No time chosen yet, then a time after now: refused, nothing logged.
    await user.click(screen.getByRole('button', { name: /카카오 T 대리 완료 콜/ }));
    expect(await screen.findByText('콜을 받은 시각을 골라 주세요.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('콜을 받은 시각 (한국 시간)'), { target: { value: '2022-10-15T21:00' } });
    await user.click(screen.getByRole('button', { name: /카카오 T 대리 완료 콜/ }));
    expect(await screen.findByText('지금보다 뒤의 시각은 적을 수 없어요.')).toBeTruthy();
    expect(await readJournal(db, id)).toHaveLength(1);

    fireEvent.change(screen.getByLabelText('콜을 받은 시각 (한국 시간)'), { target: { value: '2022-10-15T18:10' } });
    await user.click(screen.getByRole('button', { name: /카카오 T 대리 완료 콜/ }));
    await waitFor(async () => expect(await readJournal(db, id)).toHaveLength(2));
    const [, late] = await readJournal(db, id);
    expect(late).toMatchObject({ at: '2022-10-15T18:10+09:00', bucket: '2022-10-15T18:00+09:00', chain: { backdated: true } });
    expect(await stored(id, 'kakao-t', '2022-10-15T18:00+09:00')).toMatchObject({ count: 1, provenance: { kind: 'reconstructed' } });
    // The chain stays intact with the back-dated entry in it.
    expect(await checkQuickLog(db, id)).toMatchObject({ intact: true, entries: 2 });
  });

  it('with a fare on every call the sales add up; number keys work only while the shift is on; the log becomes an evidence CSV', async () => {
    const claim = example('driver-2022.claim.json');
    const { records: _r, evidence: _e, ...body } = claim;
    const { id } = await addClaim(db, { ...claim, records: [], evidence: [] });
    const user = userEvent.setup();
    renderQuickLog(id, body);
    const fare = await screen.findByLabelText('운임 (선택)');

    await user.keyboard('1');
    expect(await readJournal(db, id)).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: '운행 시작 (숫자 키 켜기)' }));
    await user.type(fare, '12000{Enter}');
    await waitFor(async () => expect((await stored(id, 'kakao-t', '2022-10-15T20:00+09:00'))?.revenue).toBe(12000));
    await user.type(fare, '8,000');
    await user.click(screen.getByRole('button', { name: /카카오 T 대리 완료 콜/ }));
    await waitFor(async () => expect(await stored(id, 'kakao-t', '2022-10-15T20:00+09:00')).toMatchObject({ count: 2, revenue: 20000 }));

    await user.click(document.body);
    await user.keyboard('2');
    await user.keyboard('{Shift>}!{/Shift}');
    await waitFor(async () => expect(await readJournal(db, id)).toHaveLength(4));
    expect((await stored(id, 'other-app', '2022-10-15T20:00+09:00'))?.count).toBe(1);
    expect((await readJournal(db, id)).map((e) => `${e.channel}:${e.kind}`)).toEqual(['kakao-t:taken', 'kakao-t:taken', 'other-app:taken', 'kakao-t:missed']);
    await user.keyboard('z');
    await waitFor(async () => expect(await readJournal(db, id)).toHaveLength(3));

    await user.type(fare, '12원5');
    await user.click(screen.getByRole('button', { name: /카카오 T 대리 완료 콜/ }));
    expect(await screen.findByText(/운임: 숫자가 아니에요/)).toBeTruthy();
    expect(await readJournal(db, id)).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: '빠른 기록 목록을 증빙 파일로 보관' }));
    await waitFor(async () => expect(await listEvidence(db, id)).toHaveLength(1));
    const [file] = await listEvidence(db, id);
    expect(file!.fileName).toBe('quick-log-2022-10-15.csv');
    // fake-indexeddb clones the Blob into a plain object here; the kept bytes are checked through the
    // journal CSV the button stored, byte for byte, by size and fingerprint.
    const expected =
      '\uFEFF시각,채널,채널 id,구분,운임(원)\r\n' +
        '2022-10-15T20:34:10+09:00,카카오 T 대리,kakao-t,완료 콜,12000\r\n' +
        '2022-10-15T20:34:10+09:00,카카오 T 대리,kakao-t,완료 콜,8000\r\n' +
        '2022-10-15T20:34:10+09:00,다른 대리 앱,other-app,완료 콜,\r\n';
    const expectedBytes = new TextEncoder().encode(expected);
    expect(file!.size).toBe(expectedBytes.length);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', expectedBytes));
    expect(file!.sha256).toBe(Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''));
    expect(file!.mimeType).toBe('text/csv');
  });
});
