import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => ({ protocol: electron.protocol }));

const { createAppRequestHandler, registerAppSchemeAsPrivileged, handleAppProtocol } = await import('../../electron/protocol');
const { CONTENT_SECURITY_POLICY } = await import('../../electron/security');

// A real dist/ folder with a secret beside it: the handler must serve the first and never the second.
let base: string;
let dist: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'desk-protocol-'));
  dist = path.join(base, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(path.join(dist, 'assets', 'index-abc.js'), 'console.log("app")');
  writeFileSync(path.join(dist, 'assets', 'style.css'), 'body{}');
  writeFileSync(path.join(dist, 'assets', '한글 글꼴.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(path.join(base, 'secret.txt'), 'TOP SECRET');
  mkdirSync(path.join(base, 'private'));
  writeFileSync(path.join(base, 'private', 'secret.js'), 'TOP SECRET');
  // Links planted inside dist/: to a file outside, to a folder outside, and even to a file and a folder inside.
  symlinkSync(path.join(base, 'secret.txt'), path.join(dist, 'secret.txt'));
  symlinkSync(path.join(base, 'secret.txt'), path.join(dist, 'assets', 'leak'));
  symlinkSync(path.join(base, 'private'), path.join(dist, 'linked'));
  symlinkSync(path.join(dist, 'assets', 'index-abc.js'), path.join(dist, 'alias.js'));
  symlinkSync(path.join(dist, 'assets'), path.join(dist, 'assets-alias'));
  handler = createAppRequestHandler(dist);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// handler', () => {
  it('serves the entry page and assets with their types and the CSP', async () => {
    const index = await get('app://desk/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<title>desk</title>');

    const script = await get('app://desk/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("app")');

    const font = await get('app://desk/assets/%ED%95%9C%EA%B8%80%20%EA%B8%80%EA%BC%B4.woff2');
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  });

  it.each([
    'app://desk/../secret.txt',
    'app://desk/%2e%2e/secret.txt',
    'app://desk/..%2fsecret.txt',
    'app://desk/..%2Fsecret.txt',
    'app://desk/assets/..%2f..%2fsecret.txt',
    'app://desk/..%5csecret.txt',
    'app://desk/%2e%2e%2fsecret.txt',
    'app://desk/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://evil/index.html',
    'app://desk.evil.example/index.html',
  ])('never serves outside dist: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('TOP SECRET');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    ['a link to a file outside', 'app://desk/secret.txt'],
    ['a link without an extension (no index.html fallback either)', 'app://desk/assets/leak'],
    ['a path through a linked folder outside', 'app://desk/linked/secret.js'],
    ['a link to a file inside', 'app://desk/alias.js'],
    ['a path through a linked folder inside', 'app://desk/assets-alias/index-abc.js'],
  ])('refuses a path that is, or passes through, a symlink: %s', async (_what, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain('TOP SECRET');
    expect(body).not.toContain('console.log');
    expect(body).not.toContain('<title>desk</title>');
  });

  it('serves the OCR engine\'s files (worker, WebAssembly core, both models) and the pre-module script byte for byte, typed for nosniff', async () => {
    // The files the screenshot reader loads inside the shell, from the packages the build copies them from.
    const { OCR_ASSETS } = await import('../../scripts/ocr-assets');
    mkdirSync(path.join(dist, 'ocr'), { recursive: true });
    const files: [string, Buffer][] = Object.entries(OCR_ASSETS).map(([name, from]) => [`ocr/${name}`, readFileSync(from())]);
    files.push(['zod-jitless.js', readFileSync('public/zod-jitless.js')]);
    for (const [name, bytes] of files) writeFileSync(path.join(dist, name), bytes);
    for (const [name, bytes] of files) {
      const response = await get(`app://desk/${name}`);
      expect(response.status, name).toBe(200);
      // With nosniff, a worker or classic script must come as JavaScript; the models are plain bytes.
      expect(response.headers.get('content-type'), name).toBe(name.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/octet-stream');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes), name).toBe(true);
    }
  });

  it('still serves an app folder that itself sits behind a link', async () => {
    const linkedDist = path.join(base, 'dist-link');
    symlinkSync(dist, linkedDist);
    const viaLink = createAppRequestHandler(linkedDist);
    const script = await viaLink(new Request('app://desk/assets/index-abc.js'));
    expect(script.status).toBe(200);
    expect(await script.text()).toBe('console.log("app")');
    expect((await viaLink(new Request('app://desk/linked/secret.js'))).status).toBe(404);
  });

  it('puts the CSP and nosniff on every response, errors included', async () => {
    for (const response of [await get('app://desk/'), await get('app://desk/missing.js'), await get('app://desk/', 'POST')]) {
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers 404 for a missing asset, 405 for POST, and an empty body for HEAD', async () => {
    expect((await get('app://desk/assets/missing.js')).status).toBe(404);
    expect((await get('app://desk/assets')).status).toBe(200); // a folder is not served: no extension → the app
    expect((await get('app://desk/', 'POST')).status).toBe(405);
    const head = await get('app://desk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('falls back to index.html for an in-app route, not for a missing file', async () => {
    const route = await get('app://desk/claims/new');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>desk</title>');
    expect((await get('app://desk/claims/new.png')).status).toBe(404);
  });
});

describe('scheme registration', () => {
  it('registers app:// as a standard, secure scheme and the handler on it', () => {
    registerAppSchemeAsPrivileged();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    handleAppProtocol(dist);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
