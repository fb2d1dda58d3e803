import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import Dexie from 'dexie';

/**
 * Every row of every table with each Blob replaced by its type, size and SHA-256: two Blobs with different
 * bytes compare equal under toEqual (they have no own properties), so the plain dump would miss a changed file.
 */
export async function fullDump(name: string): Promise<{ version: number; tables: Record<string, unknown[]> }> {
  const db = new Dexie(name);
  await db.open();
  try {
    const tables: Record<string, unknown[]> = {};
    for (const t of db.tables) {
      const rows = await t.toArray();
      tables[t.name] = await Promise.all(rows.map(async (row: Record<string, unknown>) => {
        const out: Record<string, unknown> = { ...row };
        for (const [k, v] of Object.entries(row)) {
          if (v instanceof Blob) {
            const bytes = new Uint8Array(await v.arrayBuffer());
            out[k] = { blobType: v.type, size: v.size, sha256: createHash('sha256').update(bytes).digest('hex') };
          }
        }
        return out;
      }));
    }
    return { version: db.verno, tables };
  } finally {
    db.close();
  }
}
