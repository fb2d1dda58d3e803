#!/usr/bin/env node
// The `outage-desk` command: runs the prebuilt JavaScript bundle of the CLI (dist-cli/main.js, made by
// `npm run build` or `npm run build:cli`), so a call starts as plain Node with no TypeScript to compile.
// When the bundle is missing (a fresh checkout), the first run builds it with esbuild and says so on
// stderr. `npm run cli` runs the TypeScript sources through tsx for development.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const main = fileURLToPath(new URL('../dist-cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write('outage-desk: 처음 실행이라 CLI를 빌드해요 / first run: building the CLI bundle (dist-cli/)…\n');
  const { buildCli } = await import('../scripts/build-cli.mjs');
  await buildCli();
}
await import(pathToFileURL(main).href);
