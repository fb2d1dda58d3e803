// Bundles the Node command line with esbuild (`npm run build:cli`, part of `npm run build`):
//   src/cli/main.ts         → dist-cli/main.js
//   src/cli/batch-worker.ts → dist-cli/batch-worker.js (the batch read pool's thread)
//   src/cli/synth-worker.ts → dist-cli/synth-worker.js (synth's packet writers)
// One ES module per command (code splitting keeps each command's imports lazy, as main.ts loads them),
// so `outage-desk` starts as plain JavaScript instead of compiling TypeScript through tsx at every call.
// Small pure packages (zod, the @stdlib t quantile's hundreds of tiny modules, holidays, es-hangul,
// papaparse, fflate, iconv-lite) are bundled in: resolving them file by file was most of the start-up.
// exceljs and pdfmake stay external (megabytes, loaded lazily, and they read their own files at run
// time); the fonts are resolved from node_modules by path.
// `--outdir <dir>` builds elsewhere (the tests build into a temp folder).
import { build } from 'esbuild';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const CLI_OUT_DIR = path.join(root, 'dist-cli');

export async function buildCli(outDir = CLI_OUT_DIR) {
  const result = await build({
    metafile: true,
    absWorkingDir: root,
    entryPoints: { main: 'src/cli/main.ts', 'batch-worker': 'src/cli/batch-worker.ts', 'synth-worker': 'src/cli/synth-worker.ts' },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['exceljs', 'pdfmake', 'pdfmake/*', 'tsx', 'tsx/*'],
    chunkNames: 'chunk-[hash]',
    sourcemap: false,
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    // Bundled CommonJS packages require Node built-ins ('tty', 'fs'): give every ES module chunk a require.
    banner: { js: "import { createRequire as __cliCreateRequire } from 'node:module'; const require = __cliCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  // Chunks are named by their content hash, so each build whose code changed adds new ones: the ones this
  // build did not write are an older build's (dist-cli/ had grown to 150 files) and go.
  const written = new Set(Object.keys(result.metafile.outputs).map((file) => path.resolve(root, file)));
  for (const name of await readdir(outDir)) {
    if (/^chunk-[A-Z0-9]+\.js$/.test(name) && !written.has(path.join(outDir, name))) await rm(path.join(outDir, name), { force: true });
  }
  return { main: path.join(outDir, 'main.js') };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--outdir');
  const outDir = i >= 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : CLI_OUT_DIR;
  try {
    const out = await buildCli(outDir);
    console.log(`build-cli: ${path.relative(root, out.main)}`);
  } catch (error) {
    console.error('build-cli: 빌드에 실패했어요 / build failed');
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
