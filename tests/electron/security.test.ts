import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  decideNavigation,
  decideWindowOpen,
  isPermissionAllowed,
  isRequestAllowed,
  isSafeExternalUrl,
  isTrustedAppUrl,
  resolveAppPath,
} from '../../electron/security';

describe('isTrustedAppUrl', () => {
  it.each([
    ['app://desk/', true],
    ['app://desk/index.html', true],
    ['app://desk', true],
    ['app://desk/assets/index-abc.js?v=1#top', true],
    [APP_ENTRY_URL, true],
    // misleading look-alikes
    ['app://desk.evil.example/', false],
    ['app://evil/', false],
    ['app://deskx/', false],
    ['app://desk:8080/', false],
    ['app://user@desk/', false],
    ['app://desk:pw@desk/', false],
    ['app://evil@desk.evil.example/', false],
    ['app:desk/index.html', false],
    ['app:///desk/index.html', false],
    ['apps://desk/', false],
    ['https://desk/', false],
    ['https://evil.example/?next=app://desk', false],
    ['https://evil.example/#app://desk/', false],
    ['http://localhost.evil.example', false],
    ['http://127.0.0.1:4173/', false],
    ['file:///app/desk/index.html', false],
    ['javascript:alert(1)//app://desk/', false],
    ['data:text/html,<a href="app://desk/">', false],
    ['blob:app://desk/1234', false],
    ['', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isTrustedAppUrl(url)).toBe(expected);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://www.kakaocorp.com/page/service/service', true],
    ['https://kakaocorp.com/', true],
    ['https://cs.kakao.com/helps?service=8', true],
    ['http://www.ccn.go.kr/', true],
    ['https://www.law.go.kr/법령/민법', true],
    ['HTTPS://WWW.KCA.GO.KR/', true],
    // schemes other than http(s)
    ['javascript:alert(1)', false],
    ['JavaScript:alert(document.domain)', false],
    ['file:///etc/passwd', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['app://desk/index.html', false],
    ['app://desk.evil.example/', false],
    ['app://evil/', false],
    ['ftp://kakao.com/', false],
    ['mailto:help@kakao.com', false],
    ['smb://kakao.com/share', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    // hosts that only look like the app or an allowed site
    ['https://evil.example/?next=app://desk', false],
    ['https://evil.example/https://kakao.com/', false],
    ['http://localhost.evil.example', false],
    ['http://localhost:4173/', false],
    ['http://127.0.0.1/', false],
    ['https://kakao.com.evil.example/', false],
    ['https://evilkakao.com/', false],
    ['https://kakao.com@evil.example/', false],
    ['https://app:desk@evil.example', false],
    ['https://user@kakao.com/', false],
    ['https://kakao.com:8443/', false],
    // WHATWG (and Chromium) read `\` as `/` in http(s): this is kakao.com/@evil.example/, and the
    // serialised form handed to the OS says so (tests/electron/window.test.ts)
    ['https://kakao.com\\@evil.example/', true],
    ['//kakao.com/', false],
    ['kakao.com', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });

  it('checks against the host list it is given', () => {
    expect(isSafeExternalUrl('https://docs.example.org/x', ['example.org'])).toBe(true);
    expect(isSafeExternalUrl('https://example.org.evil.example/', ['example.org'])).toBe(false);
    expect(isSafeExternalUrl('https://www.kakaocorp.com/', [])).toBe(false);
  });
});

describe('resolveAppPath', () => {
  const root = path.resolve('/srv/outage-desk/dist');

  it.each([
    ['app://desk/', 'index.html'],
    ['app://desk', 'index.html'],
    ['app://desk/index.html', 'index.html'],
    ['app://desk/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://desk/assets/%ED%95%9C%EA%B8%80.png', 'assets/한글.png'],
    ['app://desk/assets/a%20b.css?x=1#y', 'assets/a b.css'],
    // the URL parser resolves these before we see them: they stay inside dist
    ['app://desk/../../etc/passwd', 'etc/passwd'],
    ['app://desk/%2e%2e/%2e%2e/etc/passwd', 'etc/passwd'],
    ['app://desk/assets/../index.html', 'index.html'],
    // double encoding decodes once, to a harmless literal name
    ['app://desk/%252e%252e%252fetc%252fpasswd', '%2e%2e%2fetc%2fpasswd'],
  ])('%s → dist/%s', (url, relative) => {
    expect(resolveAppPath(root, url)).toBe(path.join(root, relative));
  });

  it.each([
    'app://desk/..%2f..%2fetc%2fpasswd',
    'app://desk/..%2F..%2F..%2Fetc%2Fshadow',
    'app://desk/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://desk/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://desk/..%5c..%5cwindows%5cwin.ini',
    'app://desk/%5c..%5c..%5csecret',
    'app://desk/%2fetc%2fpasswd/..%2f..',
    'app://desk/a%00.html',
    'app://desk/%E0%A4%A', // malformed percent-encoding
    'app://desk/C%3A%5cWindows%5cwin.ini',
    'app://evil/index.html',
    'app://desk.evil.example/index.html',
    'file:///etc/passwd',
    'https://desk/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('holds under Windows path rules too', () => {
    const winRoot = 'C:\\Program Files\\Outage Loss Desk\\resources\\app.asar\\dist';
    expect(resolveAppPath(winRoot, 'app://desk/assets/x.js', path.win32)).toBe(`${winRoot}\\assets\\x.js`);
    for (const url of ['app://desk/..%5c..%5c..%5cWindows%5cwin.ini', 'app://desk/..%2f..%2fWindows', 'app://desk/C:%5cWindows%5cwin.ini']) {
      expect(resolveAppPath(winRoot, url, path.win32)).toBeNull();
    }
    // A UNC-looking name is just nested folders inside dist once its separators are split.
    expect(resolveAppPath(winRoot, 'app://desk/%5c%5cserver%5cshare%5cx', path.win32)).toBe(`${winRoot}\\server\\share\\x`);
    expect(resolveAppPath(winRoot, 'app://desk/..%5c..%5c..%5cWindows%5cwin.ini', path.win32)).toBeNull();
    expect(resolveAppPath(winRoot, 'app://desk/C:%5cWindows%5cwin.ini', path.win32)).toBeNull();
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'fileSystem', 'unknown', 'clipboard-write', 'Clipboard-Sanitized-Write'])(
    'refuses %s, even to the app itself',
    (permission) => {
      expect(isPermissionAllowed(permission, 'app://desk/index.html')).toBe(false);
      expect(isPermissionAllowed(permission, 'app://desk')).toBe(false);
      expect(isPermissionAllowed(permission, 'https://evil.example/')).toBe(false);
    },
  );
});

describe('the clipboard write permission (copy buttons on the export page)', () => {
  it('is granted to the app page only', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://desk/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://desk')).toBe(true);
    for (const url of ['https://evil.example/', 'app://desk.evil.example/', 'app://desk:8080/', 'app://x@desk/', 'https://evil.example/?next=app://desk', 'file:///index.html', '', 'null']) {
      expect(isPermissionAllowed('clipboard-sanitized-write', url), url).toBe(false);
    }
  });
});

describe('navigation and new windows', () => {
  it.each([
    ['app://desk/index.html#/claims', { action: 'allow' }],
    ['app://desk/', { action: 'allow' }],
    ['app://desk.evil.example/', { action: 'deny', openExternally: false }],
    ['app://evil/', { action: 'deny', openExternally: false }],
    ['https://evil.example/?next=app://desk', { action: 'deny', openExternally: false }],
    ['file:///etc/passwd', { action: 'deny', openExternally: false }],
    ['javascript:alert(1)', { action: 'deny', openExternally: false }],
    ['https://www.kakaocorp.com/', { action: 'deny', openExternally: true }],
  ])('will-navigate to %s', (url, expected) => {
    expect(decideNavigation(url)).toEqual(expected);
  });

  it.each([
    ['app://desk/index.html', false],
    ['https://www.kca.go.kr/', true],
    ['https://evil.example/', false],
    ['javascript:window.open()', false],
  ])('window.open(%s) is denied; opened in the browser: %s', (url, external) => {
    expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: external });
  });
});

describe('session requests', () => {
  it.each([
    ['app://desk/assets/index.js', true],
    ['data:image/png;base64,iVBORw0KGgo=', true],
    ['blob:app://desk/0b7c6e1a-2c1f-4f0e-9d55-4a0b9a1e2f3d', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['blob:https://evil.example/0b7c', false],
    ['https://www.kakaocorp.com/', false],
    ['http://127.0.0.1:4173/', false],
    ['ws://127.0.0.1:1234/', false],
    ['file:///etc/passwd', false],
    ['app://evil/x.js', false],
  ])('%s allowed: %s', (url, expected) => {
    expect(isRequestAllowed(url)).toBe(expected);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is pinned', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; frame-src 'none'; " +
        "base-uri 'none'; form-action 'none'",
    );
  });

  it('names no remote origin and never allows inline or eval scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|wss?:/);
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    // 'wasm-unsafe-eval' lets WebAssembly compile (the OCR core) and nothing else: no eval, no inline script.
    expect(scriptSrc).toBe("script-src 'self' 'wasm-unsafe-eval'");
  });
});
