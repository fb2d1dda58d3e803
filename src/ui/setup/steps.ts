import type { z } from 'zod';
import {
  bilingualErrorMap,
  designatedDriverSchema,
  incidentSchema,
  merchantSchema,
  salesChannelSchema,
  taxiDriverSchema,
} from '../../core/model';
import type { ClaimBody } from '../../db';
import { pickLanguage } from '../format';
import { readJoined } from '../../core/model/common';

export const SETUP_STEPS = ['who', 'incident', 'services', 'channels', 'margin'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/** Fields the later steps own; step 1 checks the claimant without them. */
const LATER = { servicesUsed: true, salesChannels: true } as const;

/** Step 1's rules are the claim schema's own, minus the fields of steps 3 and 4 (no duplicate rules). */
export const identitySchemas = {
  merchant: merchantSchema.omit(LATER),
  taxi: taxiDriverSchema.omit(LATER),
  'designated-driver': designatedDriverSchema.omit(LATER),
} as const;

/** Step 4: the claimant's channel list, as the claim schema defines it. */
export const salesChannelsSchema = merchantSchema.shape.salesChannels;
export { salesChannelSchema };

/** Zod issues keyed by field path (`bankAccount.number`), in the reader's language. */
export function fieldErrors(error: z.ZodError, language: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in out)) out[key] = pickLanguage(readJoined(issue.message), language);
  }
  return out;
}

/** safeParse with the Korean + English messages the claim file uses. */
export function check<T extends z.ZodType>(schema: T, value: unknown): ReturnType<T['safeParse']> {
  return schema.safeParse(value, { error: bilingualErrorMap }) as ReturnType<T['safeParse']>;
}

type Body = Partial<ClaimBody>;
type ClaimantDraft = { kind?: string; servicesUsed?: unknown[]; salesChannels?: unknown[] } & Record<string, unknown>;

function claimantOf(body: Body): ClaimantDraft | undefined {
  return body.claimant as ClaimantDraft | undefined;
}

/** Which steps are done, read from the saved document alone (so a reload shows the same ticks). */
export function completedSteps(body: Body): Record<SetupStep, boolean> {
  const claimant = claimantOf(body);
  const kind = claimant?.kind as keyof typeof identitySchemas | undefined;
  const who = !!kind && kind in identitySchemas && identitySchemas[kind].safeParse(claimant).success;
  const incident = incidentSchema.safeParse(body.incident).success;
  const services = incident && Array.isArray(claimant?.servicesUsed) && claimant.servicesUsed.length > 0;
  const channels = salesChannelsSchema.safeParse(claimant?.salesChannels).success;
  const margin = body.granularity === 'hourly' || body.granularity === 'daily';
  return { who, incident, services, channels, margin };
}

/** Where to open the flow: the first step not done yet, else the last one. */
export function firstOpenStep(body: Body): SetupStep {
  const done = completedSteps(body);
  return SETUP_STEPS.find((s) => !done[s]) ?? 'margin';
}

export function isSetupStep(value: string | null | undefined): value is SetupStep {
  return !!value && (SETUP_STEPS as readonly string[]).includes(value);
}
