// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Blob as NodeBlob } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setBridgeForTests } from '../../src/bridge';
import { createMemoryBridge, type MemoryBridge } from '../../src/bridge/memory';
import { isEncryptedBackup, readBackup } from '../../src/core/backup';
import { addEvidence, createClaim, LATEST_VERSION, OutageDeskDB, putRecords, saveClaimBody, setSetting } from '../../src/db';
import { exportBackup } from '../../src/db/backup';
import { App } from '../../src/ui/App';
import { createI18n } from '../../src/ui/i18n';
import { fullDump } from '../db/backup-dump';

// jsdom's Blob has no arrayBuffer() and does not survive IndexedDB's structured clone; a browser's Blob
// does both, and so does Node's, which stands in for it here.
globalThis.Blob = NodeBlob as unknown as typeof Blob;

// The machine is shared with other test runs; PBKDF2 at 600,000 rounds takes a moment too.
configure({ asyncUtilTimeout: 20_000 });

let db: OutageDeskDB;
let bridge: MemoryBridge;
const open: OutageDeskDB[] = [];

async function newDb(label: string): Promise<OutageDeskDB> {
  const d = new OutageDeskDB(`ui-backup-${label}-${Math.random().toString(36).slice(2)}`);
  await d.open();
  open.push(d);
  return d;
}

/** Two claims as a user leaves them: a full claim file with 30 records and a scan, and a draft with 2 records. */
async function seed(target: OutageDeskDB): Promise<void> {
  const cafe = JSON.parse(readFileSync('assets/examples/cafe-daily.claim.json', 'utf8'));
  const a = await createClaim(target, { title: '연남 카페', kind: 'merchant' });
  await saveClaimBody(target, a.id, cafe);
  await putRecords(target, a.id, cafe.records.slice(0, 30));
  const b = await createClaim(target, { title: '제주 택시', kind: 'taxi' });
  await putRecords(target, b.id, [
    { bucket: '2022-10-15T20:00+09:00', channel: 'kakao-t', count: 0, revenue: 0, provenance: { kind: 'logged' } },
    { bucket: '2022-10-08T20:00+09:00', channel: 'kakao-t', count: 3, revenue: 54_000, provenance: { kind: 'logged' } },
  ]);
  await addEvidence(target, a.id, { name: '카드매출.csv', type: 'text/csv', bytes: new TextEncoder().encode('일자,매출\n2022-10-15,0\n') });
  await setSetting(target, 'currentClaimId', b.id);
}

beforeEach(async () => {
  window.location.hash = '#/settings';
  bridge = createMemoryBridge({ version: '1.0.0' });
  setBridgeForTests(bridge);
  db = await newDb('desk');
});
afterEach(() => {
  cleanup();
  open.splice(0).forEach((d) => d.close());
  setBridgeForTests(null);
});

function renderSettings(language: 'ko' | 'en' = 'ko') {
  render(<App opened={{ kind: 'ready', db }} i18n={createI18n(language)} />);
}

const NAME_RE = /^outage-desk-backup-\d{8}-\d{6}\.odbackup$/;

