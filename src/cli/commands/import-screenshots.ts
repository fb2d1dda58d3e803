/**
 * `import <image...>`: screenshots of trip histories, month summaries or card-sales lookups read by OCR into
 * proposed records (date, hour, count, fare, confidence). Nothing is stored: the app's review table is where
 * records are confirmed; this prints what it would propose.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileSha256 } from '../../core/io';
import { ScreenshotError, checkScreenshotBytes, proposeRecords, readScreenshot, type ReadScreenshot } from '../../core/screenshots';
import { assertFile } from '../errors';
import { createNodeOcrEngine } from '../ocr-engine';
import { formatWon } from '../../core/model/money';

export const IMAGE_NAME = /\.(png|jpe?g)$/i;

type Failure = { file: string; reason: { ko: string; en: string } };

export async function runScreenshots(paths: string[], json: boolean): Promise<number> {
  for (const path of paths) {
    await assertFile(path);
  }
  const read: (ReadScreenshot & { file: string })[] = [];
  const failed: Failure[] = [];
  // Files that are not images are refused before the OCR models load.
  const images: { path: string; name: string; bytes: Uint8Array }[] = [];
  for (const path of paths) {
    const bytes = new Uint8Array(await readFile(path));
    const name = basename(path);
    try {
      checkScreenshotBytes(bytes, name);
      images.push({ path, name, bytes });
    } catch (err) {
      if (!(err instanceof ScreenshotError)) throw err;
      failed.push({ file: path, reason: { ko: err.ko, en: err.en } });
    }
  }
  const engine = images.length > 0 ? await createNodeOcrEngine() : null;
  try {
    for (const { path, name, bytes } of images) {
      try {
        const reading = await readScreenshot(bytes, name, engine!);
        read.push({ file: path, name, sha256: await fileSha256(bytes), reading });
      } catch (err) {
        if (!(err instanceof ScreenshotError)) throw err;
        failed.push({ file: path, reason: { ko: err.ko, en: err.en } });
      }
    }
  } finally {
    await engine?.close();
  }
  const { records, notes } = proposeRecords(read);
  const bySha = new Map(read.map((r) => [r.sha256, r.file]));
  if (json) {
    console.log(
      JSON.stringify(
        {
          stored: false,
          screenshots: read.map((r) => ({ file: r.file, sha256: r.sha256, layout: r.reading.layout, rows: r.reading.rows.length, confidence: r.reading.confidence, checks: r.reading.checks })),
          records: records.map((p) => ({ date: p.date, hour: p.hour, count: p.count, fare: p.fare, confidence: Math.round(p.confidence), flagged: p.flagged, screenshot: bySha.get(p.screenshotSha256), screenshotSha256: p.screenshotSha256 })),
          notes,
          errors: failed,
        },
        null,
        2,
      ),
    );
  } else {
    for (const r of read) {
      console.log(`${r.file}: ${r.reading.layout} · ${r.reading.rows.length}행 / rows · 신뢰도 / confidence ${r.reading.confidence}`);
      for (const c of r.reading.checks) console.log(`  ${c.ok ? '✓' : '!'} ${c.ko} / ${c.en}`);
    }
    for (const p of records) {
      console.log(`  ${p.date}${p.hour === null ? '' : ` ${String(p.hour).padStart(2, '0')}시`} ${p.count}건 ${formatWon(p.fare)} (${Math.round(p.confidence)})${p.flagged ? ' 확인 필요 / check' : ''}`);
    }
    console.log('저장하지 않았어요: 앱의 확인 표에서 확인한 뒤 저장돼요 / nothing stored: records are saved after review in the app');
  }
  for (const f of failed) console.error(`${f.reason.ko} / ${f.reason.en}`);
  return failed.length > 0 ? 2 : 0;
}
