// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setBridgeForTests } from '../../src/bridge';
import { createMemoryBridge } from '../../src/bridge/memory';
import { estimateClaim } from '../../src/core/estimate';
import { parseClaimFile } from '../../src/core/model';
import { createClaim, getSetting, listClaims, loadClaim, OutageDeskDB } from '../../src/db';
import { App } from '../../src/ui/App';
import { addExampleClaims } from '../../src/ui/examples/examples';
import { createI18n } from '../../src/ui/i18n';

// The machine is shared with other test runs: give slow renders time before calling them missing.
configure({ asyncUtilTimeout: 8000 });

let db: OutageDeskDB;

beforeEach(async () => {
  window.location.hash = '#/claimant';
  setBridgeForTests(createMemoryBridge({ version: '1.0.0' }));
  db = new OutageDeskDB(`ui-examples-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(() => {
  vi.unstubAllGlobals();
  cleanup();
  db.close();
  setBridgeForTests(null);
});

const exampleFiles = readdirSync('assets/examples').filter((f) => f.endsWith('.claim.json'));

describe('example claims', () => {
  it('every bundled example is stored as a complete claim whose figures equal the file’s', async () => {
    const ids = await addExampleClaims(db);
    expect(ids).toHaveLength(exampleFiles.length);
    expect(ids[0]).toBe('example-driver-2022');
    for (const id of ids) {
      const loaded = await loadClaim(db, id);
      expect(loaded.status, id).toBe('ready');
      if (loaded.status !== 'ready') continue;
      expect(loaded.row.example).toBe(1);
      const file = exampleFiles.find((f) => JSON.parse(readFileSync(`assets/examples/${f}`, 'utf8')).id === id)!;
      const parsed = parseClaimFile(readFileSync(`assets/examples/${file}`, 'utf8'));
      if (!parsed.ok) throw new Error(file);
      expect(estimateClaim(loaded.claim).claimTotal, file).toBe(estimateClaim(parsed.claim).claimTotal);
    }
  });

  it('adds the example evidence files to the evidence table with the hashes the claims list', async () => {
    // Vite gives the evidence files root-relative URLs; this fetcher serves them from the project folder, as
    // the app's own origin does. Every URL asked for is recorded, so a file the glob misses would show.
    const asked: string[] = [];
    const fromDisk = async (url: string) => {
      asked.push(url);
      return new Response(readFileSync(join(process.cwd(), decodeURIComponent(url))));
    };
    // jsdom's Blob does not survive fake-indexeddb's structured clone; Node's does, as a browser's does.
    vi.stubGlobal('Blob', NodeBlob);
    const ids = await addExampleClaims(db, { fetcher: fromDisk });
    const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const onDisk = readdirSync('assets/examples/evidence').sort();
    expect(onDisk.length).toBeGreaterThanOrEqual(5);
    expect(asked.map((u) => decodeURIComponent(u).split('/').pop()).sort()).toEqual(onDisk);

    const rows = await db.evidence.toArray();
    expect(rows.map((r) => r.fileName).sort()).toEqual(onDisk);
    for (const row of rows) {
      const bytes = new Uint8Array(readFileSync(join('assets/examples/evidence', row.fileName)));
      const stored = new Uint8Array(await row.blob.arrayBuffer());
      expect(sha256(stored), row.fileName).toBe(sha256(bytes));
      expect(row.sha256, row.fileName).toBe(sha256(bytes));
      expect(row.size).toBe(bytes.length);
    }
    // The claims keep their evidence and the links to it, and stay complete.
    const taxi = rows.find((r) => r.fileName === '카카오T_운행내역_2022-10-15.png')!;
    expect(taxi).toMatchObject({ claimId: 'example-taxi-franchise', mimeType: 'image/png', label: '10월 15일 운행 내역 캡처' });
    const merchant = await loadClaim(db, 'example-merchant-best-week');
    if (merchant.status !== 'ready') throw new Error(merchant.status);
    expect(merchant.claim.evidence.map((e) => e.id).sort()).toEqual(['ev-ad-invoice', 'ev-smb-certificate']);
    expect(merchant.claim.directItems.find((i) => i.id === 'undelivered-ads')?.evidenceIds).toEqual(['ev-ad-invoice']);
    for (const id of ids) expect((await loadClaim(db, id)).status, id).toBe('ready');
  });

  it('an evidence file that does not match its listed hash is left out with its links; the claim stays complete', async () => {
    vi.stubGlobal('Blob', NodeBlob);
    const changed = async (url: string) => {
      const bytes = new Uint8Array(readFileSync(join(process.cwd(), decodeURIComponent(url))));
      if (decodeURIComponent(url).endsWith('톡채널_메시지_청구서_2022-10.pdf')) bytes[bytes.length - 10]! ^= 1;
      return new Response(bytes);
    };
    await addExampleClaims(db, { fetcher: changed });
    const merchant = await loadClaim(db, 'example-merchant-best-week');
    if (merchant.status !== 'ready') throw new Error(merchant.status);
    expect(merchant.claim.evidence.map((e) => e.fileName)).toEqual(['소상공인확인서_예시.pdf']);
    expect(merchant.claim.directItems.find((i) => i.id === 'undelivered-ads')?.evidenceIds).toEqual([]);
    expect((await db.evidence.toArray()).map((r) => r.fileName)).not.toContain('톡채널_메시지_청구서_2022-10.pdf');
  });

  it('a new user looks around with the examples: marked in the list and the header, then removed in one confirmed step', async () => {
    const user = userEvent.setup();
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    expect(await screen.findByRole('heading', { name: '아직 신고서가 없어요' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '예시로 둘러보기' }));
    expect(await screen.findByText(`예시 신고서 ${exampleFiles.length}개를 넣었어요. 실제로 신고하지 마세요.`, {}, { timeout: 10_000 })).toBeTruthy();

    await waitFor(() => expect(document.querySelectorAll('.claim-list .claim-item')).toHaveLength(exampleFiles.length));
    for (const item of document.querySelectorAll('.claim-list .claim-item')) expect(within(item as HTMLElement).getByText('예시')).toBeTruthy();
    // The driver example is opened, and the header says it is an example.
    expect(await getSetting(db, 'currentClaimId')).toBe('example-driver-2022');
    const header = document.querySelector<HTMLElement>('.topbar')!;
    await waitFor(() => expect(within(header).getByText('예시')).toBeTruthy());
    expect(header.textContent).toContain('예시: 대리기사');

    // Removing asks first; Cancel keeps them.
    await user.click(screen.getByRole('button', { name: '예시 모두 지우기' }));
    const dialog = screen.getByRole('alertdialog', { name: '예시 신고서를 모두 지울까요?' });
    await user.click(within(dialog).getByRole('button', { name: '취소' }));
    expect(await listClaims(db)).toHaveLength(exampleFiles.length);

    await createClaim(db, { title: '내 가게' });
    await user.click(screen.getByRole('button', { name: '예시 모두 지우기' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '예시 지우기' }));
    expect(await screen.findByText(`예시 신고서 ${exampleFiles.length}개를 지웠어요.`)).toBeTruthy();
    expect((await listClaims(db)).map((c) => c.title)).toEqual(['내 가게']);
    expect(await db.records.count()).toBe(0);
    await waitFor(async () => expect(await getSetting(db, 'currentClaimId')).toBeNull());
    expect(screen.queryByRole('button', { name: '예시 모두 지우기' })).toBeNull();
  });

  it('the offer is only there while there are no claims', async () => {
    await createClaim(db, { title: '내 가게' });
    render(<App opened={{ kind: 'ready', db }} i18n={createI18n('ko')} />);
    expect(await screen.findByRole('heading', { level: 3, name: /내 가게/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '예시로 둘러보기' })).toBeNull();
  });
});
