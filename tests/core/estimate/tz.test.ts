import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Loss model section 1: no computation depends on the machine's time zone. */
function runUnder(tz: string) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'tz-probe.ts')], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as { machine: Record<string, unknown>; time: unknown; results: Record<string, unknown> };
}

describe('time-zone independence', () => {
  const seoul = runUnder('Asia/Seoul');
  const newYork = runUnder('America/New_York');

  it('the two child processes really run in different time zones', () => {
    expect(seoul.machine).toMatchObject({ timeZone: 'Asia/Seoul', offsetMinutes: -540, localHour: 20, localDay: 6 });
    expect(newYork.machine).toMatchObject({ timeZone: 'America/New_York', offsetMinutes: 240, localHour: 7, localDay: 6 });
    expect(seoul.machine).not.toEqual(newYork.machine);
  });

  it('every figure for every example claim is identical', () => {
    expect(Object.keys(seoul.results)).toHaveLength(7);
    expect(newYork.results).toEqual(seoul.results);
    expect(newYork.time).toEqual(seoul.time);
    const driver = seoul.results['driver-2022.claim.json'] as { estimate: { lostProfit: number; claimTotal: number } };
    expect(driver.estimate.lostProfit).toBe(210_750);
    expect(driver.estimate.claimTotal).toBe(224_490);
  });
});
