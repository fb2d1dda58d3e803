// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setBridgeForTests } from '../../src/bridge';
import { createMemoryBridge } from '../../src/bridge/memory';
import { headlineOf } from '../../src/core/packet/headline';
import { describeClaim } from '../../src/core/packet/facts';
import { fillFormFields } from '../../src/core/packet/form';
import { findChannelProfile } from '../../src/core/packet/profiles';
import { addEvidenceFile, createClaim, loadClaim, setSetting } from '../../src/db';
import type { OutageDeskDB } from '../../src/db';
import ExportPage from '../../src/ui/pages/ExportPage';
import { freshDb, openExample, pdfBytes, renderPage } from './evidence-helpers';

let db: OutageDeskDB;

beforeEach(async () => {
  setBridgeForTests(createMemoryBridge());
  db = await freshDb('export');
});
afterEach(() => {
  cleanup();
  db.close();
  setBridgeForTests(null);
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** The form texts the packet module makes for a stored claim: what the page must show, character for character. */
async function expectedFields(claimId: string, channel: string) {
  const loaded = await loadClaim(db, claimId);
  if (loaded.status !== 'ready') throw new Error('claim not ready');
  const profile = findChannelProfile(channel)!;
  const description = describeClaim(loaded.claim, profile, new Set());
  return fillFormFields(profile, description.facts, description.choiceContext);
}

function fieldCard(label: string): HTMLElement {
  return screen.getByRole('heading', { level: 3, name: new RegExp(`^${label}`) }).closest('li')!;
}

describe('export page', () => {
  it('offers every channel, starts with the one that fits the claimant, and shows each field with its length and limit', async () => {
    const user = userEvent.setup();
    const claimId = await openExample(db, 'taxi-franchise.claim.json');
    renderPage(ExportPage, db);
    const chooser = await screen.findByRole('group', { name: '어디에 신고하나요' });
    const radios = within(chooser).getAllByRole('radio');
    expect(radios.length).toBeGreaterThanOrEqual(5);
    expect((within(chooser).getByRole('radio', { name: /카카오모빌리티|Kakao Mobility|택시/ }) as HTMLInputElement).checked).toBe(true);

    // One headline, chosen by the channel, and the sentence that relates the other figures to it (as on page 1 of the PDF).
    const taxiProfile = findChannelProfile('kakao-mobility-2022-taxi')!;
    const loadedTaxi = await loadClaim(db, claimId);
    if (loadedTaxi.status !== 'ready') throw new Error('claim not ready');
    const taxiHeadline = headlineOf(describeClaim(loadedTaxi.claim, taxiProfile, new Set()).report, taxiProfile);
    expect((await screen.findByTestId('headline-explanation')).textContent).toBe(taxiHeadline.explanation.ko);
    expect(taxiHeadline.explanation.ko).toContain('장애 시간의 수입을 한 주 전 같은 시간과 비교해요');

    await user.click(within(chooser).getByRole('radio', { name: /카카오 피해 접수 양식/ }));
    const fields = await expectedFields(claimId, 'kakao-2022-form');
    const content = fields.find((f) => f.id === 'content')!;
    expect(content.text.length).toBeGreaterThan(200);
    const card = await waitFor(() => fieldCard('내용'));
    expect(within(card).getByTestId('field-length').textContent).toBe(`${content.text.length} / 2000자`);
    expect(card.querySelector('.form-text')!.textContent).toBe(content.text);
    // Kakao never published its limits: the page says where the limit comes from.
    expect(within(card).getByText('글자 수 제한: 양식이 제한을 밝히지 않아 넉넉히 잡은 값')).toBeTruthy();

    const title = fields.find((f) => f.id === 'title')!;
    expect(within(fieldCard('제목')).getByTestId('field-length').textContent).toBe(`${title.text.length} / 100자`);
    // A driver's damage went under 기타 서비스.
    expect(within(fieldCard('문의 분류')).getByText('고를 것: 기타 서비스')).toBeTruthy();
    // Consent is something the person does; there is nothing to copy.
    expect(within(fieldCard('개인정보 수집·이용 동의')).queryByRole('button', { name: /복사/ })).toBeNull();
    expect(within(fieldCard('개인정보 수집·이용 동의')).getByText('양식에서 직접 동의에 체크해야 해요.')).toBeTruthy();
  });

  it('copies a field with one click and says so', async () => {
    const user = userEvent.setup();
    const claimId = await openExample(db, 'merchant-best-week.claim.json');
    renderPage(ExportPage, db);
    await user.click(await screen.findByRole('radio', { name: /카카오 피해 접수 양식/ }));
    const title = (await expectedFields(claimId, 'kakao-2022-form')).find((f) => f.id === 'title')!;
    const button = await screen.findByRole('button', { name: '복사: 제목' });
    await user.click(button);
    expect(await navigator.clipboard.readText()).toBe(title.text);
    expect(button.textContent).toBe('복사했어요');
  });

  it('falls back to execCommand when the Clipboard API is refused', async () => {
    const user = userEvent.setup();
    await openExample(db, 'merchant-best-week.claim.json');
    renderPage(ExportPage, db);
    await user.click(await screen.findByRole('radio', { name: /카카오 피해 접수 양식/ }));
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    let copied = '';
    document.execCommand = vi.fn((command: string) => {
      const area = document.activeElement as HTMLTextAreaElement;
      copied = command === 'copy' ? area.value.slice(area.selectionStart, area.selectionEnd) : '';
      return true;
    });
    const button = await screen.findByRole('button', { name: '복사: 이메일' });
    await user.click(button);
    await waitFor(() => expect(button.textContent).toBe('복사했어요'));
    expect(copied).toBe('shop@example.com');
    // The hidden textarea is gone and focus is back on the button.
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('lists what is missing for the channel, each with a link to where it is fixed, and updates as evidence is labelled', async () => {
    const claimId = await openExample(db, 'merchant-best-week.claim.json');
    renderPage(ExportPage, db);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: /소상공인/ }));
    const list = await screen.findByRole('list', { name: '내보내기 전에 채울 것' });
    const item = (text: RegExp) => within(list).getAllByRole('listitem').find((li) => text.test(li.textContent ?? ''));

    const certificate = await waitFor(() => item(/서류가 없어요: 소상공인 확인서/)!);
    expect(within(certificate).getByRole('link', { name: '증빙에서 고치기' }).getAttribute('href')).toBe('#/evidence');
    expect(within(item(/예시 청구예요/)!).getByRole('link', { name: '신고인에서 고치기' }).getAttribute('href')).toBe('#/claimant');
    // English halves are not shown to a Korean reader.
    expect(list.textContent).not.toContain('missing document');

    await addEvidenceFile(db, claimId, { name: '확인서.pdf', type: 'application/pdf', bytes: pdfBytes }, { label: 'smb-certificate', provenance: 'at-the-time' });
    await waitFor(() => expect(item(/서류가 없어요: 소상공인 확인서/)).toBeUndefined());
    expect(item(/서류가 없어요: 통장 사본/)).toBeTruthy();
    const documents = screen.getByRole('heading', { name: '첨부할 서류' }).nextElementSibling as HTMLElement;
    expect(within(documents).getByText('소상공인 확인서').closest('li')!.className).toBe('is-present');
  });

  it('sends an incomplete claim back to the step that fixes it', async () => {
    const row = await createClaim(db, { title: '판교 치킨' });
    await setSetting(db, 'currentClaimId', row.id);
    renderPage(ExportPage, db);
    expect(await screen.findByRole('heading', { name: '신고서를 아직 다 채우지 않았어요' })).toBeTruthy();
    const links = screen.getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(links).toContain('#/claimant');
    expect(links).toContain('#/incident');
    expect(screen.queryByRole('button', { name: '증빙 묶음 만들기' })).toBeNull();
  });

  it('reads in English, with the English half of each message', async () => {
    await openExample(db, 'merchant-best-week.claim.json');
    renderPage(ExportPage, db, 'en');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: /Kakao small-business/i }));
    const list = await screen.findByRole('list', { name: 'To fill in before export' });
    expect(list.textContent).toContain('missing document');
    expect(list.textContent).not.toContain('서류가 없어요');
    expect(screen.getByRole('button', { name: 'Build the evidence packet' })).toBeTruthy();
  });
});

