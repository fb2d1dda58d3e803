import type { Transaction } from 'dexie';

/**
 * The database versions, oldest first.
 *
 * APPEND-ONLY. Once a version has shipped it is never edited, reordered or removed: a user's database
 * on disk was built by exactly these steps, and Dexie replays them to reach the newest one. To change
 * the schema, append a new entry with the next number, only the tables that change, and a named
 * upgrade when existing rows need new fields. tests/db/shipped-versions.json pins every shipped entry
 * (its stores and the text of its upgrade), and tests/db/migrations.test.ts seeds the previous version
 * and checks the upgrade.
 *
 * Upgrade functions are self-contained: they read and write plain rows through `tx.table(name)` and
 * import nothing from the app, because the app's types and helpers move on while an upgrade must keep
 * doing what it did when it shipped.
 */
export interface DbVersion {
  version: number;
  /** A short kebab-case name saying what the step does. */
  name: string;
  /** Dexie store specs for the tables this version adds or changes; `null` deletes a table. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<unknown>;
}

export const versions: readonly DbVersion[] = [
  {
    version: 1,
    name: 'initial',
    stores: {
      // `example` is 0 or 1: IndexedDB cannot index booleans.
      claims: 'id, title, updatedAt, example',
      records: '++id, claimId, [claimId+bucket], [claimId+channel+bucket]',
      evidence: 'id, claimId, sha256, [claimId+sha256]',
      settings: 'key',
      // One row per file imported into a claim: the same bytes are refused a second time.
      imports: '[claimId+sha256], claimId, sha256',
    },
  },
  {
    version: 2,
    name: 'records-by-day',
    stores: {
      // `day` (the KST calendar day of the bucket) lets daily and hourly records be read per day
      // with one index range, which the baseline and the estimate do for every reference date.
      records: '++id, claimId, [claimId+bucket], [claimId+channel+bucket], [claimId+day]',
    },
    upgrade: (tx) =>
      tx
        .table('records')
        .toCollection()
        .modify((row: { bucket: string; day?: string }) => {
          // Both bucket forms start with the KST date: `2022-10-15` and `2022-10-15T20:00+09:00`.
          row.day = row.bucket.slice(0, 10);
        }),
  },
  {
    version: 3,
    name: 'records-two-indexes',
    stores: {
      // Every index entry is written again for every stored row: four indexes made a 100,000-row import
      // take ~1.3x as long as two (docs/benchmarks.md). `claimId` alone is the first part of both compound
      // indexes (Dexie answers `where('claimId')` from them), and a day is a `[claimId+bucket]` range
      // because both bucket forms start with it, so both of those indexes go.
      records: '++id, [claimId+bucket], [claimId+channel+bucket]',
    },
    upgrade: (tx) =>
      tx
        .table('records')
        .toCollection()
        .modify((row: { day?: string }) => {
          // `day` only fed the index that is gone; every row keeps the same shape as new ones.
          delete row.day;
        }),
  },
  {
    version: 4,
    name: 'incident-packs',
    stores: {
      // Incident packs the user imported or wrote, every version kept: a claim stays on the version it used.
      packs: '[id+version], id',
    },
  },
];

/** The newest version this app knows; a database above it was made by a newer app. */
export const LATEST_VERSION: number = versions[versions.length - 1]!.version;
