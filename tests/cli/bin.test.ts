import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { promisify } from 'node:util';

/**
 * The `outage-desk` bin runs the prebuilt bundle (dist-cli/), not TypeScript through tsx: it must answer
 * exactly as `npm run cli` (tsx over src/cli) does. The bundle here is built into a folder of its own
 * inside the project (so package.json is found above it, as for dist-cli/), never over dist-cli/.
 */

const ROOT = join(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'assets', 'examples', 'driver-2022.claim.json');
const NOW = '2022-11-01T09:00+09:00';

function node(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the prebuilt CLI bundle', () => {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const outDir = mkdtempSync(join(ROOT, '.tmp', 'cli-bundle-'));
  const work = mkdtempSync(join(tmpdir(), 'cli-bin-'));
  // The real build script, as `npm run build:cli` runs it.
  const built = promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs'), '--outdir', outDir], { cwd: ROOT });

  it('gives the same estimate as the TypeScript sources, started from another folder', async () => {
    await built;
    const main = join(outDir, 'main.js');
    expect(readFileSync(main, 'utf8')).not.toContain('tsx');
    const bundled = node([main, 'estimate', EXAMPLE, '--json'], work);
    const sources = node(['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'estimate', EXAMPLE, '--json']);
    expect(bundled.err).toBe('');
    expect(bundled.code).toBe(0);
    expect(JSON.parse(bundled.out).claimTotal).toBe(224_490);
    expect(bundled.out).toBe(sources.out);
  }, 120_000);

  it('a rebuild removes the chunks an older build left, and only those', async () => {
    await built;
    const chunks = () => readdirSync(outDir).filter((name) => name.startsWith('chunk-')).sort();
    const current = chunks();
    expect(current.length).toBeGreaterThan(3);
    writeFileSync(join(outDir, 'chunk-OLDBUILD7.js'), 'export {};\n');
    writeFileSync(join(outDir, 'notes.txt'), 'not a chunk');
    await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs'), '--outdir', outDir], { cwd: ROOT });
    expect(chunks()).toEqual(current);
    expect(existsSync(join(outDir, 'notes.txt'))).toBe(true);
    const again = node([join(outDir, 'main.js'), 'estimate', EXAMPLE, '--json'], work);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).claimTotal).toBe(224_490);
  }, 120_000);

  it('runs a batch on its worker pool (plain JavaScript workers) with the app version from package.json', async () => {
    await built;
    const main = join(outDir, 'main.js');
    expect(node([main, 'synth', '--members', '12', '--seed', '5', '--out', join(work, 'synth'), '--no-pdf']).code).toBe(0);
    const r = node([main, 'batch', join(work, 'synth', 'packets'), '--out', join(work, 'out'), '--now', NOW, '--threads', '2'], work);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('스레드 2개');
    const manifest = JSON.parse(readFileSync(join(work, 'out', 'batch-manifest.json'), 'utf8'));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.app.version).toBe(pkg.version);
    expect(manifest.counts.invalid).toBe(0);
  }, 120_000);

  it('bad input still exits 2 with the file named, no stack trace', async () => {
    await built;
    const r = node([join(outDir, 'main.js'), 'estimate', join(work, 'missing.claim.json')], work);
    expect(r.code).toBe(2);
    expect(r.err).toContain('missing.claim.json');
    expect(r.err).not.toContain('    at ');
  }, 60_000);

  it('bin/outage-desk.mjs builds the bundle on its first run when dist-cli/ is missing, then runs it', () => {
    // A copy of the project's layout (bin, scripts, package.json; src, assets and node_modules linked) with
    // no dist-cli/, so the real one is never removed under other tests.
    const copy = mkdtempSync(join(ROOT, '.tmp', 'cli-first-run-'));
    for (const dir of ['bin', 'scripts']) mkdirSync(join(copy, dir));
    copyFileSync(join(ROOT, 'bin', 'outage-desk.mjs'), join(copy, 'bin', 'outage-desk.mjs'));
    copyFileSync(join(ROOT, 'scripts', 'build-cli.mjs'), join(copy, 'scripts', 'build-cli.mjs'));
    copyFileSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    for (const dir of ['src', 'assets', 'node_modules']) symlinkSync(join(ROOT, dir), join(copy, dir), 'dir');
    const first = node([join(copy, 'bin', 'outage-desk.mjs'), 'estimate', EXAMPLE, '--json'], work);
    expect(first.code).toBe(0);
    expect(first.err).toContain('first run: building the CLI bundle');
    expect(JSON.parse(first.out).claimTotal).toBe(224_490);
    expect(existsSync(join(copy, 'dist-cli', 'main.js'))).toBe(true);
    const second = node([join(copy, 'bin', 'outage-desk.mjs'), 'estimate', EXAMPLE, '--json'], work);
    expect(second.err).toBe('');
    expect(second.out).toBe(first.out);
    rmSync(copy, { recursive: true, force: true });
  }, 120_000);

  it.sequential('cleans up', () => {
    rmSync(outDir, { recursive: true, force: true });
  });
});
