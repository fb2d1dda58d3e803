// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setBridgeForTests } from '../../src/bridge';
import { createMemoryBridge } from '../../src/bridge/memory';
import type { MemoryBridge } from '../../src/bridge/memory';
import { documentKindOfLabel } from '../../src/core/packet/documents';
import { createClaim, listEvidence, loadClaim, setSetting } from '../../src/db';
import type { OutageDeskDB } from '../../src/db';
import EvidencePage from '../../src/ui/pages/EvidencePage';
import { freshDb, openExample, pdfBytes, renderPage, tinyPng } from './evidence-helpers';

let db: OutageDeskDB;
let bridge: MemoryBridge;
const created: string[] = [];
const revoked: string[] = [];

beforeEach(async () => {
  bridge = createMemoryBridge();
  setBridgeForTests(bridge);
  db = await freshDb('evidence');
  created.length = 0;
  revoked.length = 0;
  // jsdom has no object URLs; these record what the preview makes and gives back.
  URL.createObjectURL = vi.fn(() => {
    const url = `blob:test/${created.length + 1}`;
    created.push(url);
    return url;
  });
  URL.revokeObjectURL = vi.fn((url: string) => void revoked.push(url));
});
afterEach(() => {
  cleanup();
  db.close();
  setBridgeForTests(null);
});

async function newClaim(): Promise<string> {
  const row = await createClaim(db, { title: '판교 치킨' });
  await setSetting(db, 'currentClaimId', row.id);
  return row.id;
}

async function pickFiles(user: ReturnType<typeof userEvent.setup>, files: { name: string; bytes: Uint8Array }[]) {
  bridge.queueOpenFiles(files);
  await user.click(screen.getAllByRole('button', { name: '파일 올리기' })[0]!);
}

