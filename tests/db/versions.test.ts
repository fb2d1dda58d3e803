import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, versions } from '../../src/db/versions';
import shipped from './shipped-versions.json';

describe('database versions (append-only)', () => {
  it('are numbered 1, 2, 3, ... with distinct kebab-case names', () => {
    versions.forEach((v, i) => expect(v.version).toBe(i + 1));
    const names = versions.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(LATEST_VERSION).toBe(versions.length);
  });

  it('never change once shipped (tests/db/shipped-versions.json pins them)', () => {
    for (const pinned of shipped) {
      const current = versions.find((v) => v.version === pinned.version);
      expect(current, `version ${pinned.version} was removed; versions are append-only`).toBeDefined();
      expect(
        { version: current!.version, name: current!.name, hasUpgrade: Boolean(current!.upgrade), stores: current!.stores },
        `version ${pinned.version} changed after it shipped: append a new version instead`,
      ).toEqual(pinned);
    }
  });

  it('has every declared version pinned (add a new version to shipped-versions.json when it ships)', () => {
    expect(versions.map((v) => v.version)).toEqual(shipped.map((v) => v.version));
  });
});
