/** Run by independent-check.test.ts under a given TZ: the engine's figures for random claims 1..N. */
import { estimateClaim } from '../../../src/core/estimate/index';
import { randomClaim } from './random-claims';

const n = Number(process.argv[2] ?? 60);
const results: unknown[] = [];
for (let seed = 1; seed <= n; seed++) results.push(estimateClaim(randomClaim(seed * 7919).claim));
console.log(JSON.stringify({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, offset: new Date('2022-01-01T00:00:00Z').getTimezoneOffset(), results }));
