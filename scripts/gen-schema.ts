/**
 * Regenerates docs/claim.schema.json from the zod schema (z.toJSONSchema).
 * Run: npx tsx scripts/gen-schema.ts   (tests/core/model/claim-schema-file.test.ts fails when it is stale)
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimJsonSchema } from '../src/core/model/json-schema';

export const SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'claim.schema.json');

export function renderClaimSchema(): string {
  return `${JSON.stringify(claimJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, renderClaimSchema());
  console.log(`wrote ${SCHEMA_PATH}`);
}
