import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importActivityFile } from '../../../src/core/io';
import type * as CoreIo from '../../../src/core/io';
import { iconvCp949Decoder } from '../../../src/core/io/cp949-iconv';

/**
 * core/io in a real browser: bundled for the browser with no Node polyfills, run in Chromium with the
 * platform's own CP949 decoder (no iconv-lite), on the committed samples.
 */
const ROOT = join(__dirname, '..', '..', '..');
const SAMPLES = join(ROOT, 'assets', 'samples');

let browser: Browser;
let server: Server;
let baseUrl: string;
let inputs: string[];

beforeAll(async () => {
  const result = await build({
    entryPoints: [join(ROOT, 'src/core/io/index.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'CoreIo',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  inputs = Object.keys(result.metafile.inputs);
  const bundle = result.outputFiles[0]!.text;
  server = createServer((req, res) => {
    if (req.url === '/core-io.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    } else if (req.url?.startsWith('/samples/')) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(join(SAMPLES, decodeURIComponent(req.url.slice('/samples/'.length)))));
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><meta charset="utf-8"><script src="/core-io.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe('core/io in the browser', () => {
  it('bundles without iconv-lite or any Node polyfill', () => {
    const offenders = inputs.filter((p) => /iconv-lite|safer-buffer|node_modules\/buffer\/|string_decoder|node_modules\/stream|^node:/.test(p));
    expect(offenders).toEqual([]);
    expect(inputs.some((p) => p.includes('papaparse'))).toBe(true);
  });

  it("imports the CP949 POS sample with Chromium's own decoder, 똠 햏 뷁 intact, same records as Node", async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    const inBrowser = await page.evaluate(async () => {
      const io = (globalThis as unknown as { CoreIo: typeof CoreIo }).CoreIo;
      const bytes = new Uint8Array(await (await fetch('/samples/pos-hourly-2022-restaurant.csv')).arrayBuffer());
      const preview = await io.previewActivityFile(bytes, { rows: 1 });
      const result = await io.importActivityFile(bytes, { fileName: 'pos-hourly-2022-restaurant.csv' });
      return { cells: preview.rows[0]!.cells, encoding: result.encoding, records: result.records, errors: result.errors, platform: io.platformCp949Decoder() !== null };
    });
    await page.close();
    expect(inBrowser.platform).toBe(true);
    expect(inBrowser.encoding).toBe('cp949');
    expect(inBrowser.cells.slice(5)).toEqual(['똠얌꿍하우스 햏복점', '신메뉴 뷁볶음밥 출시']);
    expect(inBrowser.errors).toEqual([]);
    const inNode = await importActivityFile(new Uint8Array(readFileSync(join(SAMPLES, 'pos-hourly-2022-restaurant.csv'))), {
      fileName: 'pos-hourly-2022-restaurant.csv',
      decodeCp949: iconvCp949Decoder,
    });
    expect(inBrowser.records).toEqual(inNode.records);
  });

  it('reads the XLSX sample through the lazily imported exceljs browser build', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    const out = await page.evaluate(async () => {
      const io = (globalThis as unknown as { CoreIo: typeof CoreIo }).CoreIo;
      const bytes = new Uint8Array(await (await fetch('/samples/card-sales-daily-2022.xlsx')).arrayBuffer());
      const r = await io.importActivityFile(bytes, { fileName: 'card-sales-daily-2022.xlsx' });
      return { n: r.records.length, first: r.records[0], errors: r.errors.length, shape: r.shape };
    });
    await page.close();
    expect(out).toMatchObject({ n: 61, errors: 0, shape: 'card', first: { bucket: '2022-09-01', channel: 'card' } });
  });
});
