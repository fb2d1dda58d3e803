/**
 * Regenerates docs/claim.schema.json and docs/incident-pack.schema.json from the zod schemas (z.toJSONSchema).
 * Run: npx tsx scripts/gen-schema.ts   (tests/core/model/claim-schema-file.test.ts and
 * tests/core/incidents/pack-schema-file.test.ts fail when they are stale)
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimJsonSchema, incidentPackJsonSchema } from '../src/core/model/json-schema';

export const SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'claim.schema.json');

export const PACK_SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'incident-pack.schema.json');

export function renderClaimSchema(): string {
  return `${JSON.stringify(claimJsonSchema(), null, 2)}\n`;
}

export function renderIncidentPackSchema(): string {
  return `${JSON.stringify(incidentPackJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, renderClaimSchema());
  console.log(`wrote ${SCHEMA_PATH}`);
  writeFileSync(PACK_SCHEMA_PATH, renderIncidentPackSchema());
  console.log(`wrote ${PACK_SCHEMA_PATH}`);
}