describe('building the packet (the worker run in-process: jsdom has no Web Worker)', () => {
  // Stands in only for the Worker boundary: the same job the real worker runs, with the fonts read from disk.
  async function installInProcessWorker() {
    const { readFileSync } = await import('node:fs');
    const { createRequire } = await import('node:module');
    const { runPacketJob } = await import('../../src/ui/export/packet-job');
    const require = createRequire(import.meta.url);
    const fonts = {
      regular: new Uint8Array(readFileSync(require.resolve('@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf'))),
      bold: new Uint8Array(readFileSync(require.resolve('@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf'))),
    };
    class InProcessWorker {
      onmessage: ((e: { data: unknown }) => void) | null = null;
      onerror: ((e: unknown) => void) | null = null;
      terminated = false;
      postMessage(data: Parameters<typeof runPacketJob>[0]) {
        void runPacketJob(data, async () => fonts, (m) => {
          if (!this.terminated) this.onmessage?.({ data: m });
        });
      }
      terminate() {
        this.terminated = true;
      }
    }
    vi.stubGlobal('Worker', InProcessWorker);
    // jsdom's Blob does not survive fake-indexeddb's structured clone (Node's does, as a browser's does in IndexedDB).
    const { Blob: NodeBlob } = await import('node:buffer');
    vi.stubGlobal('Blob', NodeBlob);
  }

  it('in Electron: builds, saves through the bridge, shows the path and reveals it', async () => {
    await installInProcessWorker();
    const bridge = createMemoryBridge({ isElectron: true, version: '1.2.3' });
    setBridgeForTests(bridge);
    const claimId = await openExample(db, 'taxi-franchise.claim.json');
    await addEvidenceFile(db, claimId, { name: '운행내역.pdf', type: 'application/pdf', bytes: pdfBytes }, { label: 'trip-history', provenance: 'at-the-time' });
    renderPage(ExportPage, db);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '증빙 묶음 만들기' }));
    expect(await screen.findByText('묶음을 저장했어요', {}, { timeout: 60_000 })).toBeTruthy();
    expect(bridge.saved).toHaveLength(1);
    const saved = bridge.saved[0]!;
    expect(saved.name).toMatch(/-kakao-mobility-2022-taxi\.zip$/);
    const { verifyPacket } = await import('../../src/core/packet/verify');
    const verified = await verifyPacket(saved.bytes);
    expect(verified.ok).toBe(true);
    expect(verified.manifest!.app.version).toBe('1.2.3');
    expect(verified.manifest!.files.map((f) => f.path)).toContain('evidence/운행내역.pdf');
    expect(screen.getByText(`저장한 곳: /memory/${saved.name}`)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '폴더에서 보기' }));
    expect(bridge.revealed).toEqual([`/memory/${saved.name}`]);
  }, 90_000);

  it('in the browser: says the download started, with no reveal button', async () => {
    await installInProcessWorker();
    const bridge = createMemoryBridge({ isElectron: false });
    setBridgeForTests(bridge);
    await openExample(db, 'merchant-best-week.claim.json');
    renderPage(ExportPage, db);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '증빙 묶음 만들기' }));
    expect(await screen.findByText(/내려받기를 시작했어요/, {}, { timeout: 60_000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '폴더에서 보기' })).toBeNull();
    // The merchant's first channel is the pack's channel whose rule applies to it (the small-business documents).
    expect(bridge.saved[0]!.name).toMatch(/-kakao-2022-smb-documents\.zip$/);
  }, 90_000);
});
