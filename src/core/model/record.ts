import { z } from 'zod';
import { isKstDate, isKstHour } from '../time/kst';
import { bi } from './text';

/**
 * An activity record: what happened in one time bucket on one sales channel (loss model section 1).
 * This shape is shared by the importers (core/io), the entry grid (ui), storage (db) and the engine
 * (core/estimate). Extend it only by adding optional fields.
 */

/** Hourly bucket `2022-10-15T20:00+09:00` (KST, whole hour) or daily bucket `2022-10-15` (a KST calendar day). */
export const HOURLY_BUCKET_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:00\+09:00$/;
export const DAILY_BUCKET_RE = /^\d{4}-\d{2}-\d{2}$/;

export const bucketSchema = z
  .string()
  // The calendar check matters: the pattern alone let 2022-02-30 and hour 99 through into the estimate.
  .refine((s): boolean => isKstHour(s) || isKstDate(s), {
    message: bi('시간 구간은 2022-10-15T20:00+09:00(시간) 또는 2022-10-15(일) 형식이어야 해요', 'bucket must be an hour like 2022-10-15T20:00+09:00 or a day like 2022-10-15'),
  });

/** A sales channel id such as `kakao-t`, `phone`, `other-app`, `walk-in`, `card`, `kakao-pay`. */
export const channelIdSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: bi('채널 id는 영문 소문자, 숫자, -만 써요', 'channel id: lowercase letters, digits and -') });

/**
 * The most records one claim holds (the claim file's `records` cap). Imports and entries are checked
 * against it before anything is stored, and one import file may hold at most this many rows.
 */
export const MAX_CLAIM_RECORDS = 500_000;
export const MAX_AMOUNT_KRW = 1_000_000_000_000; // 10^12 won: anything above is an input error

export const provenanceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('imported'),
    /** SHA-256 of the imported file, lowercase hex. */
    fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
    fileName: z.string().max(260).optional(),
    /** 1-based data row in the source file. */
    row: z.number().int().positive().optional(),
  }),
  z.object({
    kind: z.literal('logged'),
    /** When it was logged (ISO 8601 with offset). */
    loggedAt: z.string().optional(),
  }),
  z.object({
    kind: z.literal('reconstructed'),
    note: z.string().max(500).optional(),
    /** Read from a screenshot (issue 19): the screenshot's SHA-256 (it sits in the evidence vault) ... */
    screenshotSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    /** ... and the OCR's confidence in the values, 0-100, before the user confirmed them. */
    ocrConfidence: z.number().min(0).max(100).optional(),
  }),
]);

export const activityRecordSchema = z.object({
  bucket: bucketSchema,
  channel: channelIdSchema,
  /** Orders or calls in the bucket. */
  count: z.number().finite().nonnegative().max(1_000_000),
  /** Revenue in whole won; null or absent when unknown (then count x average ticket, section 1). */
  revenue: z.number().finite().nonnegative().max(MAX_AMOUNT_KRW).nullable().optional(),
  provenance: provenanceSchema,
});

export type Bucket = z.infer<typeof bucketSchema>;
export type ChannelId = z.infer<typeof channelIdSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
export type ActivityRecord = z.infer<typeof activityRecordSchema>;
