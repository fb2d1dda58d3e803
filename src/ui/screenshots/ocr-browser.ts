/**
 * The OCR engine in the app: tesseract.js, loaded on first use (a dynamic import of this module), running
 * in its own Web Workers (one per model, so the two readings of a screenshot run side by side) from the
 * files the app serves under `ocr/` (scripts/ocr-assets.ts). Nothing leaves the machine.
 */
import { createWorker, type Worker } from 'tesseract.js';
import type { OcrEngine, OcrModel, OcrPass } from '../../core/screenshots';

const LANG: Record<OcrModel, 'kor' | 'eng'> = { korean: 'kor', latin: 'eng' };
/** The Korean model reads sparse text; the Latin model one column (see src/cli/ocr-engine.ts for why). */
const PAGE_SEG_MODE: Record<OcrModel, string> = { korean: '11', latin: '4' };

type Blocks = { paragraphs: { lines: { words: { text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number } }[] }[] }[] }[] | null;

export type BrowserOcrEngine = OcrEngine & { close(): Promise<void> };

export async function createBrowserOcrEngine(onLoading?: (model: OcrModel) => void): Promise<BrowserOcrEngine> {
  const base = new URL('./ocr/', document.baseURI).href;
  const workers = {} as Record<OcrModel, Worker>;
  await Promise.all(
    (['korean', 'latin'] as const).map(async (model) => {
      onLoading?.(model);
      const worker = await createWorker(LANG[model], 1, {
        workerPath: `${base}worker.min.js`,
        corePath: `${base}tesseract-core-simd-lstm.wasm.js`,
        langPath: base.replace(/\/$/, ''),
        workerBlobURL: false,
        cacheMethod: 'none',
        gzip: true,
      });
      await worker.setParameters({ tessedit_pageseg_mode: PAGE_SEG_MODE[model] as never, user_defined_dpi: '300' });
      workers[model] = worker;
    }),
  );
  return {
    async recognize(image: Uint8Array, model: OcrModel): Promise<OcrPass> {
      const blob = new Blob([image.slice().buffer]);
      const result = await workers[model].recognize(blob, {}, { blocks: true, text: false });
      const words = ((result.data.blocks as Blocks) ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)));
      return { words: words.map((w) => ({ text: w.text, confidence: w.confidence, bbox: { ...w.bbox } })) };
    },
    close: async () => {
      await Promise.all(Object.values(workers).map((w) => w.terminate()));
    },
  };
}