describe('back up now', () => {
  it('puts every claim, record and evidence file into one .odbackup file saved through the bridge', async () => {
    await seed(db);
    const user = userEvent.setup();
    renderSettings();
    await user.click(await screen.findByRole('button', { name: '지금 백업하기' }));
    await waitFor(() => expect(bridge.saved).toHaveLength(1));
    const file = bridge.saved[0]!;
    expect(file.name).toMatch(NAME_RE);
    expect(isEncryptedBackup(file.bytes)).toBe(false);
    const { summary } = await readBackup(file.bytes, { supportedDbVersion: LATEST_VERSION });
    expect(summary.claims.map((c) => [c.title, c.recordCount, c.evidenceCount]).sort()).toEqual([
      ['연남 카페', 30, 1],
      ['제주 택시', 2, 0],
    ]);
    expect(summary.appVersion).toBeTruthy();
    expect(await screen.findByText(`백업을 저장했어요: ${file.name}`)).toBeTruthy();
  });

  it('with a passphrase: asks twice, says plainly a lost one cannot be recovered, refuses short or different ones', async () => {
    await seed(db);
    const user = userEvent.setup();
    renderSettings();
    await user.click(await screen.findByRole('checkbox', { name: '비밀번호로 잠그기 (선택)' }));
    expect(screen.getByText(/비밀번호를 잊으면 누구도 백업을 열 수 없어요/)).toBeTruthy();

    await user.type(screen.getByLabelText('비밀번호'), 'short');
    await user.type(screen.getByLabelText('비밀번호 한 번 더'), 'short');
    await user.click(screen.getByRole('button', { name: '지금 백업하기' }));
    expect(await screen.findByText('비밀번호는 8자 이상이어야 해요.')).toBeTruthy();

    await user.clear(screen.getByLabelText('비밀번호'));
    await user.clear(screen.getByLabelText('비밀번호 한 번 더'));
    await user.type(screen.getByLabelText('비밀번호'), '정전날 장부 2022');
    await user.type(screen.getByLabelText('비밀번호 한 번 더'), '정전날 장부 2023');
    await user.click(screen.getByRole('button', { name: '지금 백업하기' }));
    expect(await screen.findByText('두 비밀번호가 달라요. 같게 입력해 주세요.')).toBeTruthy();
    expect(bridge.saved).toHaveLength(0);

    await user.clear(screen.getByLabelText('비밀번호 한 번 더'));
    await user.type(screen.getByLabelText('비밀번호 한 번 더'), '정전날 장부 2022');
    await user.click(screen.getByRole('button', { name: '지금 백업하기' }));
    await waitFor(() => expect(bridge.saved).toHaveLength(1), { timeout: 30_000 });
    const bytes = bridge.saved[0]!.bytes;
    expect(isEncryptedBackup(bytes)).toBe(true);
    await expect(readBackup(bytes, { supportedDbVersion: LATEST_VERSION })).rejects.toMatchObject({ code: 'passphrase-required' });
    const { summary } = await readBackup(bytes, { supportedDbVersion: LATEST_VERSION, passphrase: '정전날 장부 2022' });
    expect(summary.recordCount).toBe(32);
  }, 60_000);
});

