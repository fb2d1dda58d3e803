import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACK_SCHEMA_PATH, renderIncidentPackSchema } from '../../../scripts/gen-schema';

describe('docs/incident-pack.schema.json', () => {
  it('is up to date with the zod schema (regenerate: npx tsx scripts/gen-schema.ts)', () => {
    expect(readFileSync(PACK_SCHEMA_PATH, 'utf8')).toBe(renderIncidentPackSchema());
  });

  it('describes the pack file\'s top-level fields and the seven rule kinds', () => {
    const schema = JSON.parse(readFileSync(PACK_SCHEMA_PATH, 'utf8'));
    expect(schema.properties.format.const).toBe('outage-loss-desk/incident-pack');
    expect(schema.properties.formatVersion.const).toBe(1);
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'formatVersion', 'id', 'version', 'incident', 'services']));
    const kinds = schema.properties.rules.items.oneOf ?? schema.properties.rules.items.anyOf;
    expect(kinds.map((k: { properties: { kind: { const: string } } }) => k.properties.kind.const).sort()).toEqual(
      ['best-week', 'commission-refund', 'failed-orders', 'fee-for-duration', 'fixed-amount', 'same-slot-multiple', 'window-vs-earlier'],
    );
  });
});
