/**
 * Run by tz.test.ts in a child process under a given TZ: prints the machine's view of time zones (to
 * prove the TZ took effect) and every figure the engine gives for the example claims.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { estimateClaim, suggestReferenceDatesForClaim } from '../../../src/core/estimate/index';
import { parseClaimFile } from '../../../src/core/model/index';
import { enumerateHours, hourOfEpochHour, parseInstant, weekdayOf, addDays } from '../../../src/core/time/kst';

const dir = join(import.meta.dirname, '..', '..', '..', 'assets', 'examples');
const probe = new Date('2022-10-15T11:00:00Z');
const results: Record<string, unknown> = {};
for (const file of readdirSync(dir).filter((f) => f.endsWith('.claim.json')).sort()) {
  const r = parseClaimFile(readFileSync(join(dir, file), 'utf8'));
  if (!r.ok) throw new Error(file);
  results[file] = { estimate: estimateClaim(r.claim), suggested: suggestReferenceDatesForClaim(r.claim) };
}
console.log(JSON.stringify({
  machine: {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    offsetMinutes: probe.getTimezoneOffset(),
    localHour: probe.getHours(),
    localDay: probe.getDay(),
  },
  time: {
    hours: enumerateHours(parseInstant('2022-10-15T15:30+09:00'), parseInstant('2022-10-16T01:31+09:00')).map(hourOfEpochHour),
    weekday: weekdayOf('2022-10-15'),
    dst: addDays('2022-03-12', 2), // a US DST change between the dates
  },
  results,
}));
