// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_VERSION, createBrowserBridge, REVEAL_NOT_AVAILABLE_MESSAGE, type BrowserEnvironment } from '../../src/bridge/browser';
import { BridgeError } from '../../src/bridge/contract';
import pkg from '../../package.json';

let blobs: Map<string, Blob>;
let revoked: string[];
let env: BrowserEnvironment;

beforeEach(() => {
  blobs = new Map();
  revoked = [];
  env = {
    document,
    createObjectURL: (blob) => {
      const url = `blob:http://127.0.0.1/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: (url) => revoked.push(url),
    revokeAfterMs: 0,
  };
});
afterEach(() => vi.restoreAllMocks());

describe('saveFile in a browser', () => {
  it('downloads the bytes under the suggested name through a blob URL, then cleans up', async () => {
    const clicked: { href: string; download: string; inDocument: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, inDocument: document.body.contains(this) });
    });
    const bytes = new TextEncoder().encode('일자,건수\n2022-10-15,0\n');
    const result = await createBrowserBridge(env).saveFile({ suggestedName: '청구 자료.csv', bytes });
    expect(result).toEqual({ saved: true });
    expect(clicked).toEqual([{ href: 'blob:http://127.0.0.1/0', download: '청구 자료.csv', inDocument: true }]);
    const blob = blobs.get('blob:http://127.0.0.1/0')!;
    expect(Array.from(new Uint8Array(await blob.arrayBuffer()))).toEqual(Array.from(bytes));
    expect(document.querySelectorAll('a')).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 5));
    expect(revoked).toEqual(['blob:http://127.0.0.1/0']);
  });

  it('refuses a bad name before touching the page', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');
    await expect(createBrowserBridge(env).saveFile({ suggestedName: '../x.csv', bytes: new Uint8Array() })).rejects.toMatchObject({ code: 'invalid-argument' });
    expect(click).not.toHaveBeenCalled();
  });
});

describe('openFiles in a browser', () => {
  function pickOnClick(files: File[] | 'cancel') {
    const seen: { accept: string; multiple: boolean }[] = [];
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      seen.push({ accept: this.accept, multiple: this.multiple });
      if (files === 'cancel') {
        this.dispatchEvent(new Event('cancel'));
        return;
      }
      Object.defineProperty(this, 'files', { value: files, configurable: true });
      this.dispatchEvent(new Event('change'));
    });
    return seen;
  }

  it('reads the picked files through a hidden file input', async () => {
    const seen = pickOnClick([new File(['a,b\n1,2\n'], '매출.csv'), new File([new Uint8Array([1, 2, 3])], 'calls.CSV')]);
    const files = await createBrowserBridge(env).openFiles({ accept: ['csv'], multiple: true });
    expect(seen).toEqual([{ accept: '.csv', multiple: true }]);
    expect(files.map((f) => [f.name, f.size, f.path])).toEqual([
      ['매출.csv', 8, undefined],
      ['calls.CSV', 3, undefined],
    ]);
    expect(new TextDecoder().decode(files[0].bytes)).toBe('a,b\n1,2\n');
    expect(document.querySelectorAll('input')).toHaveLength(0);
  });

  it('refuses a file over the cap, naming it, and reads none', async () => {
    pickOnClick([new File(['ok'], 'small.csv'), new File([new Uint8Array(2048)], '큰 파일.csv')]);
    const error = await createBrowserBridge(env).openFiles({ multiple: true, maxBytes: 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeError);
    expect(error).toMatchObject({
      code: 'file-too-large',
      message: '파일이 너무 커요: 큰 파일.csv (2.0 KB, 최대 1.0 KB) / File too large: 큰 파일.csv (2.0 KB, limit 1.0 KB)',
    });
  });

  it('refuses a file type outside accept', async () => {
    pickOnClick([new File(['MZ'], 'payload.exe')]);
    await expect(createBrowserBridge(env).openFiles({ accept: ['csv', 'xlsx'] })).rejects.toMatchObject({ code: 'file-type-not-allowed' });
  });

  it('resolves [] when the picker is cancelled, and keeps one file unless multiple', async () => {
    pickOnClick('cancel');
    expect(await createBrowserBridge(env).openFiles()).toEqual([]);
    vi.restoreAllMocks();
    pickOnClick([new File(['1'], 'a.csv'), new File(['2'], 'b.csv')]);
    expect((await createBrowserBridge(env).openFiles()).map((f) => f.name)).toEqual(['a.csv']);
  });
});

describe('appInfo and revealFile in a browser', () => {
  it('reports the package version and no data folder', async () => {
    expect(APP_VERSION).toBe(pkg.version);
    expect(await createBrowserBridge(env).appInfo()).toEqual({ name: 'Outage Loss Desk', version: pkg.version, platform: 'web', isElectron: false });
  });

  it('revealFile throws a not-available BridgeError the UI can show as is', async () => {
    const error = await createBrowserBridge(env).revealFile({ path: '/home/user/claim.zip' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeError);
    expect(error).toMatchObject({ code: 'not-available', text: REVEAL_NOT_AVAILABLE_MESSAGE });
    expect((error as BridgeError).message).toMatch(/^[^/]*[가-힣].* \/ Showing a file/);
    expect(REVEAL_NOT_AVAILABLE_MESSAGE.en).toMatch(/^Showing a file/);
  });
});
