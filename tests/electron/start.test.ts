import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * scripts/start.mjs in a throwaway project whose node_modules/electron is shaped like the real one
 * (index.js throws when path.txt is missing, exactly like electron's) but whose install.js is a
 * fixture: nothing is downloaded and no real Electron can be launched by accident.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const fixtures = path.join(import.meta.dirname, 'fixtures');
let project: string;
let electronDir: string;

beforeEach(() => {
  project = mkdtempSync(path.join(tmpdir(), 'desk-start-'));
  mkdirSync(path.join(project, 'scripts'));
  for (const file of ['start.mjs', 'run.mjs']) copyFileSync(path.join(root, 'scripts', file), path.join(project, 'scripts', file));
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'start-fixture', type: 'module', main: 'dist-electron/main.js' }));
  electronDir = path.join(project, 'node_modules', 'electron');
  mkdirSync(electronDir, { recursive: true });
  writeFileSync(path.join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }));
  // The real node_modules/electron/index.js, so "binary missing" is detected exactly as on a user's machine.
  copyFileSync(path.join(root, 'node_modules', 'electron', 'index.js'), path.join(electronDir, 'index.js'));
  copyFileSync(path.join(fixtures, 'fake-electron-install.cjs'), path.join(electronDir, 'install.js'));
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

function start(env: Record<string, string>, flags: string[] = []) {
  return spawnSync(process.execPath, [path.join(project, 'scripts', 'start.mjs'), '--no-build', ...flags], {
    cwd: project,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_RUN_AS_NODE: '1', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('npm start', () => {
  it('runs electron’s install.js when the binary is missing, then explains `npm run web` in Korean and English and exits non-zero', () => {
    const result = start({ FAKE_INSTALL: 'fail' });
    expect(result.status).toBe(1);
    const ran = JSON.parse(readFileSync(path.join(electronDir, 'install-ran.json'), 'utf8'));
    expect(ran.skipVar).toBeNull(); // the user asked for the desktop app: the CI skip flag is not passed on
    expect(result.stderr).toContain('Electron 실행 파일이 없어서 데스크톱 앱을 열 수 없어요.');
    expect(result.stderr).toContain('The Electron binary is missing, so the desktop app cannot open.');
    expect(result.stderr.match(/npm run web/g)?.length).toBeGreaterThanOrEqual(2);
    expect(result.stderr).toContain('install.js failed with exit code 1');
    // The message only: install.js's raw network trace is kept back, and the way to see it is named.
    expect(result.stderr + result.stdout).not.toMatch(/ECONNREFUSED|ClientRequest|socketErrorListener/);
    expect(result.stderr).toContain('npm start -- --verbose');
  });

  it('shows install.js’s own trace behind --verbose, then the same message', () => {
    const result = start({ FAKE_INSTALL: 'fail' }, ['--verbose']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('HTTPError: RequestError: connect ECONNREFUSED (fake)');
    expect(result.stderr).toContain('at ClientRequest.<anonymous>');
    expect(result.stderr).toContain('The Electron binary is missing, so the desktop app cannot open.');
    expect(result.stderr).not.toContain('npm start -- --verbose');
  });

  it('launches the binary install.js provided, on this project, without ELECTRON_RUN_AS_NODE, passing its exit code', () => {
    const result = start({ FAKE_INSTALL: 'succeed' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(7);
    const launched = JSON.parse(readFileSync(path.join(electronDir, 'launched.json'), 'utf8'));
    expect(launched).toEqual({ args: [project], runAsNode: null });
  });

  it('says what to do when the electron package itself is absent, without trying to install', () => {
    rmSync(electronDir, { recursive: true, force: true });
    const result = start({});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npm run web');
    expect(result.stderr).toContain('the electron package is not installed');
    expect(existsSync(path.join(electronDir, 'install-ran.json'))).toBe(false);
  });
});
