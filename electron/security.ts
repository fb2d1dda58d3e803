import path from 'node:path';

/**
 * Pure security decisions for the shell, each table-tested in tests/electron/security.test.ts.
 * Every URL is judged only after `new URL` parsing, never by string prefix: prefixes are what
 * `https://evil.example/?next=app://desk` and `app://desk.evil.example/` are built to fool.
 */

/** The renderer's privileged scheme and its one fixed host: the app lives at app://desk/. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The Content-Security-Policy sent with every response. Nothing remote: the app works offline and
 * data stays on the machine. 'unsafe-inline' styles only, because React and recharts set style
 * attributes; scripts stay 'self'. Workers may come from blob: (Vite's worker bundling can use them).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // WebAssembly compilation only (the screenshot reader's OCR core, issue 19); still no eval, no inline script.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function parse(url: string): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 8192) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for `app://desk/...` exactly: the app scheme, the fixed host, no port and no user info.
 * (Chromium lower-cases hosts of standard schemes, so `app://DESK/` never reaches us as such; Node's
 * parser keeps the case of a non-special scheme's host, so we compare strictly.)
 */
export function isTrustedAppUrl(url: string): boolean {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  );
}

/**
 * Sites the app may open in the user's browser: official claim channels and references named in
 * shared/domain.md (Kakao and Kakao Mobility, the KCC and KAIT, the consumer agency and 1372, SEMAS,
 * the law and court sites). A host matches itself and its subdomains (`www.kakaocorp.com`).
 * Any other link stays closed: an allowlist is the only rule that refuses a well-formed
 * `https://evil.example/?next=app://desk` that a compromised page could ask us to open.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'kakao.com',
  'kakaocorp.com',
  'kakaomobility.com',
  'kcc.go.kr',
  'kait.or.kr',
  'kca.go.kr',
  'ccn.go.kr',
  'semas.or.kr',
  'law.go.kr',
  'scourt.go.kr',
  'klac.or.kr',
];

/** True for an http(s) link to an allowlisted host, with no user info and the default port. */
export function isSafeExternalUrl(url: string, allowedHosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  const u = parse(url);
  if (u === null) return false;
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  // `https://app:desk@evil.example` reads like the app but goes to evil.example.
  if (u.username !== '' || u.password !== '') return false;
  if (u.port !== '') return false;
  const host = u.hostname.toLowerCase();
  return allowedHosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/**
 * Maps an app:// request to a file inside `rootDir`, or null when the request must be refused.
 * The URL parser already resolves `..` and `%2e%2e` segments; what remains dangerous is an encoded
 * separator (`..%2f..%2fetc%2fpasswd`, `..%5c..%5cwindows`) that only turns into a path after
 * decoding, so the decoded path is resolved and must stay inside `rootDir`.
 * `pathApi` lets the tests run the Windows rules on any machine.
 */
export function resolveAppPath(rootDir: string, requestUrl: string, pathApi: path.PlatformPath = path): string | null {
  if (!isTrustedAppUrl(requestUrl)) return null;
  const u = new URL(requestUrl);
  let decoded: string;
  try {
    decoded = decodeURIComponent(u.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (decoded.includes('\u0000')) return null;
  const segments = decoded.split(/[\\/]+/).filter((s) => s.length > 0);
  // A decoded `..` can only mean an escape attempt: the parser has already resolved honest ones.
  if (segments.some((s) => s === '..' || s === '.')) return null;
  // A drive letter or UNC piece (`C:`) would make the join absolute on Windows.
  if (segments.some((s) => s.includes(':'))) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join(pathApi.sep);
  const root = pathApi.resolve(rootDir);
  const resolved = pathApi.resolve(root, relative);
  const fromRoot = pathApi.relative(root, resolved);
  if (fromRoot === '' || fromRoot.startsWith('..') || pathApi.isAbsolute(fromRoot)) return null;
  return resolved;
}

/**
 * The one permission the app's own page gets: writing sanitized text to the clipboard, for the export page's
 * copy buttons (navigator.clipboard.writeText). Reading the clipboard, camera, location, notifications and
 * the rest stay refused, and nothing is granted to any other origin.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return isTrustedAppUrl(requestingUrl) && ALLOWED_PERMISSIONS.includes(permission);
}

export type NavigationDecision = { action: 'allow' } | { action: 'deny'; openExternally: boolean };

/**
 * will-navigate and will-redirect: the page may move only within app://desk/. Anything else is
 * refused; an allowlisted http(s) link is handed to the user's browser instead.
 */
export function decideNavigation(url: string): NavigationDecision {
  if (isTrustedAppUrl(url)) return { action: 'allow' };
  return { action: 'deny', openExternally: isSafeExternalUrl(url) };
}

/** window.open and target=_blank: never a new Electron window; safe links go to the user's browser. */
export function decideWindowOpen(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) };
}

/**
 * Requests the renderer's session may make: its own app:// files, data: and blob: URLs it created,
 * and DevTools. Everything else (http, https, file, ws ...) is cancelled: the app is offline by design.
 */
export function isRequestAllowed(url: string): boolean {
  const u = parse(url);
  if (u === null) return false;
  if (u.protocol === 'data:' || u.protocol === 'devtools:') return true;
  if (u.protocol === 'blob:') return isTrustedAppUrl(u.pathname); // blob:app://desk/<uuid>
  return isTrustedAppUrl(url);
}
