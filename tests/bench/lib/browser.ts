/**
 * Browser figures: the renderer built once (with the bench page as an extra input) into the run's temp
 * dir, served by `vite preview` on its own port (BENCH_PORT, else 4399; or the next free one), driven by playwright-core
 * in the machine's Chromium. Nothing here touches dist/ or port 4173, which the e2e tests use.
 */
import { readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import type { Figure } from './report';
import { gridFigures } from './grid';
import { ROOT } from './inputs';

type ChromiumModule = { findChromium: () => string | null; chromiumArgs: string[] };

export type BrowserSizes = { renderRuns: number; bulkPutRows: number; bulkPutRuns: number; gridDays: number };

/** The app's heading, its nav and the claims list's answer (empty state or the list) are all on screen. */
const USABLE_PROBE = `(() => {
  const usable = () =>
    document.querySelector('nav.sidenav a[href]') &&
    document.querySelector('main h1') &&
    document.querySelector('section[aria-labelledby="claims-list-title"] :is(.empty-state, .claim-list)');
  const seen = () => {
    if (window.__deskUsable !== undefined || !usable()) return false;
    const inDom = performance.now();
    window.__deskUsable = null;
    // The next frame after the DOM has it: painted, and the main thread free to take input.
    requestAnimationFrame(() => setTimeout(() => { window.__deskUsable = { inDom, painted: performance.now() }; }, 0));
    return true;
  };
  new MutationObserver((_, observer) => { if (seen()) observer.disconnect(); })
    .observe(document, { childList: true, subtree: true });
})();`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The JavaScript index.html loads before the first screen: its module script and every modulepreload. */
function firstScreenJs(outDir: string): Figure {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  if (files.length === 0) throw new Error('index.html loads no assets/*.js: the probe no longer matches the build');
  const bytes = files.reduce((sum, f) => sum + statSync(join(outDir, f)).size, 0);
  return { key: 'firstScreenJsBytes', label: 'JavaScript the first screen loads (index.html\'s module script and modulepreloads)', value: bytes, unit: 'B', note: `${files.length} files` };
}

export type BrowserRun = { figures: Figure[]; chromiumVersion: string };

export async function browserFigures(sizes: BrowserSizes, tmp: string, log: (s: string) => void): Promise<BrowserRun> {
  const { findChromium, chromiumArgs } = (await import(pathToFileURL(join(ROOT, 'scripts', 'chromium.mjs')).href)) as ChromiumModule;
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)');

  const outDir = join(tmp, 'renderer');
  const configFile = join(ROOT, 'vite.config.ts');
  log(`building the renderer into ${outDir}`);
  await build({
    configFile,
    root: ROOT,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      rolldownOptions: { input: { main: join(ROOT, 'index.html'), bench: join(ROOT, 'tests', 'bench', 'page', 'bulk-put.html') } },
    },
  });
  const server = await preview({ configFile, root: ROOT, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: Number(process.env.BENCH_PORT) || 4399, strictPort: false } });
  try {
    const base = server.resolvedUrls?.local[0];
    if (!base) throw new Error('vite preview did not report a URL');
    let chromiumVersion = '';
    let profiles = 0;
    // Every run gets a fresh profile on disk, as Electron's first launch has: a cold HTTP cache, no
    // database yet, and IndexedDB writing to real files (an incognito context keeps it in memory).
    const withFreshProfile = async <T>(run: (page: Page) => Promise<T>): Promise<T> => {
      const context = await chromium.launchPersistentContext(join(tmp, `profile-${++profiles}`), {
        executablePath,
        args: chromiumArgs,
        locale: 'ko-KR',
        timezoneId: 'Asia/Seoul',
      });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        if (!chromiumVersion) {
          // A persistent context has no Browser object to ask, and the user agent hides the minor version.
          const cdp = await context.newCDPSession(page);
          const { product } = await cdp.send('Browser.getVersion');
          chromiumVersion = product.replace(/^\D*\//, '');
          await cdp.detach();
        }
        return await run(page);
      } finally {
        await context.close();
      }
    };

    const renders: number[] = [];
    for (let i = 0; i < sizes.renderRuns; i++) {
      renders.push(
        await withFreshProfile(async (page) => {
          await page.addInitScript(USABLE_PROBE);
          await page.goto(`${base}#/claimant`);
          await page.waitForFunction(() => (window as { __deskUsable?: unknown }).__deskUsable, null, { timeout: 30_000 });
          const mark = await page.evaluate(() => (window as unknown as { __deskUsable: { inDom: number; painted: number } }).__deskUsable);
          // Prove the screen is the Korean first page, not an error page that happens to have a heading.
          const heading = await page.locator('main h1').innerText();
          if (!/신고서/.test(heading)) throw new Error(`first screen heading is "${heading}", not the claims page`);
          return mark.painted;
        }),
      );
    }
    log(`first render runs: ${renders.map((r) => r.toFixed(0)).join(', ')} ms`);

    const benchPage = async (page: Page) => {
      await page.goto(`${base}tests/bench/page/bulk-put.html`);
      await page.waitForFunction(() => document.getElementById('state')?.textContent === 'ready', null, { timeout: 30_000 });
    };
    const checked = (r: { ms: number; stored: number }) => {
      if (r.stored !== sizes.bulkPutRows) throw new Error(`bulkPut stored ${r.stored} rows, expected ${sizes.bulkPutRows}`);
      return r.ms;
    };
    const puts: number[] = [];
    for (let i = 0; i < sizes.bulkPutRuns; i++) {
      puts.push(await withFreshProfile(async (page) => (await benchPage(page), checked(await page.evaluate((n) => window.benchBulkPut!(n), sizes.bulkPutRows)))));
    }
    log(`bulkPut runs: ${puts.map((r) => r.toFixed(0)).join(', ')} ms`);
    // The same rows through raw IndexedDB with the same indexes: how much of the time is the browser's.
    const raw = await withFreshProfile(async (page) => (await benchPage(page), checked(await page.evaluate((n) => window.benchRawPut!(n, true), sizes.bulkPutRows))));
    log(`raw IndexedDB put: ${raw.toFixed(0)} ms`);

    const grid = await withFreshProfile((page) => gridFigures(page, base, sizes.gridDays));
    log(`grid: import ${grid.importMs.toFixed(0)} ms, ${grid.figures.map((f) => `${f.key} ${f.value?.toFixed(0)} ms`).join(', ')}`);

    const spread = (xs: number[]) => `${xs.length} run${xs.length > 1 ? 's' : ''}: ${xs.map((x) => x.toFixed(0)).join(', ')} ms`;
    return {
      chromiumVersion,
      figures: [
        {
          key: 'firstRenderMs',
          label: 'built renderer, fresh profile, navigation start to claims page usable (median)',
          value: median(renders),
          unit: 'ms',
          note: `${spread(renders)} (nav, h1 and the claims list answered, then one frame)`,
        },
        firstScreenJs(outDir),
        {
          key: 'bulkPut100kMs',
          label: `Dexie bulkPut of ${sizes.bulkPutRows.toLocaleString('en-US')} record rows, one transaction, fresh DB on disk (median)`,
          value: median(puts),
          unit: 'ms',
          note: `${spread(puts)}; raw IndexedDB, same rows and indexes, no Dexie: ${raw.toFixed(0)} ms`,
        },
        ...grid.figures,
        {
          key: 'bulkPutRatio',
          label: 'that Dexie bulkPut / raw IndexedDB put of the same rows and indexes',
          value: median(puts) / raw,
          unit: 'ratio',
          load1m: loadavg()[0]!,
          note: `raw IndexedDB one run, ${raw.toFixed(0)} ms`,
        },
      ],
    };
  } finally {
    await server.close();
  }
}
