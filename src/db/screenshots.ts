import { activityRecordSchema } from '../core/model/record';
import type { OutageDeskDB } from './database';
import { addEvidenceFile } from './evidence';
import { RecordInputError, putRecords } from './records';

export type ScreenshotFile = { name: string; type: string; bytes: Uint8Array; note: string };

/**
 * Saves the records a person confirmed from screenshots (issue 19) and keeps each screenshot in the evidence
 * vault, marked reconstructed. Every record is checked first: one bad value and nothing is stored, neither
 * records nor screenshots. The records name their screenshot by SHA-256, which the vault keys files by.
 */
export async function saveScreenshotRecords(db: OutageDeskDB, claimId: string, screenshots: readonly ScreenshotFile[], records: readonly unknown[]): Promise<{ records: number; screenshots: number }> {
  records.forEach((r, i) => {
    const parsed = activityRecordSchema.safeParse(r);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.') || '(record)';
      throw new RecordInputError(`${i + 1}번째 기록, ${field}: ${issue.message} / record ${i + 1}, ${field}: ${issue.message}`);
    }
  });
  for (const shot of screenshots) await addEvidenceFile(db, claimId, { name: shot.name, type: shot.type, bytes: shot.bytes }, { provenance: 'reconstructed', note: shot.note });
  const stored = await putRecords(db, claimId, records);
  return { records: stored, screenshots: screenshots.length };
}
