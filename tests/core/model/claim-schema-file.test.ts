import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderClaimSchema, SCHEMA_PATH } from '../../../scripts/gen-schema';

describe('docs/claim.schema.json', () => {
  it('is up to date with the zod schema (regenerate: npx tsx scripts/gen-schema.ts)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(renderClaimSchema());
  });

  it('describes the claim file\'s top-level fields', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
    expect(schema.properties.format.const).toBe('outage-loss-desk/claim');
    expect(schema.properties.formatVersion.const).toBe(1);
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'formatVersion', 'claimant', 'incident', 'granularity', 'records']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['submissions', 'evidence', 'directItems', 'indirectItems', 'parameters', 'referenceDates']));
  });
});
