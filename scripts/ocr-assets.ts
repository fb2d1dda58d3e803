/**
 * The OCR files the app serves itself (issue 19): tesseract.js's worker script, its WebAssembly core (the
 * SIMD, LSTM-only build: every Chromium since 91 has SIMD) and the Korean and English traineddata from the
 * npm packages. A Vite plugin emits them under `ocr/` with fixed names, so the worker finds them beside the
 * app on app://, on 127.0.0.1 and on any static host; nothing is fetched from elsewhere at run time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const pkgDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

export const OCR_ASSETS: Record<string, () => string> = {
  'worker.min.js': () => join(pkgDir('tesseract.js'), 'dist', 'worker.min.js'),
  'tesseract-core-simd-lstm.wasm.js': () => join(pkgDir('tesseract.js-core'), 'tesseract-core-simd-lstm.wasm.js'),
  'kor.traineddata.gz': () => join(pkgDir('@tesseract.js-data/kor'), '4.0.0_best_int', 'kor.traineddata.gz'),
  'eng.traineddata.gz': () => join(pkgDir('@tesseract.js-data/eng'), '4.0.0_best_int', 'eng.traineddata.gz'),
};

export function ocrAssets(): Plugin {
  return {
    name: 'outage-desk-ocr-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /\/ocr\/([^/?]+)/.exec(req.url ?? '');
        const file = m && OCR_ASSETS[m[1]!];
        if (!file) return next();
        res.setHeader('Content-Type', m[1]!.endsWith('.js') ? 'text/javascript' : 'application/octet-stream');
        res.end(readFileSync(file()));
      });
    },
    generateBundle() {
      for (const [name, file] of Object.entries(OCR_ASSETS)) this.emitFile({ type: 'asset', fileName: `ocr/${name}`, source: readFileSync(file()) });
    },
  };
}
