// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryBridge } from '../../src/bridge/memory';
import type { MemoryBridge } from '../../src/bridge/memory';
import { setBridgeForTests } from '../../src/bridge';
import { iconvCp949Decoder } from '../../src/core/io/cp949-iconv';
import { fileSha256 } from '../../src/core/io';
import { documentKindOfLabel } from '../../src/core/packet/documents';
import { addClaim, listEvidence, setSetting } from '../../src/db';
import type { OutageDeskDB } from '../../src/db';
import { buildImport, openImportFile, SKIP_CHANNEL } from '../../src/ui/import/engine';
import { createInlineRunner, setImportRunnerForTests } from '../../src/ui/import/runner';
import type { ImportRunner } from '../../src/ui/import/runner';
import RecordsPage from '../../src/ui/pages/RecordsPage';
import { example, freshDb, renderPage } from './evidence-helpers';

let db: OutageDeskDB;
let bridge: MemoryBridge;

const sample = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(`assets/samples/${name}`)) });

async function openClaim(file: string, keepRecords = false): Promise<string> {
  const claim = example(file);
  const { id } = await addClaim(db, { ...claim, records: keepRecords ? claim.records : [], evidence: [] });
  await setSetting(db, 'currentClaimId', id);
  return id;
}

async function openWizard() {
  window.location.hash = '#/records/import';
  renderPage(RecordsPage, db);
  return screen.findByRole('heading', { name: '가져올 파일을 골라 주세요' });
}

async function chooseFile(user: ReturnType<typeof userEvent.setup>, file: { name: string; bytes: Uint8Array }) {
  bridge.queueOpenFiles([file]);
  await user.click(await screen.findByRole('button', { name: '파일 고르기' }));
}

const next = (name: RegExp | string) => screen.findByRole('button', { name });

beforeEach(async () => {
  bridge = createMemoryBridge();
  setBridgeForTests(bridge);
  // Node's TextDecoder('euc-kr') garbles 똠 햏 뷁; the app's worker uses Chromium's, which does not.
  setImportRunnerForTests(createInlineRunner(iconvCp949Decoder));
  db = await freshDb('import');
});
afterEach(() => {
  cleanup();
  db.close();
  setBridgeForTests(null);
  setImportRunnerForTests(null);
  window.location.hash = '';
});

