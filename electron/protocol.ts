import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, resolveAppPath } from './security';

/**
 * The renderer is served from app://desk/ out of the built `dist/` folder, never from file://
 * (file:// pages get extra privileges and share one origin with every file on the disk).
 */

/** standard: real origin and relative URLs; secure: counts as a secure context like https. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

/** Must run before `app` is ready: Chromium fixes its scheme table at startup. */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every app:// response, errors included. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
}

async function readFileOrNull(filePath: string): Promise<Uint8Array | null> {
  try {
    return await readFile(filePath);
  } catch {
    return null; // missing, a folder, or unreadable: all answer 404
  }
}

// The callback forms, looked up at call time: those are the ones Electron's asar support patches.
const lstatOf = (p: string) => new Promise<fs.Stats>((resolve, reject) => fs.lstat(p, (err, st) => (err ? reject(err) : resolve(st))));
const realpathOf = (p: string) => new Promise<string>((resolve, reject) => fs.realpath(p, (err, real) => (err ? reject(err) : resolve(real))));

function isInside(root: string, target: string): boolean {
  const fromRoot = path.relative(root, target);
  return fromRoot !== '' && !fromRoot.startsWith('..') && !path.isAbsolute(fromRoot);
}

/**
 * 'missing' when some part of the path does not exist (the caller may fall back to index.html),
 * 'refused' when the path is, or passes through, a symlink, or its real path leaves the app folder:
 * nothing in dist/ is a link, so one planted there (or a folder swapped for one) is never followed.
 */
async function checkRealPath(root: string, filePath: string): Promise<'ok' | 'missing' | 'refused'> {
  const resolvedRoot = path.resolve(root);
  let current = resolvedRoot;
  for (const segment of path.relative(resolvedRoot, filePath).split(path.sep)) {
    current = path.join(current, segment);
    try {
      if ((await lstatOf(current)).isSymbolicLink()) return 'refused';
    } catch {
      return 'missing';
    }
  }
  try {
    // The app folder itself may sit behind a link (an install folder, a home on another disk); only what is below it may not.
    return isInside(await realpathOf(resolvedRoot), await realpathOf(filePath)) ? 'ok' : 'refused';
  } catch {
    return 'missing';
  }
}

/**
 * The app:// handler, separate from Electron so it is tested with real files and real Requests.
 * A path without an extension that does not exist falls back to index.html, so a reload on an
 * in-app route still opens the app.
 */
export function createAppRequestHandler(distDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
    const filePath = resolveAppPath(distDir, request.url);
    if (filePath === null) return plain(404, 'Not Found');
    const real = await checkRealPath(distDir, filePath);
    if (real === 'refused') return plain(404, 'Not Found');
    let servedPath = filePath;
    let body = real === 'ok' ? await readFileOrNull(filePath) : null;
    if (body === null && path.extname(filePath) === '') {
      servedPath = path.join(path.resolve(distDir), 'index.html');
      body = await readFileOrNull(servedPath);
    }
    if (body === null) return plain(404, 'Not Found');
    const headers = { ...securityHeaders(), 'Content-Type': contentTypeFor(servedPath) };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Registers the handler on the default session; call once `app` is ready. */
export function handleAppProtocol(distDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(distDir));
}
