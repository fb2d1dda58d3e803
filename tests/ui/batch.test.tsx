// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setBridgeForTests } from '../../src/bridge';
import { createMemoryBridge, type MemoryBridge } from '../../src/bridge/memory';
import { buildPacketWithoutReport } from '../../src/core/batch/synth-packet';
import { serviceNameKo, synthBatch, type SynthBatch } from '../../src/core/batch/synth';
import { iconvCp949Decoder } from '../../src/core/io/cp949-iconv';
import { estimateClaim } from '../../src/core/estimate/estimate-claim';
import { serializeClaim } from '../../src/core/model/claim-file';
import { isValidBusinessNumber } from '../../src/core/model/validators';
import { readZipSafely } from '../../src/core/packet/zip';
import { BatchWorkspace } from '../../src/ui/batch/BatchWorkspace';
import { formatWon } from '../../src/ui/format';
import { BatchJobCancelled, BatchJobError, type BatchRunner } from '../../src/ui/batch/client';
import { runBatchJob } from '../../src/ui/batch/job';
import type { OutageDeskDB } from '../../src/db';
import { freshDb, renderPage } from './evidence-helpers';

/**
 * The batch workspace on real packets (made by the synth, as the CLI's synth does), a real roster and
 * the real job code. The job runs in-process here (jsdom has no Worker); the e2e runs it in a Worker.
 */

const require = createRequire(import.meta.url);
const fonts = {
  regular: new Uint8Array(readFileSync(require.resolve('@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf'))),
  bold: new Uint8Array(readFileSync(require.resolve('@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf'))),
};
const NOW = new Date('2022-11-01T09:00:00+09:00');

/** The worker's job, run on this thread; `cancel` drops the job's answer the way terminating the worker does. */
function inProcessRunner(log: string[] = []): BatchRunner {
  return (request, onProgress) => {
    log.push(request.type === 'read' ? 'read' : request.kind);
    let settle: { resolve: (v: never) => void; reject: (e: Error) => void } | null = null;
    const result = new Promise<never>((resolve, reject) => {
      settle = { resolve, reject };
    });
    void runBatchJob(request, { loadFonts: async () => fonts, decodeCp949: iconvCp949Decoder, progressEveryMs: 0 }, (m) => {
      if (!settle) return;
      if (m.type === 'progress') onProgress(m);
      else if (m.type === 'error') settle.reject(new BatchJobError(m.message));
      else settle.resolve(m as never);
      if (m.type !== 'progress') settle = null;
    });
    return {
      result,
      cancel: () => {
        settle?.reject(new BatchJobCancelled());
        settle = null;
      },
    };
  };
}

/** A valid 사업자등록번호 (check digit per domain.md 4) from its first nine digits. */
function businessNumber(first9: string): string {
  for (let d = 0; d < 10; d++) {
    const n = `${first9.slice(0, 3)}-${first9.slice(3, 5)}-${first9.slice(5)}${d}`;
    if (isValidBusinessNumber(n)) return n;
  }
  throw new Error('no check digit');
}

let synth: SynthBatch;
let packets: File[];

beforeAll(async () => {
  synth = synthBatch(30, 7);
  const bytes = new Map<string, Uint8Array>();
  for (const m of synth.members) bytes.set(m.fileName, (await buildPacketWithoutReport(m.claim, m.channel, '0.1.0', NOW)).bytes);
  for (const c of synth.copies) bytes.set(c.fileName, bytes.get(c.of)!);
  packets = [...bytes].map(([name, b]) => new File([b as Uint8Array<ArrayBuffer>], name, { type: 'application/zip' }));
}, 60_000);

let db: OutageDeskDB;
let bridge: MemoryBridge;

beforeEach(async () => {
  db = await freshDb('batch');
  bridge = createMemoryBridge({ version: '9.9.9' });
  setBridgeForTests(bridge);
});

afterEach(() => {
  cleanup();
  setBridgeForTests(null);
  db?.close();
});

function renderBatch(runner: BatchRunner, language: 'ko' | 'en' = 'ko') {
  return renderPage(() => <BatchWorkspace runner={runner} />, db, language);
}

