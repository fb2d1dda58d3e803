import { z } from 'zod';
import { DECISION_ACTIONS, type DuplicateDecision } from '../../core/batch/dedupe';
import { isoKst } from '../../core/packet/format';

/**
 * The person's duplicate decisions as a file of their own: the workspace is not stored, so this file
 * (with the same member files) is how a batch's decisions are kept and picked up again later.
 */

export const DECISIONS_FORMAT = 'outage-loss-desk/batch-decisions';

const decisionSchema = z
  .strictObject({
    a: z.string().min(1),
    b: z.string().min(1),
    action: z.enum(DECISION_ACTIONS),
    keep: z.string().min(1).optional(),
    reason: z.string().max(2000),
    decidedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/),
    decidedBy: z.literal('user'),
  })
  .refine((d) => d.action === 'keep-both' || d.keep === d.a || d.keep === d.b, { error: 'keep must be a or b', path: ['keep'] });

const fileSchema = z.strictObject({
  format: z.literal(DECISIONS_FORMAT),
  formatVersion: z.literal(1),
  madeAt: z.string(),
  decisions: z.array(decisionSchema).max(100_000),
});

export function decisionsFileBytes(decisions: readonly DuplicateDecision[], now: Date): Uint8Array {
  const body = { format: DECISIONS_FORMAT, formatVersion: 1, madeAt: isoKst(now), decisions: decisions.filter((d) => d.decidedBy === 'user') };
  return new TextEncoder().encode(`${JSON.stringify(body, null, 2)}\n`);
}

/** The decisions in a file, or what is wrong with it (the first problem, with its field path). */
export function parseDecisionsFile(bytes: Uint8Array): { ok: true; decisions: DuplicateDecision[] } | { ok: false; detail: string } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch (err) {
    return { ok: false, detail: `JSON: ${(err as Error).message}` };
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, detail: `${issue.path.join('.') || '(file)'}: ${issue.message}` };
  }
  return { ok: true, decisions: parsed.data.decisions };
}
