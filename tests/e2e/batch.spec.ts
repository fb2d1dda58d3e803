import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { closeNotices, openApp, SLOW_STEP, SLOW_TEST } from './fixtures';

const shots = 'tests/e2e/screenshots';

/** The CLI as an association runs it (a child process on real files). */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

type Manifest = {
  format: string;
  redacted: boolean;
  packets: { included: boolean; count: number };
  counts: { files: number; items: number; members: number; kept: number; invalid: number; duplicatesRemoved: number; suspectedPairs: number; exactPairs: number };
  items: { file: string; status: string; reason?: string; duplicateOf?: string }[];
  decisions: { a: string; b: string; action: string; keep?: string; decidedBy: string; reason: string }[];
  files: { path: string; size: number; sha256: string }[];
};

test('an association imports a folder of packets, sees statuses and duplicates, decides a pair, exports the roster and the zip', async ({ page }) => {
  test.setTimeout(SLOW_TEST);
  mkdirSync(shots, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'e2e-batch-'));
  const synth = cli('synth', '--members', '30', '--seed', '7', '--out', dir, '--no-pdf');
  expect(synth.err).toBe('');
  expect(synth.code).toBe(0);
  const planted = JSON.parse(readFileSync(join(dir, 'planted.json'), 'utf8')) as { files: number; planted: { rule: string; files: string[] }[] };
  const folder = join(dir, 'packets');
  const plantedFiles = new Set(planted.planted.flatMap((p) => p.files));
  const similar = [...planted.planted.find((p) => p.rule === 'similar-name')!.files].sort();

  // One member's claim.json edited after the packet was sealed: its hash no longer matches the manifest.
  const tampered = 'member-00020.zip';
  expect(plantedFiles.has(tampered)).toBe(false);
  const entries = unzipSync(new Uint8Array(readFileSync(join(folder, tampered))));
  const claimText = strFromU8(entries['claim.json']!);
  entries['claim.json'] = strToU8(claimText.replace(/"title": "([^"]*)"/, '"title": "$1 (고침)"'));
  expect(strFromU8(entries['claim.json'])).not.toBe(claimText);
  writeFileSync(join(folder, tampered), zipSync(entries));

  // The CLI's verdict on the same folder: the app must agree before anyone decides anything.
  const cliOut = join(dir, 'cli-out');
  const batch = cli('batch', folder, '--out', cliOut);
  expect(batch.code).toBe(2);
  const cliManifest = JSON.parse(readFileSync(join(cliOut, 'batch-manifest.json'), 'utf8')) as Manifest;
  expect(cliManifest.counts).toMatchObject({ files: planted.files, invalid: 1, suspectedPairs: 1, exactPairs: 4 });

  await page.setViewportSize({ width: 1360, height: 900 });
  await openApp(page, '#/batch');
  await expect(page.getByRole('heading', { level: 1, name: '협회 일괄' })).toBeVisible();

  // The whole folder through the folder picker.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '폴더 고르기' }).click();
  await (await chooser).setFiles(folder);
  await expect(page.getByTestId('count-files')).toHaveText(String(planted.files), { timeout: SLOW_STEP });
  const c = cliManifest.counts;
  await expect(page.getByTestId('count-items')).toHaveText(String(c.items));
  await expect(page.getByTestId('count-kept')).toHaveText(String(c.kept));
  await expect(page.getByTestId('count-invalid')).toHaveText('1');
  await expect(page.getByTestId('count-duplicates')).toHaveText(String(c.duplicatesRemoved));
  await expect(page.getByTestId('count-suspected')).toHaveText('1쌍');

  // Statuses: the tampered file with its reason, the planted exact duplicates removed, the near-names suspected.
  const items = page.getByTestId('batch-items');
  const row = (file: string) => items.locator('tr', { has: page.getByText(`packets/${file}`, { exact: true }) });
  await expect(row(tampered)).toContainText('오류');
  await expect(row(tampered)).toContainText('파일 크기가 달라요: claim.json; 파일 내용이 바뀌었어요 (SHA-256 불일치): claim.json');
  // Each exact pair: the later file in the folder's order is removed, naming the one kept.
  for (const p of planted.planted.filter((x) => x.rule !== 'similar-name')) {
    const [first, second] = [...p.files].sort();
    await expect(row(second!)).toContainText('중복(뺌)');
    await expect(row(second!)).toContainText(`packets/${first}와 중복이라 뺐어요`);
    await expect(row(first!)).toContainText('정상');
  }
  for (const f of similar) await expect(row(f)).toContainText('중복 의심');
  await expect(items.locator('tr[data-status="duplicate"]')).toHaveCount(c.duplicatesRemoved);

  // Tables: shares of the members counted.
  await expect(page.getByTestId('batch-by-kind')).toBeVisible();
  await expect(page.locator('.batch-chart svg').first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await closeNotices(page);
  await page.screenshot({ path: `${shots}/ko-batch.png` });
  await page.locator('section[aria-labelledby="batch-summary"]').screenshot({ path: `${shots}/ko-batch-items.png` });
  await page.locator('section[aria-labelledby="batch-tables"]').screenshot({ path: `${shots}/ko-batch-tables.png` });

  // The suspected pair, side by side: keep the left one.
  const pair = page.getByTestId('batch-pair');
  await expect(pair).toHaveCount(1);
  await expect(pair).toContainText('같은 시도에서 거의 같은 이름');
  await expect(pair).toContainText(`packets/${similar[0]}`);
  await expect(pair).toContainText(`packets/${similar[1]}`);
  await closeNotices(page);
  await page.locator('section[aria-labelledby="batch-pairs"]').screenshot({ path: `${shots}/ko-batch-pair.png` });
  await pair.getByLabel('메모 (선택)').fill('전화로 확인함');
  await pair.getByRole('button', { name: '왼쪽만 남기기' }).click();
  await expect(page.getByTestId('batch-pairs-none')).toBeVisible();
  await expect(page.getByTestId('count-kept')).toHaveText(String(c.kept - 1));
  await expect(page.getByTestId('count-suspected')).toHaveText('0쌍');
  await expect(row(similar[1]!)).toContainText('중복(뺌)');
  const userDecision = page.getByTestId('batch-decisions').locator('tr[data-by="user"]');
  await expect(userDecision).toContainText('사람이 확인: 같은 회원이라 하나만 남겨요 — 전화로 확인함');

  // Roster CSV: UTF-8 BOM, a header and one row per item.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '명단 CSV' }).click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toMatch(/^batch-roster-\d{8}-\d{4}\.csv$/);
  const csvPath = join(dir, csvFile.suggestedFilename());
  await csvFile.saveAs(csvPath);
  const csv = readFileSync(csvPath);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').slice(1).split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(1 + c.items);
  expect(lines[0]).toMatch(/^상태,사유,출처 파일,행/);
  expect(lines.filter((l) => l.startsWith('오류,'))).toHaveLength(1);
  expect(lines.filter((l) => l.startsWith('중복(제외),'))).toHaveLength(c.duplicatesRemoved + 1);
  await expect(page.getByRole('status').filter({ hasText: csvFile.suggestedFilename() })).toBeVisible();

  // The batch zip: every kept packet unchanged, the outputs, and a manifest that lists them and the decision.
  const zipDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '전체 zip' }).click();
  const zipFile = await zipDownload;
  expect(zipFile.suggestedFilename()).toMatch(/^batch-\d{8}-\d{4}\.zip$/);
  const zipPath = join(dir, zipFile.suggestedFilename());
  await zipFile.saveAs(zipPath);
  const zipped = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const manifest = JSON.parse(strFromU8(zipped['batch-manifest.json']!)) as Manifest;
  expect(manifest.format).toBe('outage-loss-desk/batch');
  expect(manifest.redacted).toBe(false);
  expect(manifest.counts).toEqual({ ...c, kept: c.kept - 1, duplicatesRemoved: c.duplicatesRemoved + 1, suspectedPairs: 0 });
  expect(manifest.packets).toMatchObject({ included: true, count: c.kept - 1 });
  const user = manifest.decisions.filter((d) => d.decidedBy === 'user');
  expect(user).toEqual([expect.objectContaining({ a: `packets/${similar[0]}`, b: `packets/${similar[1]}`, action: 'keep-one', keep: `packets/${similar[0]}` })]);
  expect(manifest.decisions.filter((d) => d.decidedBy === 'rule')).toHaveLength(c.exactPairs);
  expect(manifest.items.find((i) => i.file === `packets/${tampered}`)).toMatchObject({ status: 'invalid' });
  for (const f of manifest.files) {
    expect(zipped[f.path], f.path).toBeDefined();
    expect(createHash('sha256').update(zipped[f.path]!).digest('hex')).toBe(f.sha256);
  }
  expect(Object.keys(zipped).sort()).toEqual([...manifest.files.map((f) => f.path), 'batch-manifest.json'].sort());
  // Packets are the members' own files, byte for byte.
  const kept = `packets/${similar[0]}`;
  expect(createHash('sha256').update(zipped[kept]!).digest('hex')).toBe(createHash('sha256').update(readFileSync(join(folder, similar[0]!))).digest('hex'));
  expect(zipped[`packets/${similar[1]}`]).toBeUndefined();
  expect(zipped[`packets/${tampered}`]).toBeUndefined();

  // English.
  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Association batch' })).toBeVisible();
  await expect(row(tampered)).toContainText('size differs from the manifest: claim.json; content changed (SHA-256 mismatch): claim.json');
  await page.evaluate(() => document.fonts.ready);
  await closeNotices(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}/en-batch.png` });
  await page.locator('section[aria-labelledby="batch-pairs"]').screenshot({ path: `${shots}/en-batch-decisions.png` });
  await page.locator('section[aria-labelledby="batch-export"]').screenshot({ path: `${shots}/en-batch-export.png` });
});
