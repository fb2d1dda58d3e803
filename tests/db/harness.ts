import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { expect } from 'vitest';
import { declareVersions } from '../../src/db/database';

let counter = 0;
/** A database name no other test uses (fake-indexeddb is shared within a test file). */
export function freshName(label: string): string {
  counter += 1;
  return `test-${label}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Builds a database exactly as the app at `version` would have left it (versions 1..version of the
 * append-only list, nothing newer), lets `seed` write rows with plain Dexie, and closes it.
 */
export async function seedAtVersion(name: string, version: number, seed: (db: Dexie) => Promise<void>): Promise<void> {
  const old = new Dexie(name);
  declareVersions(old, version);
  await old.open();
  expect(old.verno).toBe(version);
  await seed(old);
  old.close();
}

/** Every row of every table, for before/after comparisons. */
export async function dumpDatabase(name: string): Promise<{ version: number; tables: Record<string, unknown[]> }> {
  const db = new Dexie(name);
  await db.open();
  try {
    const tables: Record<string, unknown[]> = {};
    for (const t of db.tables) tables[t.name] = await t.toArray();
    return { version: db.verno, tables };
  } finally {
    db.close();
  }
}
