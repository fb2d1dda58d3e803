import { z } from 'zod';
import { bi } from '../model/common';

/**
 * A claim channel's profile: what the channel asked for (domain brief section 2), as data. A new channel is a
 * new file in ./profiles that this schema accepts, plus one line in ./profiles/index.ts.
 *
 * Form texts are templates over a fixed vocabulary of facts drawn from the claim and its estimate
 * (FACT_KEYS, filled in by ./facts.ts). A template is a list of paragraphs; a paragraph whose facts are all
 * missing is dropped, so optional facts need no conditionals.
 */

export const FACT_KEYS = [
  'claimant.name',
  /** `상호 이름` for a shop, the name alone otherwise. */
  'claimant.displayName',
  'claimant.kindKo',
  /** What the claimant earns in their words: 매출 for a shop, 수입 for a driver. */
  'claimant.earningsWord',
  'claimant.businessName',
  'claimant.businessNumber',
  'claimant.email',
  'claimant.phone',
  'claimant.region',
  'incident.name',
  'incident.servicesKo',
  'window.start',
  'window.end',
  'window.hours',
  /** Every span of the claim window by commas; one span reads as `{window.start} ~ {window.end}`. */
  'window.spans',
  /** One span: its length (as window.hours). Spans apart: 떨어진 구간 2개, 합계 48시간. */
  'window.length',
  /** window.spans, with the spans' count and total after it in brackets only when they are apart. */
  'window.spansAndTotal',
  'figures.expected',
  'figures.actual',
  'figures.lostCount',
  'figures.lostRevenue',
  'figures.margin',
  'figures.lostProfit',
  'figures.rangeLow',
  'figures.rangeHigh',
  'figures.rangeLevel',
  'figures.directTotal',
  'figures.indirectTotal',
  'figures.claimTotal',
  'method.summary',
  'method.granularityKo',
  'method.referenceDates',
  'rule.name',
  'rule.loss',
  'rule.band',
  'rule.detail',
  /** Every applicable rule of the claim's pack beside the app's estimate, the gap in words, declared inputs as declared. */
  'rules.comparison',
  'evidence.list',
  'evidence.count',
  'channel.name',
  'resolution.sought',
  /** Submissions already sent to other channels (date, channel, reference, packet SHA-256, outcome): an escalation cites them. */
  'submissions.earlier',
  /** Why mediation is asked for, true to the record: a rejection or short offer, no answer yet, or no earlier claim. */
  'submissions.reason',
] as const;

export type FactKey = (typeof FACT_KEYS)[number];
const factKeySet = new Set<string>(FACT_KEYS);
const PLACEHOLDER = /\{([a-zA-Z.]+)\}/g;

export function placeholdersIn(template: string): string[] {
  return Array.from(template.matchAll(PLACEHOLDER), (m) => m[1] ?? '');
}

const bilingual = z.object({ ko: z.string().min(1), en: z.string().min(1) });
const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: bi('id는 영문 소문자, 숫자, -만 써요', 'id: lowercase letters, digits and - only') });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?\+09:00$/, { message: bi('KST 시각(+09:00)이어야 해요', 'a KST instant with +09:00') });

const templateSchema = z
  .array(z.string())
  .min(1)
  .superRefine((paragraphs, ctx) => {
    for (const p of paragraphs) {
      for (const key of placeholdersIn(p)) {
        if (!factKeySet.has(key)) ctx.addIssue({ code: 'custom', message: bi(`알 수 없는 항목 {${key}}`, `unknown placeholder {${key}}`) });
      }
    }
  });

