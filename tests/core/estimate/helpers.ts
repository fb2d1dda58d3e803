import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimSchema, parseClaimFile, type Claim, type ClaimInput } from '../../../src/core/model/index';
import { incidentFromPreset } from '../../../src/core/incidents/index';
import type { ActivityRecord } from '../../../src/core/model/record';
import { seededRandom } from '../../../src/core/random';

export const EXAMPLES = join(__dirname, '..', '..', '..', 'assets', 'examples');

export function loadExample(name: string): Claim {
  const r = parseClaimFile(readFileSync(join(EXAMPLES, name), 'utf8'));
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.issues.slice(0, 3))}`);
  return r.claim;
}

export const hour = (date: string, h: number) => `${date}T${String(h).padStart(2, '0')}:00+09:00`;

export function rec(bucket: string, channel: string, count: number, revenue: number | null): ActivityRecord {
  return { bucket, channel, count, revenue, provenance: { kind: 'logged' } };
}

/** A designated driver with a user-edited Kakao T 대리 window; records and parameters from the caller. */
export function driverClaim(records: ActivityRecord[], extra: Partial<ClaimInput> = {}, window = { start: '2022-10-15T20:00+09:00', end: '2022-10-16T02:00+09:00' }): Claim {
  const incident = incidentFromPreset('kakao-2022-10')!;
  incident.services.find((s) => s.id === 'kakao-t-daeri')!.userWindow = { ...window, note: 'test' };
  return claimSchema.parse({
    format: 'outage-loss-desk/claim',
    formatVersion: 1,
    id: 'test',
    claimant: {
      kind: 'designated-driver', name: '테스트', mobile: '010-1111-2222', servicesUsed: ['kakao-t-daeri'],
      salesChannels: [
        { id: 'kakao-t', label: 'Kakao T', isPlatform: true },
        { id: 'other-app', label: 'other', isPlatform: false },
        { id: 'phone', label: 'phone', isPlatform: false },
      ],
    },
    incident,
    granularity: 'hourly',
    records,
    ...extra,
  } satisfies ClaimInput);
}

export const seeded = seededRandom;

/** Standard normal by Box-Muller. */
export function normal(rand: () => number): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
