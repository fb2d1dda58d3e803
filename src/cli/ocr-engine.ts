/**
 * The OCR engine for Node (the CLI, tests and the bench): tesseract.js with the Korean and English traineddata
 * from the npm packages @tesseract.js-data/kor and /eng, read from node_modules: nothing is fetched at run time.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, type Worker } from 'tesseract.js';
import type { OcrEngine, OcrModel, OcrPass } from '../core/screenshots';

const require = createRequire(import.meta.url);

const LANG: Record<OcrModel, 'kor' | 'eng'> = { korean: 'kor', latin: 'eng' };

/** The folder holding <lang>.traineddata.gz (the integer "best" models: small, and the most accurate here). */
export function langPath(lang: 'kor' | 'eng'): string {
  return join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), '4.0.0_best_int');
}

/**
 * Page segmentation per model: the Korean model reads sparse text (mode 11: finds a row's scattered words, the
 * big fare beside the small route); the Latin model reads a single column of variable-size text (mode 4:
 * keeps the lone digits that mode 11 drops as noise). Two models and two segmentations: independent readings.
 */
export const PAGE_SEG_MODE: Record<OcrModel, string> = { korean: '11', latin: '4' };

type TesseractBlocks = { paragraphs: { lines: { words: { text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number } }[] }[] }[] }[] | null;

export function wordsOf(blocks: TesseractBlocks): OcrPass {
  const words = (blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)));
  return { words: words.map((w) => ({ text: w.text, confidence: w.confidence, bbox: { ...w.bbox } })) };
}

export type NodeOcrEngine = OcrEngine & { close(): Promise<void> };

export async function createNodeOcrEngine(): Promise<NodeOcrEngine> {
  const workers = {} as Record<OcrModel, Worker>;
  for (const model of ['korean', 'latin'] as const) {
    const lang = LANG[model];
    workers[model] = await createWorker(lang, 1, { langPath: langPath(lang), cacheMethod: 'none', gzip: true });
    // A fixed resolution: screenshots carry none, and Tesseract would guess (and say so on stderr) each time.
    await workers[model].setParameters({ tessedit_pageseg_mode: PAGE_SEG_MODE[model] as never, user_defined_dpi: '300' });
  }
  return {
    async recognize(image, model) {
      const result = await workers[model].recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, { blocks: true, text: false });
      return wordsOf(result.data.blocks as TesseractBlocks);
    },
    close: async () => {
      await Promise.all(Object.values(workers).map((w) => w.terminate()));
    },
  };
}
