import { E2E_BASE_URL } from '../../playwright.config';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openApp, SLOW_STEP, SLOW_TEST, watchCspViolations } from './fixtures';

const shots = 'tests/e2e/screenshots';
const out = 'test-results/evidence-export';

/** CRC-32 for PNG chunks. */
function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** A small real PNG: a grey "app" screen with a red error bar, made here so the test needs no file. */
function screenshotPng(width = 180, height = 120): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const i = y * (width * 3 + 1) + 1 + x * 3;
      const bar = y > 45 && y < 75 && x > 20 && x < width - 20;
      const top = y < 18;
      const [r, g, b] = bar ? [200, 40, 40] : top ? [254, 229, 0] : [236, 236, 236];
      raw[i] = r;
      raw[i + 1] = g;
      raw[i + 2] = b;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Builds the packet for a channel on the export page and returns the path of the downloaded zip. */
async function exportPacket(page: Page, channelName: RegExp, channelId: string): Promise<string> {
  await page.getByRole('radio', { name: channelName }).check();
  const downloading = page.waitForEvent('download', { timeout: SLOW_STEP });
  await page.getByRole('button', { name: '증빙 묶음 만들기' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`-${channelId}\\.zip$`));
  const path = join(out, `${channelId}.zip`);
  await download.saveAs(path);
  await expect(page.getByText(/내려받기를 시작했어요/)).toBeVisible();
  return path;
}

/** The saved zip checked with the tools a reader would use: the CLI verifier, unzip and pdftotext. */
function checkPacket(zip: string, channelId: string): { pdf: string; manifest: { figures: { claimTotal: number; lostProfit: number } } } {
  const verify = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'verify', zip], { encoding: 'utf8' });
  expect(verify.stdout + verify.stderr).toContain('OK');
  expect(verify.status).toBe(0);

  const listing = execFileSync('unzip', ['-l', zip], { encoding: 'utf8' });
  expect(listing).toContain('evidence/카카오T_멈춤_캡처.png');
  expect(listing).toContain('report.pdf');

  const manifest = JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' })) as { channel: string; figures: { claimTotal: number; lostProfit: number } };
  expect(manifest.channel).toBe(channelId);
  const pdf = join(out, `${channelId}-report.pdf`);
  execFileSync('sh', ['-c', `unzip -p "${zip}" report.pdf > "${pdf}"`]);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const won = (n: number) => `${n.toLocaleString('ko-KR')}원`;
  expect(text).toContain(won(manifest.figures.claimTotal));
  expect(text).toContain(won(manifest.figures.lostProfit));
  expect(text).toContain('카카오T_멈춤_캡처.png');
  // The pages, rendered small for a person to look at.
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(shots, `packet-${channelId}`)]);
  return { pdf, manifest };
}

test('evidence vault and export: add a screenshot, label it, export packets that verify (Chromium download)', async ({ page, context }) => {
  test.setTimeout(SLOW_TEST);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  mkdirSync(shots, { recursive: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: E2E_BASE_URL });
  await page.setViewportSize({ width: 1280, height: 900 });
  // The packet worker, pdfmake's fonts and the download all run under the Electron shell's CSP.
  const cspViolations = await watchCspViolations(page);

  await openApp(page);
  await page.getByRole('button', { name: '예시로 둘러보기' }).click();
  await expect(page.locator('.current-claim')).toContainText('예시');

  // Evidence: pick a screenshot through the app's own picker (the browser bridge's file input).
  await page.locator('nav.sidenav').getByRole('link', { name: /증빙/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '증빙' })).toBeVisible();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '파일 올리기' }).click();
  await (await choosing).setFiles({ name: '카카오T_멈춤_캡처.png', mimeType: 'image/png', buffer: screenshotPng() });
  await expect(page.getByText('증빙 1개를 보관했어요.')).toBeVisible();
  const card = page.locator('li.evidence-card', { hasText: '카카오T_멈춤_캡처.png' });
  await expect(card.getByRole('img', { name: '카카오T_멈춤_캡처.png 미리 보기' })).toBeVisible();
  await card.getByLabel('무엇을 보여주나요').selectOption({ label: '서비스가 멈춘 화면 캡처' });
  await card.getByText('무엇을 뒷받침하나요').click();
  await card.getByRole('button', { name: '이 구간 연결' }).click();
  await expect(card.locator('.link-chip')).toHaveCount(1);

  // The same bytes again are not kept twice.
  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '파일 올리기' }).click();
  await (await again).setFiles({ name: '사본.png', mimeType: 'image/png', buffer: screenshotPng() });
  await expect(page.getByText(/「사본\.png」은 이미 보관돼 있어요/)).toBeVisible();
  const closeNotice = page.getByRole('button', { name: '알림 닫기' });
  while ((await closeNotice.count()) > 0) await closeNotice.first().click();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${shots}/ko-evidence.png`, fullPage: true });

  // Export: readiness, a copied field, then the packet for Kakao's form.
  await page.locator('nav.sidenav').getByRole('link', { name: /내보내기/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '내보내기' })).toBeVisible();
  await page.getByRole('radio', { name: /카카오 피해 접수 양식/ }).check();
  await expect(page.getByRole('list', { name: '내보내기 전에 채울 것' })).toContainText('예시 청구예요');
  const copyTitle = page.getByRole('button', { name: '복사: 제목' });
  await copyTitle.click();
  await expect(copyTitle).toHaveText('복사했어요');
  const titleText = await page.locator('li.form-field', { has: page.getByRole('heading', { name: /^제목/ }) }).locator('.form-text').innerText();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(titleText);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${shots}/ko-export.png`, fullPage: true });

  const kakaoZip = await exportPacket(page, /카카오 피해 접수 양식/, 'kakao-2022-form');
  checkPacket(kakaoZip, 'kakao-2022-form');
  await page.screenshot({ path: `${shots}/ko-export-saved.png` });

  const damageZip = await exportPacket(page, /온라인피해365센터/, 'damage365');
  checkPacket(damageZip, 'damage365');

  // English.
  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Export' })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${shots}/en-export.png`, fullPage: true });
  await page.locator('nav.sidenav').getByRole('link', { name: /Evidence/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evidence' })).toBeVisible();
  // The driver example brings its own outage screenshot: open the uploaded file's card.
  await page.locator('li.evidence-card', { hasText: '카카오T_멈춤_캡처.png' }).getByText('What it supports').click();
  await page.screenshot({ path: `${shots}/en-evidence.png`, fullPage: true });
  expect(await cspViolations()).toEqual([]);
});

test('a packet build can be cancelled, and the page stays usable', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: '예시로 둘러보기' }).click();
  await expect(page.locator('.current-claim')).toContainText('예시');
  await page.locator('nav.sidenav').getByRole('link', { name: /내보내기/ }).click();
  await page.getByRole('button', { name: '증빙 묶음 만들기' }).click();
  await page.getByRole('button', { name: '취소' }).click();
  await expect(page.getByText('묶음 만들기를 취소했어요.')).toBeVisible();
  await expect(page.getByRole('button', { name: '증빙 묶음 만들기' })).toBeEnabled();
});
