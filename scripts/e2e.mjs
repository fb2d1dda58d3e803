// End-to-end tests: build the renderer, then Playwright drives it in Chromium via `vite preview`.
// With no Chromium it says so; under CI=true that is a failure, not a skip.
import { findChromium } from './chromium.mjs';
import { run } from './run.mjs';

const chromium = findChromium();
if (!chromium) {
  const msg = 'e2e: no Chromium found (install it: apt-get install -y chromium, or set CHROMIUM_PATH).';
  if (process.env.CI) {
    console.error(`${msg} CI=true: failing.`);
    process.exit(1);
  }
  console.warn(`${msg} Skipping the end-to-end tests.`);
  process.exit(0);
}
process.env.CHROMIUM_PATH = chromium;
if (!process.argv.includes('--no-build')) {
  const built = await run('npx', ['vite', 'build', '--logLevel', 'warn']);
  if (built !== 0) process.exit(built);
}
const extra = process.argv.slice(2).filter((a) => a !== '--no-build');
process.exit(await run('npx', ['playwright', 'test', '--config', 'playwright.config.ts', ...extra]));