describe('the import wizard', () => {
  it('imports the CP949 POS export into the restaurant claim: encoding, preview with 똠 햏 뷁, mapping, channels, store, then refuses the same file', async () => {
    const id = await openClaim('restaurant-hourly.claim.json');
    const user = userEvent.setup();
    await openWizard();
    await chooseFile(user, sample('pos-hourly-2022-restaurant.csv'));

    expect(await screen.findByRole('heading', { name: '어느 열이 무엇인지 확인해 주세요' })).toBeTruthy();
    expect(screen.getByText('CP949 (한국어 Excel·POS 형식)')).toBeTruthy();
    const preview = screen.getByRole('table', { name: /처음 8행 미리 보기/ });
    expect(within(preview).getAllByText('똠얌꿍하우스 햏복점').length).toBe(8);
    expect(within(preview).getByText('신메뉴 뷁볶음밥 출시')).toBeTruthy();
    // The guessed mapping, shown as selects over the headers.
    const mapping = screen.getByRole('group', { name: '열 맞추기' });
    const selected = (label: string) => (within(mapping).getByRole('combobox', { name: label }) as HTMLSelectElement).value;
    expect([selected('일자'), selected('시간'), selected('건수'), selected('매출액'), selected('채널'), selected('일시')]).toEqual(['일자', '시간', '건수', '매출액', '결제수단', '']);
    expect((screen.getByRole('radio', { name: /합계표/ }) as HTMLInputElement).checked).toBe(true);

    await user.click(await next('다음: 채널 맞추기'));
    expect(await screen.findByRole('heading', { name: '파일의 채널을 신고서 채널에 맞춰 주세요' })).toBeTruthy();
    const channelTable = screen.getByRole('table');
    expect(within(channelTable).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['카드', '카카오페이', '현금']);
    expect((screen.getByRole('combobox', { name: '「카카오페이」의 신고서 채널' }) as HTMLSelectElement).value).toBe('kakao-pay');

    await user.click(await next('다음: 문제 있는 행'));
    expect(await screen.findByText('읽지 못한 행이 없어요.')).toBeTruthy();
    expect(screen.getByText('기록 1446건을 만들었어요. 읽지 못한 행이 0개 있어요.')).toBeTruthy();
    await user.click(await next('다음: 겹침 확인'));
    expect(await screen.findByText('이미 있는 기록과 겹치지 않아요.')).toBeTruthy();
    await user.click(await next('기록 1446건 저장하기'));
    expect(await screen.findByRole('heading', { name: '가져왔어요' })).toBeTruthy();

    const rows = await db.records.where('claimId').equals(id).toArray();
    expect(rows).toHaveLength(1446);
    const sha = await fileSha256(sample('pos-hourly-2022-restaurant.csv').bytes);
    expect(rows.every((r) => r.provenance.kind === 'imported' && r.provenance.fileSha256 === sha)).toBe(true);
    const first = rows.find((r) => r.bucket === '2022-09-01T11:00+09:00' && r.channel === 'kakao-pay');
    expect(first).toMatchObject({ count: 2, revenue: 57000, provenance: { fileName: 'pos-hourly-2022-restaurant.csv', row: 2 } });
    const filesSection = (await screen.findByRole('heading', { name: '가져온 파일' })).closest('section')!;
    expect(within(filesSection).getByRole('rowheader', { name: 'pos-hourly-2022-restaurant.csv' })).toBeTruthy();
    expect(within(filesSection).getByText(`${sha.slice(0, 12)}…`).getAttribute('title')).toBe(sha);
    // The file itself is evidence: same hash as the records cite, a POS report (proof of the sales loss), made at the time.
    const evidence = await listEvidence(db, id);
    const kept = evidence.filter((e) => e.sha256 === sha);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ fileName: 'pos-hourly-2022-restaurant.csv', label: 'sales-loss-proof:pos-report', provenance: 'at-the-time' });
    expect(documentKindOfLabel(kept[0]!.label ?? '')).toBe('sales-loss-proof');

    // The same bytes again (under another name): refused before anything else, nothing stored.
    await user.click(screen.getByRole('button', { name: '다른 파일 가져오기' }));
    await chooseFile(user, { ...sample('pos-hourly-2022-restaurant.csv'), name: 'copy.csv' });
    expect(await screen.findByText(/이미 가져온 파일이에요 'pos-hourly-2022-restaurant\.csv'/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: '가져올 파일을 골라 주세요' })).toBeTruthy();
    expect(await db.records.where('claimId').equals(id).count()).toBe(1446);
  });

  it('a file bigger than one write chunk shows the save in progress, without a Cancel that could not cancel, then stores every row', async () => {
    const id = await openClaim('restaurant-hourly.claim.json');
    const user = userEvent.setup();
    // 2,100 hours x 3 channels = 6,300 rows: more than one WRITE_CHUNK (5,000), so the save takes two chunks.
    const lines = ['일자,시간,건수,매출액,결제수단'];
    for (let h = 0; h < 2_100; h++) {
      const d = new Date(Date.UTC(2022, 0, 1) + h * 3_600_000).toISOString();
      for (const channel of ['카드', '현금', '카카오페이']) lines.push(`${d.slice(0, 10)},${d.slice(11, 16)},2,"21,000",${channel}`);
    }
    await openWizard();
    await chooseFile(user, { name: 'pos-big.csv', bytes: new TextEncoder().encode(`\ufeff${lines.join('\r\n')}\r\n`) });
    await user.click(await next('다음: 채널 맞추기'));
    await user.click(await next('다음: 문제 있는 행'));
    await user.click(await next('다음: 겹침 확인'));
    const store = await next('기록 6300건 저장하기');
    await user.click(store);

    const saving = (await screen.findByText(/기록을 저장하는 중이에요/)).closest('[role="status"]') as HTMLElement;
    expect(within(saving).queryByRole('button', { name: '취소' })).toBeNull();
    expect(within(saving).getByText(/ \/ 6300건$/)).toBeTruthy();
    expect((store as HTMLButtonElement).disabled).toBe(true);
    expect(await screen.findByRole('heading', { name: '가져왔어요' })).toBeTruthy();
    expect(screen.queryByText(/기록을 저장하는 중이에요/)).toBeNull();
    expect(await db.records.where('claimId').equals(id).count()).toBe(6300);
  });

  it('broken rows: each error names its row and reason; a value fixed inline is re-checked, others are skipped explicitly; an unknown channel is mapped', async () => {
    const id = await openClaim('driver-2022.claim.json');
    const user = userEvent.setup();
    await openWizard();
    await chooseFile(user, sample('broken-rows.csv'));
    await user.click(await next('다음: 채널 맞추기'));
    await screen.findByRole('heading', { name: '파일의 채널을 신고서 채널에 맞춰 주세요' });
    // 전화 (phone) is not one of the driver's channels: it must be chosen before going on.
    const phone = screen.getByRole('combobox', { name: '「전화」의 신고서 채널' }) as HTMLSelectElement;
    expect(phone.value).toBe('');
    expect((screen.getByRole('button', { name: '다음: 문제 있는 행' }) as HTMLButtonElement).disabled).toBe(true);
    await user.selectOptions(phone, 'other-app');
    await user.click(await next('다음: 문제 있는 행'));

    // Wait for the problem rows themselves: right after the click the channel step's table may still be shown.
    // A Korean reader sees the Korean reason only.
    const table = (await screen.findByText('없는 월이에요')).closest('table')!;
    const rowNumbers = () => within(table).queryAllByRole('rowheader').map((h) => h.textContent);
    expect(rowNumbers()).toEqual(['4', '5', '6', '7', '8', '9']);
    expect(within(table).getByText('없는 월이에요')).toBeTruthy();
    expect(within(table).queryByText(/no such month/)).toBeNull();
    expect(within(table).getByText(/칸 수가 머리글과 달라요/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '다음: 겹침 확인' })).toHaveProperty('disabled', true);

    // Fix row 4's month and check again: the row becomes a record.
    const month = screen.getByRole('textbox', { name: '4행 일자 값 고치기' });
    await user.clear(month);
    await user.type(month, '2022-10-10');
    await user.click(within(month.closest('tr')!).getByRole('button', { name: '다시 확인' }));
    await waitFor(() => expect(rowNumbers()).toEqual(['5', '6', '7', '8', '9']));
    // A fix that is still wrong stays listed with its reason.
    const amount = screen.getByRole('textbox', { name: '6행 매출액 값 고치기' });
    await user.clear(amount);
    await user.type(amount, '1만5천{Enter}');
    await waitFor(() => expect(within(amount.closest('tr')!).getByText('금액이 숫자가 아니에요')).toBeTruthy());
    await user.clear(amount);
    await user.type(amount, '15,000{Enter}');
    await waitFor(() => expect(rowNumbers()).toEqual(['5', '7', '8', '9']));
    // Skipping row 9 (a duplicate of row 2) brings row 2 back.
    await user.click(screen.getByRole('button', { name: '9행 건너뛰기' }));
    await waitFor(() => expect(rowNumbers()).toEqual(['5', '7', '8']));
    await user.click(screen.getByRole('button', { name: '남은 3개 행 모두 건너뛰기' }));
    expect(await screen.findByText('읽지 못한 행이 없어요.')).toBeTruthy();
    expect(screen.getByText('건너뛴 행 4개 (누르면 되살려요):')).toBeTruthy();

    await user.click(await next('다음: 겹침 확인'));
    await user.click(await next('기록 5건 저장하기'));
    await screen.findByRole('heading', { name: '가져왔어요' });
    const rows = await db.records.where('claimId').equals(id).sortBy('bucket');
    expect(rows.map((r) => [r.bucket, r.channel, r.count, r.revenue, r.provenance.kind === 'imported' ? r.provenance.row : null])).toEqual([
      ['2022-10-08T20:00+09:00', 'kakao-t', 3, 45000, 2],
      ['2022-10-08T21:00+09:00', 'kakao-t', 2, 30000, 3],
      ['2022-10-08T23:00+09:00', 'kakao-t', 2, 15000, 6],
      ['2022-10-09T21:00+09:00', 'other-app', 2, 28000, 10],
      ['2022-10-10T20:00+09:00', 'kakao-t', 1, 15000, 4],
    ]);
    // Provenance names the user's file, not the corrected copy the importer read.
    const sha = await fileSha256(sample('broken-rows.csv').bytes);
    expect(rows.every((r) => r.provenance.kind === 'imported' && r.provenance.fileSha256 === sha && r.provenance.fileName === 'broken-rows.csv')).toBe(true);
  });

  it('trip history into a driver claim with records: overlaps counted, the user chooses to replace', async () => {
    const id = await openClaim('driver-2022.claim.json', true);
    const before = await db.records.where('claimId').equals(id).toArray();
    const user = userEvent.setup();
    await openWizard();
    await chooseFile(user, sample('kakao-t-trip-history-2022.csv'));
    expect(await screen.findByText('UTF-8 (BOM 있음)')).toBeTruthy();
    expect((screen.getByRole('radio', { name: /건별 내역/ }) as HTMLInputElement).checked).toBe(true);
    await user.click(await next('다음: 채널 맞추기'));
    await screen.findByRole('heading', { name: '파일의 채널을 신고서 채널에 맞춰 주세요' });
    expect((screen.getByRole('combobox', { name: '「티맵대리」의 신고서 채널' }) as HTMLSelectElement).value).toBe('other-app');
    await user.click(await next('다음: 문제 있는 행'));
    await user.click(await next('다음: 겹침 확인'));
    const legend = await screen.findByText(/개 구간이 이미 있는 기록과 겹쳐요/);
    const overlapCount = Number(/^(\d+)개/.exec(legend.textContent!)![1]);
    expect(overlapCount).toBeGreaterThan(0);
    const store = screen.getByRole('button', { name: '기록 172건 저장하기' }) as HTMLButtonElement;
    expect(store.disabled).toBe(true);
    await user.click(screen.getByRole('radio', { name: /파일로 바꾸기/ }));
    await user.click(store);
    expect(await screen.findByText(/있던 기록 \d+건을 파일의 기록으로 바꿨어요/)).toBeTruthy();
    const after = await db.records.where('claimId').equals(id).toArray();
    const imported = after.filter((r) => r.provenance.kind === 'imported');
    expect(imported).toHaveLength(172);
    // Records of other hours stay as they were.
    const importedKeys = new Set(imported.map((r) => `${r.channel}|${r.bucket}`));
    const untouched = before.filter((r) => !importedKeys.has(`${r.channel}|${r.bucket}`));
    expect(after.length).toBe(172 + untouched.length);
  });

  it('the card-sales XLSX into a daily claim: sheet, header under a title block, card shape, no channel column → card', async () => {
    const id = await openClaim('cafe-daily.claim.json');
    const user = userEvent.setup();
    await openWizard();
    await chooseFile(user, sample('card-sales-daily-2022.xlsx'));
    expect(await screen.findByText('Excel 통합 문서 (.xlsx)')).toBeTruthy();
    expect(screen.getByText('4행')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: '시트' }) as HTMLSelectElement).value).toBe('일별 승인내역');
    expect((screen.getByRole('radio', { name: /카드 매출 내역/ }) as HTMLInputElement).checked).toBe(true);
    expect(within(screen.getByRole('table', { name: /미리 보기/ })).getByText('2022-09-01')).toBeTruthy();
    await user.click(await next('다음: 채널 맞추기'));
    expect((await screen.findByRole('combobox', { name: '「(채널 없음)」의 신고서 채널' }) as HTMLSelectElement).value).toBe('card');
    await user.click(await next('다음: 문제 있는 행'));
    expect(await screen.findByText('합계 행 1개는 건너뛰었어요')).toBeTruthy();
    await user.click(await next('다음: 겹침 확인'));
    await user.click(await next('기록 61건 저장하기'));
    await screen.findByRole('heading', { name: '가져왔어요' });
    const first = await db.records.where('[claimId+channel+bucket]').equals([id, 'card', '2022-09-01']).first();
    // Approvals minus cancellations (34 - 2, 835,500 - 37,500).
    expect(first).toMatchObject({ count: 32, revenue: 798000 });
    // The card statement is kept as evidence of the sales loss, labelled as a card statement.
    const cardSha = await fileSha256(sample('card-sales-daily-2022.xlsx').bytes);
    expect((await listEvidence(db, id)).find((e) => e.sha256 === cardSha)).toMatchObject({ label: 'sales-loss-proof:card-statement', provenance: 'at-the-time' });
  });

  it('refuses daily totals for an hourly claim, with the reason', async () => {
    await openClaim('restaurant-hourly.claim.json');
    const user = userEvent.setup();
    await openWizard();
    await chooseFile(user, sample('card-sales-daily-2022.xlsx'));
    await user.click(await next('다음: 채널 맞추기'));
    expect(await screen.findByText(/이 신고서는 시간 단위인데, 이 파일은 하루 합계예요/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: '어느 열이 무엇인지 확인해 주세요' })).toBeTruthy();
  });

  it('shows progress while the file is read and can be cancelled; nothing is stored', async () => {
    const id = await openClaim('restaurant-hourly.claim.json');
    const inline = createInlineRunner(iconvCp949Decoder);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The real engine, held at its first step so the test can press Cancel while it runs.
    const held: ImportRunner = {
      open: async (request, onProgress) => {
        onProgress({ stage: 'hashing', done: 0, total: 2 });
        await gate;
        return inline.open(request, onProgress);
      },
      build: (request, onProgress) => inline.build(request, onProgress),
      cancel: () => inline.cancel(),
    };
    setImportRunnerForTests(held);
    const user = userEvent.setup();
    await openWizard();
    await chooseFile(user, sample('pos-hourly-2022-restaurant.csv'));
    const bar = await screen.findByRole('progressbar');
    expect(screen.getByText('파일 지문(SHA-256)을 만드는 중이에요…')).toBeTruthy();
    expect(bar.getAttribute('max')).toBe('2');
    await user.click(screen.getByRole('button', { name: '취소' }));
    expect(await screen.findByText('가져오기를 취소했어요. 아무것도 저장하지 않았어요.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    release();
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.getByRole('heading', { name: '가져올 파일을 골라 주세요' })).toBeTruthy();
    expect(await db.records.where('claimId').equals(id).count()).toBe(0);
  });
});

