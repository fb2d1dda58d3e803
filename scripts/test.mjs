// `npm test`: unit and component tests (vitest), then the end-to-end tests in Chromium.
import { run } from './run.mjs';

const unit = await run('npx', ['vitest', 'run']);
if (unit !== 0) process.exit(unit);
process.exit(await run('node', ['scripts/e2e.mjs']));
