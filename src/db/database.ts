import Dexie from 'dexie';
import type { EntityTable, Table } from 'dexie';
import type { ClaimRow, EvidenceRow, ImportRow, PackRow, RecordRow, SettingRow } from './schema';
import { versions } from './versions';

export const DB_NAME = 'outage-loss-desk';

/** The app's IndexedDB database, built by replaying `versions` in order. */
export class OutageDeskDB extends Dexie {
  claims!: Table<ClaimRow, string>;
  records!: EntityTable<RecordRow, 'id'>;
  evidence!: Table<EvidenceRow, string>;
  settings!: Table<SettingRow, string>;
  imports!: Table<ImportRow, [string, string]>;
  packs!: Table<PackRow, [string, number]>;

  constructor(name: string = DB_NAME, upTo: number = Number.POSITIVE_INFINITY) {
    super(name);
    declareVersions(this, upTo);
  }
}

/** Declares versions 1..upTo on a Dexie instance (the migration tests use it to build old schemas). */
export function declareVersions(db: Dexie, upTo: number = Number.POSITIVE_INFINITY): void {
  for (const v of versions) {
    if (v.version > upTo) break;
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}