describe('restore from a backup', () => {
  it('checks the file, shows what it holds, takes a safety backup of the current data, then replaces everything', async () => {
    const source = await newDb('source');
    await seed(source);
    const backup = await exportBackup(source);
    // The desk holds something else now: one claim that the restore will replace.
    const other = await createClaim(db, { title: '지금 있는 신고서', kind: 'merchant' });
    await putRecords(db, other.id, [{ bucket: '2022-10-16', channel: 'walk-in', count: 5, revenue: 50_000, provenance: { kind: 'logged' } }]);
    const before = await fullDump(db.name);

    const user = userEvent.setup();
    renderSettings();
    bridge.queueOpenFiles([{ name: '가게 백업.odbackup', bytes: backup }]);
    await user.click(await screen.findByRole('button', { name: '백업 파일 고르기' }));

    const preview = await screen.findByRole('heading', { name: '이 백업에 들어 있는 것' });
    const card = preview.closest('.backup-preview') as HTMLElement;
    expect(within(card).getByText('가게 백업.odbackup')).toBeTruthy();
    expect(within(card).getByTestId('backup-totals').textContent).toBe('신고서 2개 · 기록 32건 · 증빙 파일 1개, 27바이트');
    const rows = within(card).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows.sort()).toEqual(['연남 카페301', '제주 택시작성 중20']);
    // Nothing has changed yet.
    expect(await fullDump(db.name)).toEqual(before);

    await user.click(screen.getByRole('button', { name: '이 백업으로 바꾸기' }));
    const dialog = await screen.findByRole('alertdialog', { name: '지금 데이터를 이 백업으로 바꿀까요?' });
    expect(dialog.textContent).toMatch(/모두 지워지고 이 백업의 내용으로 바뀌어요/);
    expect(dialog.textContent).toMatch(/지금 데이터를 자동 백업에 먼저 저장/);
    await user.click(within(dialog).getByRole('button', { name: '바꾸기' }));

    expect(await screen.findByText(/^복원했어요: 신고서 2개, 기록 32건, 증빙 1개/)).toBeTruthy();
    expect(await fullDump(db.name)).toEqual(await fullDump(source.name));
    // The safety copy holds exactly the data from before, and is listed for restoring.
    const safety = [...bridge.autoBackups.values()].filter((b) => b.reason === 'before-restore');
    expect(safety).toHaveLength(1);
    const check = await newDb('safety');
    const { restoreBackup } = await import('../../src/db/backup');
    await restoreBackup(check, safety[0]!.bytes, { mode: 'replace-all' });
    expect((await fullDump(check.name)).tables).toEqual(before.tables);
    const autoList = await screen.findByRole('group', { name: '자동 백업' });
    await waitFor(() => expect(within(autoList).getAllByRole('button', { name: /^이 백업으로 복원/ })).toHaveLength(1));
  }, 60_000);

  it('an encrypted backup: a wrong passphrase says so and changes nothing; the right one shows the preview', async () => {
    const source = await newDb('source');
    await seed(source);
    const backup = await exportBackup(source, { passphrase: 'correct horse battery' });
    await seed(db);
    const before = await fullDump(db.name);
    const user = userEvent.setup();
    renderSettings();
    bridge.queueOpenFiles([{ name: 'locked.odbackup', bytes: backup }]);
    await user.click(await screen.findByRole('button', { name: '백업 파일 고르기' }));
    expect(await screen.findByText('비밀번호로 잠긴 백업이에요: locked.odbackup')).toBeTruthy();
    await user.type(screen.getByLabelText('백업 비밀번호'), 'wrong horse battery');
    await user.click(screen.getByRole('button', { name: '열기' }));
    expect(await screen.findByText('비밀번호가 맞지 않거나 파일이 손상됐어요. 아무것도 바뀌지 않았어요.', {}, { timeout: 30_000 })).toBeTruthy();
    expect(await fullDump(db.name)).toEqual(before);
    expect(bridge.autoBackups.size).toBe(0);

    await user.clear(screen.getByLabelText('백업 비밀번호'));
    await user.type(screen.getByLabelText('백업 비밀번호'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: '열기' }));
    expect(await screen.findByRole('heading', { name: '이 백업에 들어 있는 것' }, { timeout: 30_000 })).toBeTruthy();
    expect(screen.getByText('비밀번호로 잠김')).toBeTruthy();
  }, 60_000);

  it('a damaged file says it is damaged, names where, and changes nothing', async () => {
    const source = await newDb('source');
    await seed(source);
    const backup = await exportBackup(source);
    // Flip one byte inside the stored evidence entry: the zip still opens, its SHA-256 no longer matches.
    const damaged = backup.slice();
    const at = Buffer.from(damaged).indexOf(Buffer.from('일자,매출'));
    expect(at).toBeGreaterThan(0);
    damaged[at + 1] ^= 0xff;
    await seed(db);
    const before = await fullDump(db.name);
    const user = userEvent.setup();
    renderSettings();
    bridge.queueOpenFiles([{ name: 'damaged.odbackup', bytes: damaged }]);
    await user.click(await screen.findByRole('button', { name: '백업 파일 고르기' }));
    const alert = await screen.findByText('백업 파일이 손상됐어요. 아무것도 바뀌지 않았어요.');
    expect(alert.closest('[role="alert"]')!.textContent).toMatch(/자세히: .*evidence\//);
    // The Korean reader's detail is Korean only (the checker's English half is not shown).
    expect(alert.closest('[role="alert"]')!.textContent).not.toMatch(/SHA-256 mismatch|[a-z]+ is missing|the file is damaged/);
    expect(screen.queryByRole('button', { name: '이 백업으로 바꾸기' })).toBeNull();
    expect(await fullDump(db.name)).toEqual(before);
    expect(bridge.autoBackups.size).toBe(0);
  });

  it('an English reader gets the detail of a damaged file in English only', async () => {
    const source = await newDb('source');
    await seed(source);
    const damaged = (await exportBackup(source)).slice();
    const at = Buffer.from(damaged).indexOf(Buffer.from('일자,매출'));
    expect(at).toBeGreaterThan(0);
    damaged[at + 1] ^= 0xff;
    const user = userEvent.setup();
    renderSettings('en');
    bridge.queueOpenFiles([{ name: 'damaged.odbackup', bytes: damaged }]);
    await user.click(await screen.findByRole('button', { name: 'Choose a backup file' }));
    const alert = await screen.findByText('The backup file is damaged. Nothing changed.');
    const shown = alert.closest('[role="alert"]')!.textContent!;
    expect(shown).toMatch(/Details: .*evidence\/.*the file is damaged/);
    expect(shown).not.toMatch(/[\uac00-\ud7a3]/);
  });

  it('a cut-off file and a file that is not a backup are refused in plain words', async () => {
    const source = await newDb('source');
    await seed(source);
    const backup = await exportBackup(source);
    const before = await fullDump(db.name);
    const user = userEvent.setup();
    renderSettings();
    bridge.queueOpenFiles([{ name: 'cut.odbackup', bytes: backup.slice(0, Math.floor(backup.length / 2)) }]);
    await user.click(await screen.findByRole('button', { name: '백업 파일 고르기' }));
    expect(await screen.findByText('백업 파일이 손상됐어요. 아무것도 바뀌지 않았어요.')).toBeTruthy();
    bridge.queueOpenFiles([{ name: 'photo.odbackup', bytes: new TextEncoder().encode('just some text, not a zip') }]);
    await user.click(screen.getByRole('button', { name: '백업 파일 고르기' }));
    expect(await screen.findByText('장애 손실 계산기 백업 파일이 아니에요. 아무것도 바뀌지 않았어요.')).toBeTruthy();
    expect(await fullDump(db.name)).toEqual(before);
  });
});