describe('evidence vault', () => {
  it('keeps picked files with fingerprint, size and type; previews images and revokes the URL on leaving', async () => {
    const user = userEvent.setup();
    const claimId = await newClaim();
    const view = renderPage(EvidencePage, db);
    // The first render in a run also loads the page's modules: allow it longer.
    expect(await screen.findByRole('heading', { name: '아직 증빙이 없어요' }, { timeout: 5000 })).toBeTruthy();

    await pickFiles(user, [
      { name: '카카오톡채널_오류.png', bytes: tinyPng(1) },
      { name: '카드매출_10월.pdf', bytes: pdfBytes },
    ]);
    expect(await screen.findByText('증빙 2개를 보관했어요.')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: '보관한 증빙 2개' })).toBeTruthy();

    const rows = await listEvidence(db, claimId);
    expect(rows.map((r) => [r.fileName, r.mimeType, r.size, r.provenance])).toEqual([
      ['카카오톡채널_오류.png', 'image/png', tinyPng(1).length, 'at-the-time'],
      ['카드매출_10월.pdf', 'application/pdf', pdfBytes.length, 'at-the-time'],
    ]);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', tinyPng(1) as Uint8Array<ArrayBuffer>));
    expect(rows[0]!.sha256).toBe(Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''));

    const image = await screen.findByRole('img', { name: '카카오톡채널_오류.png 미리 보기' });
    expect(image.getAttribute('src')).toBe(created[0]);
    // The PDF is an icon with its name, not an image.
    expect(screen.queryByRole('img', { name: /카드매출_10월\.pdf/ })).toBeNull();
    expect(screen.getByText('카드매출_10월.pdf')).toBeTruthy();
    expect(screen.getByText('PDF')).toBeTruthy();
    expect(screen.getByText(rows[1]!.sha256.slice(0, 12))).toBeTruthy();

    // One URL per image however often the list re-reads the database, given back when the page goes.
    expect(created).toHaveLength(1);
    view.unmount();
    expect(revoked).toEqual(created);
  });

  it('refuses a file over the cap by name, still keeps the others, and says a duplicate is already there', async () => {
    const user = userEvent.setup();
    const claimId = await newClaim();
    renderPage(EvidencePage, db);
    await screen.findByRole('heading', { name: '아직 증빙이 없어요' });

    const big = new Uint8Array(25 * 1024 * 1024);
    await pickFiles(user, [
      { name: '운행영상.mp4', bytes: big },
      { name: '캡처.png', bytes: tinyPng(2) },
    ]);
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('「운행영상.mp4」은 25MB라서 보관하지 않았어요. 파일 하나는 20MB까지예요.'));
    expect(await screen.findByText('증빙 1개를 보관했어요.')).toBeTruthy();
    expect((await listEvidence(db, claimId)).map((r) => r.fileName)).toEqual(['캡처.png']);

    await pickFiles(user, [{ name: '캡처 복사본.png', bytes: tinyPng(2) }]);
    expect(await screen.findByText('「캡처 복사본.png」은 이미 보관돼 있어요 (「캡처.png」와 같은 파일이에요).')).toBeTruthy();
    expect(await listEvidence(db, claimId)).toHaveLength(1);
  });

  it('keeps files dropped on the page, and renames a different file with a name already used', async () => {
    const claimId = await newClaim();
    renderPage(EvidencePage, db);
    const zone = await screen.findByRole('region', { name: '파일 올리기' });
    const first = new File([tinyPng(3) as Uint8Array<ArrayBuffer>], 'image.png', { type: 'image/png' });
    const second = new File([tinyPng(4) as Uint8Array<ArrayBuffer>], 'image.png', { type: 'image/png' });
    fireEvent.dragOver(zone, { dataTransfer: { types: ['Files'], files: [first, second], dropEffect: 'none' } });
    expect(screen.getByText('놓으면 보관해요')).toBeTruthy();
    fireEvent.drop(zone, { dataTransfer: { types: ['Files'], files: [first, second] } });
    expect(await screen.findByText('증빙 2개를 보관했어요.')).toBeTruthy();
    // The packet keeps evidence by file name, so the second one may not overwrite the first.
    expect((await listEvidence(db, claimId)).map((r) => r.fileName)).toEqual(['image.png', 'image (2).png']);
  });

  it('times each upload from the file\'s own date against the outage window, not "during the outage"', async () => {
    // The designated driver's window as the example edited it: 15 Oct 2022 20:00 to 16 Oct 02:00 KST.
    const claimId = await openExample(db, 'driver-2022.claim.json');
    renderPage(EvidencePage, db);
    const zone = await screen.findByRole('region', { name: '파일 올리기' });
    const at = (iso: string) => Date.parse(iso);
    const files = [
      new File([tinyPng(11) as Uint8Array<ArrayBuffer>], '9월_운행내역.png', { type: 'image/png', lastModified: at('2022-09-30T21:00:00+09:00') }),
      new File([tinyPng(12) as Uint8Array<ArrayBuffer>], '오류화면.png', { type: 'image/png', lastModified: at('2022-10-15T21:10:00+09:00') }),
      new File([pdfBytes as Uint8Array<ArrayBuffer>], '오늘_출력.pdf', { type: 'application/pdf', lastModified: at('2026-12-04T09:00:00+09:00') }),
    ];
    fireEvent.drop(zone, { dataTransfer: { types: ['Files'], files } });
    expect(await screen.findByText('증빙 3개를 보관했어요.')).toBeTruthy();
    const rows = await listEvidence(db, claimId);
    expect(rows.map((r) => [r.fileName, r.fileDate, r.fileTiming, r.provenance])).toEqual([
      ['9월_운행내역.png', '2022-09-30T21:00+09:00', 'before', 'at-the-time'],
      ['오류화면.png', '2022-10-15T21:10+09:00', 'during', 'at-the-time'],
      ['오늘_출력.pdf', '2026-12-04T09:00+09:00', 'after', 'reconstructed'],
    ]);
    // The cards come in as the live query catches up: wait for all three.
    await waitFor(() => expect(screen.getAllByTestId('file-timing')).toHaveLength(3));
    const timings = screen.getAllByTestId('file-timing').map((p) => p.textContent);
    expect(timings[0]).toMatch(/^파일 날짜 .*2022.*: 장애 전에 만든 파일이에요$/);
    expect(timings[2]).toMatch(/장애가 끝난 뒤에 만든 파일이에요/);
  });

  it('labels a file with a document kind the packet recognises and records how it was made', async () => {
    const user = userEvent.setup();
    const claimId = await newClaim();
    renderPage(EvidencePage, db);
    await screen.findByRole('heading', { name: '아직 증빙이 없어요' });
    await pickFiles(user, [{ name: 'certificate.pdf', bytes: pdfBytes }]);
    const card = (await screen.findByText('certificate.pdf')).closest('li')!;

    await user.selectOptions(within(card).getByLabelText('무엇을 보여주나요'), '소상공인 확인서');
    await waitFor(async () => expect((await listEvidence(db, claimId))[0]!.label).toBe('smb-certificate'));
    await user.selectOptions(within(card).getByLabelText('무엇을 보여주나요'), '카드 매출 내역');
    await waitFor(async () => expect(documentKindOfLabel((await listEvidence(db, claimId))[0]!.label ?? '')).toBe('sales-loss-proof'));

    await user.click(within(card).getByRole('radio', { name: '나중에 다시 만든 것' }));
    await waitFor(async () => expect((await listEvidence(db, claimId))[0]!.provenance).toBe('reconstructed'));
    expect(await within(card).findByText(/다만 그렇다고 밝혀 두면/)).toBeTruthy();
  });

  it('links a file to a stretch of records and to a loss item, on both sides, and the claim stays valid', async () => {
    const user = userEvent.setup();
    const claimId = await openExample(db, 'merchant-best-week.claim.json');
    renderPage(EvidencePage, db);
    await screen.findByRole('heading', { name: '아직 증빙이 없어요' });
    await pickFiles(user, [{ name: '톡채널_청구서.pdf', bytes: pdfBytes }]);
    const card = (await screen.findByText('톡채널_청구서.pdf')).closest('li')!;

    await user.click(within(card).getByText('무엇을 뒷받침하나요'));
    await user.clear(within(card).getByLabelText('시작 날짜'));
    await user.type(within(card).getByLabelText('시작 날짜'), '2022-10-15');
    await user.clear(within(card).getByLabelText('끝 날짜'));
    await user.type(within(card).getByLabelText('끝 날짜'), '2022-10-21');
    const channel = within(card).getByLabelText('채널') as HTMLSelectElement;
    const firstChannel = Array.from(channel.options)[1]!;
    await user.selectOptions(channel, firstChannel.value);
    await user.click(within(card).getByRole('button', { name: '이 구간 연결' }));
    await waitFor(async () => expect((await listEvidence(db, claimId))[0]!.linkedIds).toEqual([`2022-10-15..2022-10-21|${firstChannel.value}`]));
    expect(await within(card).findByText(`2022-10-15 ~ 2022-10-21 · ${firstChannel.textContent}`)).toBeTruthy();

    const item = within(card).getByRole('checkbox', { name: /^직접: / });
    await user.click(item);
    const evidenceId = (await listEvidence(db, claimId))[0]!.id;
    await waitFor(async () => {
      const loaded = await loadClaim(db, claimId);
      expect(loaded.status).toBe('ready');
      if (loaded.status !== 'ready') return;
      expect(loaded.claim.directItems[0]!.evidenceIds).toEqual([evidenceId]);
      expect(loaded.claim.evidence[0]!.linkedIds).toContain(loaded.claim.directItems[0]!.id);
    });

    // Unlinking the stretch leaves the item link.
    await user.click(within(card).getByRole('button', { name: /^연결 풀기: 2022-10-15/ }));
    await waitFor(async () => expect((await listEvidence(db, claimId))[0]!.linkedIds).toHaveLength(1));
  });

  it('removes a file only after confirmation, and unlinks the items that cited it', async () => {
    const user = userEvent.setup();
    const claimId = await openExample(db, 'merchant-best-week.claim.json');
    renderPage(EvidencePage, db);
    await screen.findByRole('heading', { name: '아직 증빙이 없어요' });
    await pickFiles(user, [{ name: '청구서.pdf', bytes: pdfBytes }]);
    const card = (await screen.findByText('청구서.pdf')).closest('li')!;
    await user.click(within(card).getByText('무엇을 뒷받침하나요'));
    await user.click(within(card).getByRole('checkbox', { name: /^직접: / }));
    await waitFor(async () => {
      const l = await loadClaim(db, claimId);
      expect(l.status === 'ready' && l.claim.directItems[0]!.evidenceIds.length).toBe(1);
    });

    await user.click(within(card).getByRole('button', { name: '지우기: 청구서.pdf' }));
    const dialog = await screen.findByRole('alertdialog', { name: '증빙을 지울까요?' });
    expect(dialog.textContent).toContain('손실 항목 1개에서도 빠져요');
    await user.click(within(dialog).getByRole('button', { name: '취소' }));
    expect(await listEvidence(db, claimId)).toHaveLength(1);

    await user.click(within(card).getByRole('button', { name: '지우기: 청구서.pdf' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: '지우기' }));
    expect(await screen.findByText('「청구서.pdf」을 지웠어요.')).toBeTruthy();
    expect(await listEvidence(db, claimId)).toHaveLength(0);
    const loaded = await loadClaim(db, claimId);
    expect(loaded.status).toBe('ready');
    if (loaded.status === 'ready') expect(loaded.claim.directItems[0]!.evidenceIds).toEqual([]);
  });

  it('speaks English when the reader chose it', async () => {
    const user = userEvent.setup();
    await newClaim();
    renderPage(EvidencePage, db, 'en');
    expect(await screen.findByRole('heading', { name: 'No evidence yet' })).toBeTruthy();
    bridge.queueOpenFiles([{ name: 'shot.png', bytes: tinyPng(9) }]);
    await user.click(screen.getByRole('button', { name: 'Add files' }));
    expect(await screen.findByText('1 file(s) kept as evidence.')).toBeTruthy();
    // The notice can come before the evidence list's live query has the new file: wait for the card.
    const card = (await screen.findByText('shot.png')).closest('li')!;
    expect(within(card).getByRole('option', { name: 'Screenshot of the service failing' })).toBeTruthy();
    expect(within(card).getByRole('radio', { name: 'Reconstructed later' })).toBeTruthy();
  });
});
