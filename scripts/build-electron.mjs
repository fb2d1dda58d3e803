// Bundles the Electron shell with esbuild (`npm run build:electron`):
//   electron/main.ts    → dist-electron/main.js     ESM (package.json has "type": "module")
//   electron/preload.ts → dist-electron/preload.cjs CommonJS: a sandboxed preload cannot be an ES module
// `electron` stays external (the runtime provides it); everything else is bundled, so the packaged app
// needs no node_modules. `--outdir <dir>` builds elsewhere (the tests build into a temp folder).
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function outDirFromArgs(argv) {
  const i = argv.indexOf('--outdir');
  return i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1]) : path.join(root, 'dist-electron');
}

export async function buildElectron(outDir = path.join(root, 'dist-electron')) {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    external: ['electron'],
    sourcemap: false,
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
  };
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main.ts'], format: 'esm', outfile: path.join(outDir, 'main.js') }),
    build({ ...common, entryPoints: ['electron/preload.ts'], format: 'cjs', outfile: path.join(outDir, 'preload.cjs') }),
  ]);
  return { main: path.join(outDir, 'main.js'), preload: path.join(outDir, 'preload.cjs') };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const out = await buildElectron(outDirFromArgs(process.argv.slice(2)));
    console.log(`build-electron: ${path.relative(root, out.main)}, ${path.relative(root, out.preload)}`);
  } catch (error) {
    console.error('build-electron: 빌드에 실패했어요 / build failed');
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