describe('automatic backups in the desktop shell', () => {
  it('lists them newest first and restores from one through the same preview', async () => {
    bridge = createMemoryBridge({ version: '1.0.0', isElectron: true }, { now: () => new Date('2022-10-20T01:00:00Z') });
    setBridgeForTests(bridge);
    const source = await newDb('source');
    await seed(source);
    await bridge.writeAutoBackup({ bytes: await exportBackup(source), reason: 'daily' });
    const user = userEvent.setup();
    renderSettings();
    const group = await screen.findByRole('group', { name: '자동 백업' });
    expect(within(group).getByText(/앱을 닫을 때, 하루에 한 번, 데이터베이스를 새 버전으로 올리기 전/)).toBeTruthy();
    const button = await within(group).findByRole('button', { name: /^이 백업으로 복원/ });
    expect(within(group).getByRole('button', { name: '폴더 열기' })).toBeTruthy();
    await user.click(button);
    const preview = await screen.findByRole('heading', { name: '이 백업에 들어 있는 것' });
    expect(within(preview.closest('.backup-preview') as HTMLElement).getByText('outage-desk-backup-20221020-100000.odbackup')).toBeTruthy();
  });
});

describe('English', () => {
  it('shows the same screen in English, warning included', async () => {
    const user = userEvent.setup();
    renderSettings('en');
    expect(await screen.findByRole('heading', { name: 'Backup and restore' })).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Lock with a passphrase (optional)' }));
    expect(screen.getByText(/If you forget the passphrase, nobody can open the backup/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Back up now' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Choose a backup file' })).toBeTruthy();
  });
});