describe('the import engine (what the worker runs)', () => {
  it('rebuilds an XLSX with a fix without shifting dates by nine hours, and leaves out a skipped channel', async () => {
    const file = sample('card-sales-daily-2022.xlsx');
    const opened = await openImportFile({ bytes: file.bytes, fileName: file.name }, undefined, () => {});
    const base = { bytes: file.bytes, fileName: file.name, sha256: opened.sha256, mapping: opened.preview.mapping, shape: 'card' as const, channelChoice: { '': 'card' } };
    const plain = await buildImport({ ...base, fixes: [], skips: [] }, undefined, () => {});
    const fixed = await buildImport({ ...base, fixes: [{ row: 5, column: '승인건수', value: '40' }], skips: [6] }, undefined, () => {});
    expect(plain.records.map((r) => r.bucket).slice(0, 3)).toEqual(['2022-09-01', '2022-09-02', '2022-09-03']);
    expect(fixed.records.map((r) => r.bucket).slice(0, 3)).toEqual(['2022-09-01', '2022-09-03', '2022-09-04']);
    expect(fixed.records[0]).toMatchObject({ count: 38, revenue: 798000, provenance: { fileSha256: opened.sha256, fileName: file.name, row: 5 } });
    expect(fixed.records.slice(1)).toEqual(plain.records.slice(2));

    const skipped = await buildImport({ ...base, channelChoice: { '': SKIP_CHANNEL }, fixes: [], skips: [] }, undefined, () => {});
    expect(skipped.records).toEqual([]);
    expect(skipped.skippedByChannel).toBe(61);
  });
});