export const formFieldSchema = z
  .object({
    id: idSchema,
    label: bilingual,
    kind: z.enum(['text', 'textarea', 'email', 'tel', 'choice', 'consent', 'attachment']),
    required: z.boolean(),
    /** In characters, as a browser's maxlength counts. */
    maxLength: z.number().int().positive().optional(),
    /** Where the limit comes from; "assumed" when the channel does not publish one. */
    maxLengthSource: z.string().optional(),
    choices: z.array(z.string().min(1)).optional(),
    /** First matching rule picks the choice; `defaultChoice` otherwise. */
    choiceRules: z
      .array(z.object({ ifClaimantKindIn: z.array(z.string()).optional(), ifServiceIn: z.array(z.string()).optional(), choice: z.string() }))
      .optional(),
    defaultChoice: z.string().optional(),
    template: templateSchema.optional(),
    /** What the person must do themselves (tick a box, attach a file). */
    instruction: z.string().optional(),
  })
  .superRefine((field, ctx) => {
    if (field.kind === 'choice') {
      if (!field.choices?.length || !field.defaultChoice) {
        ctx.addIssue({ code: 'custom', message: bi(`${field.id}: 선택 항목은 choices와 defaultChoice가 필요해요`, `${field.id}: choice fields need choices and defaultChoice`) });
        return;
      }
      const all = [field.defaultChoice, ...(field.choiceRules ?? []).map((r) => r.choice)];
      for (const c of all) {
        if (!field.choices.includes(c)) ctx.addIssue({ code: 'custom', message: bi(`${field.id}: "${c}"는 선택지에 없어요`, `${field.id}: "${c}" is not among the choices`) });
      }
    } else if (field.kind !== 'consent' && field.kind !== 'attachment' && !field.template) {
      ctx.addIssue({ code: 'custom', message: bi(`${field.id}: 글 항목은 template이 필요해요`, `${field.id}: text fields need a template`) });
    }
  });

export const requiredDocumentSchema = z.object({
  /** An evidence label a claim's evidence item can carry (see ./documents.ts). */
  label: idSchema,
  name: bilingual,
  required: z.boolean(),
  hint: z.string().optional(),
});

export const channelProfileSchema = z
  .object({
    id: idSchema,
    name: bilingual,
    description: z.string(),
    /** Who runs the channel and where the facts come from. */
    source: z.string(),
    fields: z.array(formFieldSchema),
    documents: z.array(requiredDocumentSchema),
    /** The channel rule whose figure this channel asks for (estimate.rules[id]); null: the general estimate. */
    rule: z.string().nullable(),
    /** The figure the packet puts first. */
    headlineFigure: z.enum(['rule', 'lostProfit', 'claimTotal']),
    /** Window the claim's records must cover for the rule, e.g. Kakao Mobility's 18 hours and a week earlier. */
    ruleWindows: z.array(z.object({ label: z.string(), start: isoInstant, end: isoInstant })).optional(),
    intake: z
      .object({ opens: isoDate, closes: isoDate.nullable(), source: z.string(), note: z.string().optional() })
      .nullable(),
    /** Case category as the 온라인피해365센터 classifies it. */
    damage365Category: z
      .object({ primary: z.enum(['통신', '재화 및 서비스']), sub: z.string(), alternative: z.string().optional() })
      .optional(),
    readiness: z.object({
      needsRecords: z.boolean(),
      minReferenceDates: z.number().int().min(0).max(12),
      needsContact: z.boolean(),
    }),
    /** form.txt heading and what the README says to do with the packet. */
    howToSubmit: z.string(),
  })
  .superRefine((profile, ctx) => {
    const ids = profile.fields.map((f) => f.id);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) ctx.addIssue({ code: 'custom', message: bi(`${profile.id}: 항목 id ${dup}가 겹쳐요`, `${profile.id}: duplicate field id ${dup}`) });
    if (profile.headlineFigure === 'rule' && !profile.rule) {
      ctx.addIssue({ code: 'custom', message: bi(`${profile.id}: headlineFigure 'rule'에는 rule이 필요해요`, `${profile.id}: headlineFigure 'rule' needs a rule`) });
    }
  });

export type ChannelProfile = z.infer<typeof channelProfileSchema>;
export type FormField = z.infer<typeof formFieldSchema>;
export type RequiredDocument = z.infer<typeof requiredDocumentSchema>;

/** Parses a profile and names the profile and field in the error (Korean / English). */
export function parseChannelProfile(input: unknown, origin: string): ChannelProfile {
  const result = channelProfileSchema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(bi(`채널 설정이 잘못됐어요 (${origin})`, `invalid channel profile (${origin}): ${issues}`));
  }
  return result.data;
}