const rosterCsv = () => {
  const good = businessNumber('220811234');
  const text = [
    '회원 명단 (마포 상인회)',
    '',
    '이름,상호,사업자등록번호,휴대전화,시도,업종,구분,이용 서비스,피해 금액,은행,계좌번호,고객 불만',
    `한지민,지민분식,${good},010-2222-3333,서울 마포구,음식점,소상공인,"카카오톡, 카카오페이",280000,국민,123456-01-234567,손님이 010-9999-8888로 항의함`,
    '오영수,영수상회,123-45-67890,010-4444-5555,서울,소매,소상공인,카카오톡,450000,신한,110-222-333333,',
  ].join('\r\n');
  return new File([text], '마포-명단.csv', { type: 'text/csv' });
};

async function pick(user: ReturnType<typeof userEvent.setup>, files: File[]) {
  await user.upload(screen.getByTestId('batch-files-input'), files);
}

describe('batch workspace', () => {
  it('reads packets and a roster, lists each item with its status and reason, and counts like the associations', async () => {
    // As when the person switches the dialog's filter to all files.
    const user = userEvent.setup({ applyAccept: false });
    renderBatch(inProcessRunner());
    expect(screen.getByText('아직 가져온 파일이 없어요')).toBeTruthy();
    const notes = new File(['그냥 메모예요'], 'notes.md');
    await pick(user, [...packets, rosterCsv(), notes]);
    await waitFor(() => expect(screen.getByTestId('count-files').textContent).toBe(String(packets.length + 2)), { timeout: 30_000 });

    // 31 packet files (one the same packet twice), one roster (a good row, a row whose business number fails its check).
    expect(screen.getByTestId('count-items').textContent).toBe(String(packets.length + 2 + 1));
    expect(screen.getByTestId('count-invalid').textContent).toBe('2');
    // Exact pairs planted: business number, mobile, account, the same packet twice. One near-name pair.
    expect(screen.getByTestId('count-duplicates').textContent).toBe('4');
    expect(screen.getByTestId('count-kept').textContent).toBe(String(packets.length + 1 - 4));
    expect(screen.getByTestId('count-suspected').textContent).toBe('1쌍');

    const items = screen.getByTestId('batch-items');
    const rowOf = (text: string) => within(items).getAllByRole('row').find((r) => r.textContent?.includes(text))!;
    expect(rowOf('notes.md').textContent).toContain('오류');
    expect(rowOf('notes.md').textContent).toContain('증빙 묶음(zip), 청구 파일(JSON), 회원 명단(CSV/XLSX) 중 어느 것도 아니에요');
    const badRow = rowOf('5행');
    expect(badRow.textContent).toMatch(/5행/);
    expect(badRow.textContent).toContain('사업자등록번호');
    // The reasons are { ko, en }: the Korean reader gets no English half.
    expect(rowOf('notes.md').textContent).not.toContain('not an evidence packet');
    expect(badRow.textContent).not.toContain('invalid business registration number');
    expect(rowOf('지민분식').textContent).toContain('정상');
    // Each exact pair: one of the two is removed, naming the one kept (the first in the batch's order).
    for (const p of synth.planted.filter((x) => x.rule !== 'similar-name')) {
      const [first, second] = [...p.files].sort();
      expect(rowOf(second!).textContent).toContain(`${first}와 중복이라 뺐어요`);
      expect(rowOf(first!).textContent).toContain('정상');
    }
    for (const f of synth.planted.find((p) => p.rule === 'similar-name')!.files) expect(rowOf(f).textContent).toContain('중복 의심');

    // The filter shows one status at a time.
    await user.selectOptions(screen.getByLabelText('보기'), 'invalid');
    expect(within(screen.getByTestId('batch-items')).getAllByRole('row')).toHaveLength(1 + 2);

    // Tables: kinds add up to the members counted; services are multiple answers (shares over 100% in all).
    const kept = packets.length + 1 - 4;
    const kindCounts = within(screen.getByTestId('batch-by-kind')).getAllByRole('row').slice(1).map((r) => Number(r.children[1]!.textContent!.replace(/,/g, '')));
    expect(kindCounts.reduce((a, b) => a + b, 0)).toBe(kept);
    const serviceShares = within(screen.getByTestId('batch-by-service')).getAllByRole('row').slice(1).map((r) => Number(r.children[2]!.textContent!.replace('%', '')));
    expect(serviceShares.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
    const regions = within(screen.getByTestId('batch-by-region')).getAllByRole('row').map((r) => r.children[0]!.textContent);
    expect(regions).toContain('서울특별시');
    const loss = within(screen.getByTestId('batch-loss')).getAllByRole('row');
    expect(loss[3]!.textContent).toContain('청구 합계');
  }, 60_000);

  it('shows a suspected pair side by side; keeping one, keeping both or merging is recorded, undoable, and saved as JSON that loads back', async () => {
    const user = userEvent.setup();
    renderBatch(inProcessRunner());
    await pick(user, packets);
    await waitFor(() => expect(screen.getByTestId('count-suspected').textContent).toBe('1쌍'), { timeout: 30_000 });
    const [left, right] = synth.planted.find((p) => p.rule === 'similar-name')!.files;
    const pair = screen.getByTestId('batch-pair');
    const leftMember = synth.members.find((m) => m.fileName === left)!.claim.claimant;
    const rightMember = synth.members.find((m) => m.fileName === right)!.claim.claimant;
    expect(within(pair).getByText(left!)).toBeTruthy();
    expect(within(pair).getByText(right!)).toBeTruthy();
    expect(within(pair).getByText(leftMember.name)).toBeTruthy();
    expect(within(pair).getByText(rightMember.name)).toBeTruthy();
    expect(pair.textContent).toContain('같은 시도에서 거의 같은 이름');
    const before = Number(screen.getByTestId('count-kept').textContent);

    await user.click(within(pair).getByRole('button', { name: '합치기 (왼쪽에 오른쪽 정보 더하기)' }));
    expect(screen.getByTestId('count-kept').textContent).toBe(String(before - 1));
    expect(screen.getByTestId('count-suspected').textContent).toBe('0쌍');
    const userRow = screen.getByTestId('batch-decisions').querySelector('tr[data-by="user"]')!;
    expect(userRow.textContent).toContain('합침');
    expect(userRow.textContent).toContain('사람이 확인: 같은 회원이라 정보를 합쳐요');
    // One decision per exact pair, made by the rules.
    expect(screen.getByTestId('batch-decisions').querySelectorAll('tr[data-by="rule"]')).toHaveLength(4);

    await user.click(screen.getByRole('button', { name: '결정 기록 내려받기 (JSON)' }));
    await waitFor(() => expect(bridge.saved).toHaveLength(1));
    const saved = bridge.saved[0]!;
    expect(saved.name).toMatch(/^batch-decisions-\d{8}-\d{4}\.json$/);
    const file = JSON.parse(new TextDecoder().decode(saved.bytes));
    expect(file).toMatchObject({ format: 'outage-loss-desk/batch-decisions', formatVersion: 1 });
    expect(file.decisions).toEqual([expect.objectContaining({ a: left, b: right, action: 'merge', keep: left, decidedBy: 'user' })]);

    // Undo: the pair is suspected again.
    await user.click(within(userRow as HTMLElement).getByRole('button', { name: '되돌리기' }));
    expect(screen.getByTestId('count-suspected').textContent).toBe('1쌍');
    expect(screen.getByTestId('count-kept').textContent).toBe(String(before));

    // A file that is not a decisions file is refused, naming the file and the field; nothing changes.
    bridge.queueOpenFiles([{ name: 'wrong.json', bytes: new TextEncoder().encode('{"format":"something-else"}') }]);
    await user.click(screen.getByRole('button', { name: '결정 기록 불러오기' }));
    await waitFor(() => expect(screen.getByText(/결정 기록 파일이 아니에요: wrong\.json \(format:/)).toBeTruthy());
    expect(screen.getByTestId('count-suspected').textContent).toBe('1쌍');

    // The saved file, plus a decision about a pair this batch does not have: ours applies, the other is skipped.
    const withStranger = { ...file, decisions: [...file.decisions, { ...file.decisions[0], a: 'nobody.zip', b: 'someone.zip', keep: 'nobody.zip' }] };
    bridge.queueOpenFiles([{ name: 'decisions.json', bytes: new TextEncoder().encode(JSON.stringify(withStranger)) }]);
    await user.click(screen.getByRole('button', { name: '결정 기록 불러오기' }));
    await waitFor(() => expect(screen.getByText('결정 1개를 적용했어요. 1개는 이 작업 공간에 없는 쌍이라 건너뛰었어요.')).toBeTruthy());
    expect(screen.getByTestId('count-kept').textContent).toBe(String(before - 1));

    // Keep both: both stay, the pair is settled.
    await user.click(within(screen.getByTestId('batch-decisions').querySelector('tr[data-by="user"]') as HTMLElement).getByRole('button', { name: '되돌리기' }));
    await user.click(within(screen.getByTestId('batch-pair')).getByRole('button', { name: '둘 다 남기기 (다른 회원)' }));
    expect(screen.getByTestId('count-kept').textContent).toBe(String(before));
    expect(screen.getByTestId('count-suspected').textContent).toBe('0쌍');
  }, 60_000);

  it('exports the roster (BOM), workbook, summary PDF and zip through the bridge; redaction masks every one of them', async () => {
    const user = userEvent.setup();
    const log: string[] = [];
    renderBatch(inProcessRunner(log));
    await pick(user, [...packets.slice(0, 12), rosterCsv()]);
    await waitFor(() => expect(screen.getByTestId('count-files').textContent).toBe('13'), { timeout: 30_000 });

    await user.click(screen.getByRole('button', { name: '명단 CSV' }));
    await waitFor(() => expect(bridge.saved).toHaveLength(1));
    const csv = bridge.saved[0]!;
    expect(csv.name).toMatch(/^batch-roster-\d{8}-\d{4}\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(csv.bytes);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + 12 + 2);
    expect(text).toContain('010-2222-3333');
    expect(text).toContain('123456-01-234567');

    // A person's note that quotes a number: masked in the redacted manifest too.
    const pairCard = screen.getByTestId('batch-pair');
    await user.type(within(pairCard).getByLabelText('메모 (선택)'), '010-7777-1234로 확인');
    await user.click(within(pairCard).getByRole('button', { name: '둘 다 남기기 (다른 회원)' }));
    await user.click(screen.getByRole('checkbox', { name: /공유용으로 개인정보 가리기/ }));
    expect(screen.getByText(/가린 zip에는 회원 꾸러미를 넣지 않아요/)).toBeTruthy();
    for (const name of ['명단 CSV', '명단 엑셀 (XLSX)', '요약 PDF', '전체 zip']) {
      const n = bridge.saved.length;
      await user.click(screen.getByRole('button', { name }));
      await waitFor(() => expect(bridge.saved).toHaveLength(n + 1), { timeout: 30_000 });
    }
    expect(log).toEqual(['read', 'csv', 'csv', 'xlsx', 'pdf', 'zip']);
    const [, redCsv, redXlsx, redPdf, redZip] = bridge.saved;
    expect(redCsv!.name).toMatch(/-redacted\.csv$/);
    const redText = new TextDecoder().decode(redCsv!.bytes);
    expect(redText).toContain('010-****-3333');
    expect(redText).toContain('******-**-**4567');
    expect(redText).toContain('010-****-8888');
    expect(redText).not.toContain('2222-3333');
    expect(redText).not.toContain('9999-8888');
    expect(new TextDecoder().decode(redXlsx!.bytes.subarray(0, 2))).toBe('PK');
    expect(new TextDecoder().decode(redPdf!.bytes.subarray(0, 5))).toBe('%PDF-');
    const zip = readZipSafely(redZip!.bytes);
    expect([...zip.keys()].sort()).toEqual(['batch-manifest.json', 'roster.csv', 'roster.xlsx', 'summary.pdf']);
    const manifest = JSON.parse(new TextDecoder().decode(zip.get('batch-manifest.json')!));
    expect(manifest).toMatchObject({ redacted: true, packets: { included: false, count: 0 }, app: { version: '9.9.9' } });
    expect(JSON.stringify(manifest)).not.toContain('2222-3333');
    expect(JSON.stringify(manifest)).not.toContain('7777-1234');
    expect(manifest.decisions.find((d: { decidedBy: string }) => d.decidedBy === 'user').reason).toContain('010-****-1234로 확인');
  }, 120_000);

  it('a cancelled import adds nothing and says so; a second import adds to the first and pairs across both', async () => {
    const user = userEvent.setup();
    renderBatch(inProcessRunner());
    await pick(user, packets.slice(0, 20));
    const cancel = await screen.findByRole('button', { name: '취소' });
    await user.click(cancel);
    await waitFor(() => expect(screen.getByText('가져오기를 취소했어요. 이번에 고른 파일은 더하지 않았어요.')).toBeTruthy());
    expect(screen.queryByTestId('count-files')).toBeNull();

    const first = packets.filter((f) => f.name !== 'member-00012-copy.zip');
    await pick(user, first);
    await waitFor(() => expect(screen.getByTestId('count-files').textContent).toBe(String(first.length)), { timeout: 30_000 });
    expect(screen.getByTestId('count-duplicates').textContent).toBe('3');
    // The copy alone, later: paired with its original from the first import; the same file again gets its own name.
    const copy = packets.find((f) => f.name === 'member-00012-copy.zip')!;
    await pick(user, [copy, packets.find((f) => f.name === 'member-00001.zip')!]);
    await waitFor(() => expect(screen.getByTestId('count-files').textContent).toBe(String(first.length + 2)), { timeout: 30_000 });
    expect(screen.getByTestId('count-duplicates').textContent).toBe('5');
    const items = screen.getByTestId('batch-items');
    expect(within(items).getByText('member-00001 (2).zip')).toBeTruthy();

    // Clearing is confirmed, then the workspace is empty.
    await user.click(screen.getByRole('button', { name: '작업 공간 비우기' }));
    const dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: '비우기' }));
    expect(screen.getByText('아직 가져온 파일이 없어요')).toBeTruthy();
  }, 60_000);

  it('a dropped folder is read recursively, keeping only batch files inside it', async () => {
    renderBatch(inProcessRunner(), 'en');
    // A folder entry as Chromium hands it over (webkitGetAsEntry), with a nested folder and a stray file.
    const fileEntry = (file: File, path: string) => ({ isFile: true, isDirectory: false, name: file.name, fullPath: path, file: (ok: (f: File) => void) => ok(file) });
    const dirEntry = (name: string, path: string, children: unknown[]) => ({
      isFile: false, isDirectory: true, name, fullPath: path,
      createReader: () => {
        let given = false;
        return {
          readEntries: (ok: (e: unknown[]) => void) => {
            const batch = given ? [] : children;
            given = true;
            setTimeout(() => ok(batch));
          },
        };
      },
    });
    const [a, b, c] = packets;
    const tree = dirEntry('members', '/members', [
      fileEntry(a!, `/members/${a!.name}`),
      fileEntry(new File(['x'], 'Thumbs.db'), '/members/Thumbs.db'),
      dirEntry('late', '/members/late', [fileEntry(b!, `/members/late/${b!.name}`)]),
    ]);
    const loose = fileEntry(c!, `/${c!.name}`);
    const items = [tree, loose].map((entry) => ({ kind: 'file', webkitGetAsEntry: () => entry, getAsFile: () => null }));
    await act(async () => {
      fireEvent.drop(screen.getByTestId('batch-drop'), { dataTransfer: { items, files: [] } });
    });
    await waitFor(() => expect(screen.getByTestId('count-files').textContent).toBe('3'), { timeout: 30_000 });
    const list = screen.getByTestId('batch-items');
    expect(within(list).getByText(`members/${a!.name}`)).toBeTruthy();
    expect(within(list).getByText(`members/late/${b!.name}`)).toBeTruthy();
    expect(within(list).getByText(c!.name)).toBeTruthy();
    expect(screen.getByText('Read 3 files: 3 members, 0 invalid.')).toBeTruthy();
  }, 60_000);
  it('association view: each member\'s latest status per channel and the totals; the group-mediation roster only from 50 members with the same harm', async () => {
    const user = userEvent.setup();
    // Members with submissions (sent, offers, payments, rejections taken to 피해365), as claim files.
    const batch = synthBatch(160, 11, { submissions: true });
    const inPairs = new Set(batch.planted.flatMap((p) => p.files));
    const clean = batch.members.filter((m) => !inPairs.has(m.fileName));
    // The service most clean members were hit by: the harm group this test grows to 50.
    const byService = new Map<string, typeof clean>();
    for (const m of clean) for (const s of m.claim.claimant.servicesUsed) byService.set(s, [...(byService.get(s) ?? []), m]);
    const [serviceId, group] = [...byService].sort((a, b) => b[1].length - a[1].length)[0]!;
    expect(group.length).toBeGreaterThanOrEqual(50);
    const chosen = group.slice(0, 50);
    const asFile = (m: (typeof chosen)[number]) => new File([serializeClaim(m.claim)], m.fileName.replace(/\.zip$/, '.json'), { type: 'application/json' });

    renderBatch(inProcessRunner());
    await pick(user, chosen.slice(0, 49).map(asFile));
    await waitFor(() => expect(screen.getByTestId('count-kept').textContent).toBe('49'), { timeout: 30_000 });

    // Totals: the engine's claim totals, and what the members recorded as offered and paid.
    const first49 = chosen.slice(0, 49).map((m) => m.claim);
    const claimed = first49.reduce((a, c) => a + estimateClaim(c).claimTotal, 0);
    const offered = first49.reduce((a, c) => a + c.submissions.reduce((x, s) => x + (s.offered ?? 0), 0), 0);
    const paid = first49.reduce((a, c) => a + c.submissions.reduce((x, s) => x + (s.paid ?? 0), 0), 0);
    expect(paid).toBeGreaterThan(0);
    expect(offered).toBeGreaterThan(paid);
    expect(screen.getByTestId('association-members').textContent).toBe('49');
    expect(screen.getByTestId('association-claimed').textContent).toBe(formatWon(claimed, 'ko'));
    expect(screen.getByTestId('association-offered').textContent).toBe(formatWon(offered, 'ko'));
    expect(screen.getByTestId('association-paid').textContent).toBe(formatWon(paid, 'ko'));
    expect(screen.getByTestId('association-gap').textContent).toBe(formatWon(claimed - paid, 'ko'));

    // Each member's row: the latest status per channel and their own amounts.
    const table = screen.getByTestId('association-members-table');
    const rowOf = (c: (typeof first49)[number]) => within(table).getAllByRole('row').find((r) => r.textContent?.includes(c.claimant.name))!;
    const rejected = first49.find((c) => c.submissions.some((s) => s.status === 'rejected'))!;
    expect(rowOf(rejected).textContent).toContain('거절됨');
    expect(rowOf(rejected).textContent).toContain('온라인피해365센터');
    expect(rowOf(rejected).getAttribute('data-status')).toBe('sent');
    const paidOne = first49.find((c) => c.submissions.some((s) => s.status === 'paid'))!;
    expect(rowOf(paidOne).textContent).toContain('지급받음');
    expect(rowOf(paidOne).textContent).toContain(formatWon(paidOne.submissions[0]!.paid!, 'ko'));
    expect(rowOf(paidOne).textContent).toContain(formatWon(estimateClaim(paidOne).claimTotal, 'ko'));
    const none = first49.find((c) => c.submissions.length === 0)!;
    expect(rowOf(none).textContent).toContain('기록 없음');
    const statusCount = (status: string) => Number(screen.getByTestId('association-by-status').querySelector(`[data-status="${status}"] .strong`)?.textContent ?? 0);
    expect(statusCount('paid')).toBe(first49.filter((c) => c.submissions.at(-1)?.status === 'paid').length);
    expect(statusCount('not-submitted')).toBe(first49.filter((c) => c.submissions.length === 0).length);

    // 49 with the same harm: no roster yet, and the page says how many are missing.
    const groupRow = () => within(screen.getByTestId('association-groups')).getAllByRole('row').find((r) => r.textContent?.startsWith(serviceNameKo(serviceId)))!;
    expect(groupRow().textContent).toContain('1명 더 있으면 신청할 수 있어요');
    expect(screen.queryByRole('button', { name: /집단분쟁조정 명단 CSV/ })).toBeNull();

    // The 50th: the roster can be saved, with a BOM, one row per member, unmasked unless the switch is on.
    await pick(user, [asFile(chosen[49]!)]);
    await waitFor(() => expect(screen.getByTestId('count-kept').textContent).toBe('50'), { timeout: 30_000 });
    expect(groupRow().getAttribute('data-eligible')).toBe('yes');
    expect(screen.getAllByRole('button', { name: /집단분쟁조정 명단 CSV/ })).toHaveLength(
      [...byService].filter(([, ms]) => ms.filter((m) => chosen.includes(m)).length >= 50).length,
    );
    await user.click(within(groupRow()).getByRole('button', { name: '집단분쟁조정 명단 CSV' }));
    await waitFor(() => expect(bridge.saved).toHaveLength(1));
    const roster = bridge.saved[0]!;
    expect(roster.name).toMatch(new RegExp(`^group-mediation-${serviceId}-\\d{8}-\\d{4}\\.csv$`));
    expect([...roster.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(roster.bytes).trimEnd().split('\r\n');
    expect(lines).toHaveLength(51);
    const mobile = chosen[0]!.claim.claimant.mobile;
    expect(lines[1]).toContain(mobile);
    expect(lines[1]).toContain(chosen[0]!.claim.claimant.name);

    await user.click(screen.getByRole('checkbox', { name: /공유용으로 개인정보 가리기/ }));
    await user.click(within(groupRow()).getByRole('button', { name: '집단분쟁조정 명단 CSV (가림)' }));
    await waitFor(() => expect(bridge.saved).toHaveLength(2));
    const masked = new TextDecoder().decode(bridge.saved[1]!.bytes);
    expect(bridge.saved[1]!.name).toMatch(/-redacted\.csv$/);
    expect(masked).toContain(`010-****-${mobile.slice(-4)}`);
    for (const m of chosen) expect(masked).not.toContain(m.claim.claimant.mobile);
  }, 90_000);

  it('progress: the worker posts the count, rate and time left, and the page shows them (as the CLI does)', async () => {
    // The job itself: every progress message of a read carries a rate and the seconds left once one file is done.
    const messages: { phase: string; done: number; total: number; perSecond: number | null; secondsLeft: number | null }[] = [];
    await new Promise<void>((resolve) => {
      void runBatchJob({ type: 'read', members: [], invalid: [], files: packets.map((f) => ({ label: f.name, file: f })) }, { loadFonts: async () => fonts, progressEveryMs: 0 }, (m) => {
        if (m.type === 'progress') messages.push(m);
        else resolve();
      });
    });
    const reading = messages.filter((m) => m.phase === 'reading');
    expect(reading[0]).toMatchObject({ done: 0, perSecond: null, secondsLeft: null });
    const last = reading[reading.length - 1]!;
    expect([last.done, last.total, last.secondsLeft]).toEqual([packets.length, packets.length, 0]);
    expect(last.perSecond).toBeGreaterThan(0);
    expect(reading.slice(1, -1).every((m) => m.perSecond! > 0 && m.secondsLeft! >= 0)).toBe(true);

    // The page: a job that reports 1,234 of 10,050 at 12.5 a second, 11 min 45 s left, in Korean then English.
    const stuck: BatchRunner = (_request, onProgress) => {
      // After the runner returns, as a worker's message arrives.
      queueMicrotask(() => onProgress({ type: 'progress', phase: 'reading', done: 1234, total: 10050, perSecond: 12.5, secondsLeft: 705 }));
      return { result: new Promise<never>(() => {}), cancel: () => {} };
    };
    for (const [language, expected] of [['ko', '초당 13개 · 약 11분 45초 남음'], ['en', '13/s · about 11 min 45 s left']] as const) {
      const user = userEvent.setup({ applyAccept: false });
      renderBatch(stuck, language);
      await pick(user, packets.slice(0, 2));
      const rate = await screen.findByTestId('batch-progress-rate');
      expect(rate.textContent).toBe(` · ${expected}`);
      expect(screen.getByTestId('batch-progress').textContent).toContain('1234 / 10050');
      cleanup();
    }
  }, 60_000);
});
