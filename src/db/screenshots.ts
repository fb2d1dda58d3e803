import { activityRecordSchema } from '../core/model/record';
import { bilingualErrorMap } from '../core/model/issues';
import type { OutageDeskDB } from './database';
import { addEvidenceFile } from './evidence';
import { putRecords, recordInputError } from './records';

export type ScreenshotFile = { name: string; type: string; bytes: Uint8Array; note: string };

/**
 * Saves the records a person confirmed from screenshots (issue 19) and keeps each screenshot in the evidence
 * vault, marked reconstructed. Every record is checked first: one bad value and nothing is stored, neither
 * records nor screenshots. The records name their screenshot by SHA-256, which the vault keys files by.
 */
export async function saveScreenshotRecords(db: OutageDeskDB, claimId: string, screenshots: readonly ScreenshotFile[], records: readonly unknown[]): Promise<{ records: number; screenshots: number }> {
  records.forEach((r, i) => {
    const parsed = activityRecordSchema.safeParse(r, { error: bilingualErrorMap });
    if (!parsed.success) throw recordInputError(i, parsed.error);
  });
  for (const shot of screenshots) await addEvidenceFile(db, claimId, { name: shot.name, type: shot.type, bytes: shot.bytes }, { provenance: 'reconstructed', note: shot.note });
  const stored = await putRecords(db, claimId, records);
  return { records: stored, screenshots: screenshots.length };
}
