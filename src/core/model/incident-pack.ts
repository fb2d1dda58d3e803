import { z } from 'zod';
import { parseInstant } from '../time/kst';
import { channelProfileSchema } from '../packet/profile';
import { MERCHANT_INDUSTRIES, TAXI_TYPES } from './claimant';
import { channelIdSchema } from './record';
import { bi, bilingualTextSchema, idSchema, kstDateSchema, kstInstantSchema } from './common';

/**
 * An incident pack (shared/incident-packs.md): one outage as one validated JSON file. The incident, its
 * services and their KST intervals, the claim channels with their packet profiles, and the compensation
 * rules, each a `kind` from a fixed list plus parameters. Nothing executable: every kind is one pure
 * function in core/estimate/rules/kinds, and a new outage is a new file, not new code.
 */
export const INCIDENT_PACK_FORMAT = 'outage-loss-desk/incident-pack';
export const INCIDENT_PACK_FORMAT_VERSION = 1;
/** A pack file larger than this is refused before it is parsed. */
export const MAX_PACK_BYTES = 2 * 1024 * 1024;

/** Claimant kinds a rule can name. The app's claims know the first three; the others are shown, not computed. */
export const PACK_CLAIMANT_KINDS = ['merchant', 'taxi', 'designated-driver', 'rider', 'individual'] as const;

export const RULE_KINDS = [
  'best-week', 'window-vs-earlier', 'same-slot-multiple', 'fee-for-duration', 'commission-refund', 'fixed-amount', 'failed-orders',
] as const;

/**
 * What kind of service failed, so the app can suggest a claimant's channels (which stopped, which stayed open)
 * from the pack instead of from one outage's habits. Platforms a claimant sells through: `payment`,
 * `delivery-app`, `shop-messaging` (orders and bookings by chat), `gift-order`, `taxi-hailing`,
 * `driver-dispatch`. Lines under every channel: `internet` (card terminals and online sales stop),
 * `landline` (phone orders stop), `network` (both). For information only: `messaging`, `maps`, `other`.
 */
export const SERVICE_KINDS = [
  'payment', 'delivery-app', 'shop-messaging', 'gift-order', 'taxi-hailing', 'driver-dispatch', 'internet', 'landline', 'network', 'messaging', 'maps', 'other',
] as const;

export const CHANNEL_KINDS = ['company-form', 'company-documents', 'automatic-credit', 'damage365', 'dispute-mediation', 'generic'] as const;

export const sourceSchema = z.object({
  /** Publication or body, e.g. `서울경제`, `KT 보도자료`. */
  publication: z.string().trim().min(1, bi('출처 이름이 비어 있어요', 'source publication is empty')).max(200),
  date: kstDateSchema.optional(),
  /** Article id or address. */
  ref: z.string().trim().min(1, bi('기사 번호나 주소를 적어요', 'give the article id or address')).max(500),
});

const notes = z.string().max(2000).default('');

const intervalSchema = z
  .object({
    start: kstInstantSchema,
    /** null: still going on (open end) or not published. */
    end: kstInstantSchema.nullable(),
    region: z.string().max(300).optional(),
    /** True when a time is not confirmed by a published source (shown as such). */
    startUnconfirmed: z.boolean().default(false),
    endUnconfirmed: z.boolean().default(false),
    note: notes,
  })
  .superRefine((w, ctx) => {
    if (w.end === null) return;
    try {
      if (parseInstant(w.end) <= parseInstant(w.start)) ctx.addIssue({ code: 'custom', path: ['end'], message: bi('끝 시각이 시작 시각보다 뒤여야 해요', 'end must be after start') });
    } catch {
      /* the field checks report the format */
    }
  });

export const packServiceSchema = z
  .object({
    id: idSchema,
    name: bilingualTextSchema,
    /** Optional: what kind of service it is (SERVICE_KINDS); without it the app suggests the service as a channel for everyone. */
    kind: z.enum(SERVICE_KINDS).optional(),
    /** Optional: the sales channel a claimant records for this service (its id in records, its name on screen). */
    channel: z.object({ id: channelIdSchema, name: bilingualTextSchema }).optional(),
    intervals: z.array(intervalSchema).min(1, bi('장애 구간을 하나 이상 적어요', 'give at least one outage interval')).max(50),
    sources: z.array(sourceSchema).min(1, bi('출처를 하나 이상 적어요', 'give at least one source')),
    note: notes,
  })
  .superRefine((s, ctx) => {
    // Intervals of one service must not overlap (a region note does not make two times one).
    const spans = s.intervals
      .map((w, i) => {
        try {
          return { i, a: parseInstant(w.start), b: w.end === null ? Number.POSITIVE_INFINITY : parseInstant(w.end) };
        } catch {
          return null;
        }
      })
      .filter((x): x is { i: number; a: number; b: number } => x !== null)
      .sort((x, y) => x.a - y.a);
    for (let j = 1; j < spans.length; j++) {
      const prev = spans[j - 1]!;
      const cur = spans[j]!;
      if (cur.a < prev.b && (s.intervals[cur.i]!.region ?? '') === (s.intervals[prev.i]!.region ?? '')) {
        ctx.addIssue({ code: 'custom', path: ['intervals', cur.i, 'start'], message: bi(`구간 ${prev.i + 1}과 겹쳐요`, `overlaps interval ${prev.i + 1}`) });
      }
    }
  });

/** An input the claimant declares because records do not carry it (a monthly fee, a fee rate, the days hit). */
export const ruleInputSchema = z.object({
  id: idSchema,
  /** won: an amount; rate: a share 0..1; count, hours, days: a number; dates: KST dates. */
  unit: z.enum(['won', 'rate', 'count', 'hours', 'days', 'dates']),
  name: bilingualTextSchema,
  /** What the claimant shows to prove it (a bill, a contract, the ad invoice). */
  evidence: bilingualTextSchema,
  min: z.number().optional(),
  max: z.number().optional(),
});

export const bandSchema = z.object({
  id: idSchema,
  /** Inclusive upper bound of the figure; null: everything above. */
  upTo: z.number().nonnegative().nullable(),
  /** What is paid in the band: a fixed amount, `figure` (the figure itself), or null (decided case by case). */
  payout: z.union([z.number().int().nonnegative(), z.literal('figure')]).nullable(),
  label: bilingualTextSchema,
});

const share = z.number().min(0, bi('0 이상이어야 해요', 'must be at least 0')).max(1, bi('1 이하여야 해요', 'must be at most 1'));
const multiple = z.number().positive(bi('0보다 커야 해요', 'must be above 0')).max(100, bi('100 이하여야 해요', 'must be at most 100'));
const inputRef = idSchema;

/** One object per kind: the parameters each kind's function reads (incident-packs.md, "rule shapes"). */
export const ruleParamsByKind = {
  'best-week': z.object({
    /** First day of the outage week; weeks run from this weekday. */
    outageWeekStart: kstDateSchema,
    periodFrom: kstDateSchema,
    periodTo: kstDateSchema,
  }),
  'window-vs-earlier': z.object({
    windowStart: kstInstantSchema,
    windowEnd: kstInstantSchema,
    weeksEarlier: z.number().int().min(1).max(12),
    share,
  }),
  'same-slot-multiple': z.object({
    windowStart: kstInstantSchema,
    windowEnd: kstInstantSchema,
    multiple,
    weeksBefore: z.number().int().min(1).max(12),
    /** The declared fee rate (unit rate). */
    rateInput: inputRef,
  }),
  'fee-for-duration': z.object({
    /** The declared periodic fee (unit won, per month). */
    feeInput: inputRef,
    /** outage-multiple: k x the claim's outage time; hours, days, months: a fixed duration. */
    basis: z.enum(['outage-multiple', 'hours', 'days', 'months']),
    amount: z.number().positive().max(1000),
    /** How a monthly fee becomes an hourly or daily one. */
    daysPerMonth: z.number().int().min(28).max(31).default(30),
    /** The outage time for outage-multiple, when the rule fixes it; else the claim's window. */
    outageMinutes: z.number().positive().max(60 * 24 * 60).optional(),
    /** The company's figure to the nearest this many won (Kakao Mobility 2022 paid 7,550 and 4,260: tens). */
    roundTo: z.number().int().positive().max(10_000).optional(),
  }),
  'commission-refund': z.object({
    periodStart: kstInstantSchema,
    periodEnd: kstInstantSchema,
    /** The declared commission rate (unit rate). */
    rateInput: inputRef,
  }),
  'fixed-amount': z.object({
    /** Paid once per eligible claimant. */
    amount: z.number().int().nonnegative().max(100_000_000).optional(),
    /** Paid per affected date the claimant declares (datesInput). */
    perDate: z.array(z.object({ date: kstDateSchema, amount: z.number().int().nonnegative().max(100_000_000) })).optional(),
    datesInput: inputRef.optional(),
    /** Paid as one amount when every listed date was hit (LG U+ PC cafes: 710,000 for both days). */
    allDatesAmount: z.number().int().nonnegative().max(100_000_000).optional(),
    cap: z.number().int().nonnegative().max(100_000_000).optional(),
  }),
  'failed-orders': z.object({
    windowStart: kstInstantSchema,
    windowEnd: kstInstantSchema,
    share,
    /** The declared value of orders cancelled or failed in the window (unit won). */
    valueInput: inputRef,
  }),
} as const;

const ruleBase = {
  id: idSchema,
  name: bilingualTextSchema,
  claimantKinds: z.array(z.enum(PACK_CLAIMANT_KINDS)).min(1, bi('대상 청구인을 하나 이상 적어요', 'name at least one claimant kind')),
  sources: z.array(sourceSchema).min(1, bi('출처를 하나 이상 적어요', 'give at least one source')),
  inputs: z.array(ruleInputSchema).default([]),
  bands: z.array(bandSchema).optional(),
  /** Paid automatically (a bill credit) or on request. */
  payment: z.enum(['automatic', 'on-request', 'unknown']).default('unknown'),
  unconfirmed: z.boolean().default(false),
  /**
   * A paid plan's rule (Kakao Mobility's Pro members, 2022): it concerns only claimants who declare its
   * inputs (their plan's fee). The estimate screen still asks for them; a packet leaves the rule out until then.
   */
  subscribersOnly: z.boolean().optional(),
  /** Claimants outside these sub-kinds get the figure for reference only, with this note. */
  eligibility: z
    .object({ taxiTypes: z.array(z.enum(TAXI_TYPES)).optional(), industries: z.array(z.enum(MERCHANT_INDUSTRIES)).optional(), note: bilingualTextSchema })
    .optional(),
  note: notes,
};

export const compensationRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('best-week'), params: ruleParamsByKind['best-week'], ...ruleBase }),
  z.object({ kind: z.literal('window-vs-earlier'), params: ruleParamsByKind['window-vs-earlier'], ...ruleBase }),
  z.object({ kind: z.literal('same-slot-multiple'), params: ruleParamsByKind['same-slot-multiple'], ...ruleBase }),
  z.object({ kind: z.literal('fee-for-duration'), params: ruleParamsByKind['fee-for-duration'], ...ruleBase }),
  z.object({ kind: z.literal('commission-refund'), params: ruleParamsByKind['commission-refund'], ...ruleBase }),
  z.object({ kind: z.literal('fixed-amount'), params: ruleParamsByKind['fixed-amount'], ...ruleBase }),
  z.object({ kind: z.literal('failed-orders'), params: ruleParamsByKind['failed-orders'], ...ruleBase }),
], { error: (iss) => (iss.code === 'invalid_union' ? bi(`알 수 없는 규칙 종류예요 (${RULE_KINDS.join(', ')})`, `unknown rule kind (one of ${RULE_KINDS.join(', ')})`) : undefined) });

export const claimChannelSchema = z.object({
  id: idSchema,
  kind: z.enum(CHANNEL_KINDS),
  name: bilingualTextSchema,
  opens: kstDateSchema.nullable().default(null),
  closes: kstDateSchema.nullable().default(null),
  /** The rules whose figure this channel asks for. */
  rules: z.array(idSchema).default([]),
  /** Documents the channel asks for, in words. */
  documents: z.array(z.object({ name: bilingualTextSchema, required: z.boolean(), hint: z.string().max(500).optional() })).default([]),
  /** The packet profile, as data (packet/profile.ts); absent: the app's generic profile for the kind. */
  profile: channelProfileSchema.optional(),
  sources: z.array(sourceSchema).default([]),
  note: notes,
});

const packObject = z.object({
  format: z.literal(INCIDENT_PACK_FORMAT),
  formatVersion: z.literal(INCIDENT_PACK_FORMAT_VERSION),
  /** The incident's id; claims name it as their incident's presetId. */
  id: idSchema,
  /** Raised when the publisher changes the pack; claims keep the version they used. */
  version: z.number().int().min(1).max(1_000_000),
  publishedAt: kstDateSchema,
  publisher: z.string().max(200).default(''),
  incident: z.object({
    name: bilingualTextSchema,
    summary: bilingualTextSchema.extend({ ko: z.string().min(1).max(4000), en: z.string().max(4000).default('') }),
    sources: z.array(sourceSchema).min(1, bi('출처를 하나 이상 적어요', 'give at least one source')),
  }),
  services: z.array(packServiceSchema).min(1, bi('장애 서비스를 하나 이상 적어요', 'list at least one affected service')).max(100),
  channels: z.array(claimChannelSchema).default([]),
  rules: z.array(compensationRuleSchema).default([]),
});

type PackShape = z.infer<typeof packObject>;

function checkPack(pack: PackShape, ctx: z.RefinementCtx): void {
  const add = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const unique = (list: { id: string }[], path: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) add([path, i, 'id'], bi(`id가 겹쳐요: ${x.id}`, `duplicate id: ${x.id}`));
      seen.add(x.id);
    });
  };
  unique(pack.services, 'services');
  unique(pack.channels, 'channels');
  unique(pack.rules, 'rules');
  const ruleIds = new Set(pack.rules.map((r) => r.id));
  pack.channels.forEach((c, i) => {
    c.rules.forEach((id, j) => {
      if (!ruleIds.has(id)) add(['channels', i, 'rules', j], bi(`팩에 없는 규칙이에요: ${id}`, `no rule with id ${id} in the pack`));
    });
    if (c.opens && c.closes && c.closes < c.opens) add(['channels', i, 'closes'], bi('마감일이 시작일보다 앞이에요', 'closes before it opens'));
    if (c.profile?.rule && !ruleIds.has(c.profile.rule)) add(['channels', i, 'profile', 'rule'], bi(`팩에 없는 규칙이에요: ${c.profile.rule}`, `no rule with id ${c.profile.rule} in the pack`));
  });
  pack.rules.forEach((r, i) => {
    const inputs = new Map(r.inputs.map((x) => [x.id, x]));
    unique(r.inputs, `rules.${i}.inputs`);
    const needInput = (field: string, id: string | undefined, units: string[]) => {
      if (id === undefined) return;
      const input = inputs.get(id);
      if (!input) add(['rules', i, 'params', field], bi(`규칙의 inputs에 없는 입력이에요: ${id}`, `no input with id ${id} in the rule's inputs`));
      else if (!units.includes(input.unit)) add(['rules', i, 'params', field], bi(`입력 ${id}의 단위는 ${units.join('/')}여야 해요`, `input ${id} must have unit ${units.join('/')}`));
    };
    const p = r.params as Record<string, unknown>;
    const orderedPair = (a: string, b: string) => {
      const from = p[a];
      const to = p[b];
      if (typeof from !== 'string' || typeof to !== 'string') return;
      let reversed = false;
      try {
        reversed = from.includes('T') ? parseInstant(to) <= parseInstant(from) : to < from;
      } catch {
        return;
      }
      if (reversed) add(['rules', i, 'params', b], bi(`${b}가 ${a}보다 뒤여야 해요`, `${b} must be after ${a}`));
    };
    switch (r.kind) {
      case 'best-week':
        orderedPair('periodFrom', 'periodTo');
        if (r.params.outageWeekStart < r.params.periodFrom || r.params.outageWeekStart > r.params.periodTo) {
          add(['rules', i, 'params', 'outageWeekStart'], bi('장애 주가 비교 기간 안에 있어야 해요', 'the outage week must lie in the period'));
        }
        break;
      case 'window-vs-earlier':
        orderedPair('windowStart', 'windowEnd');
        break;
      case 'same-slot-multiple':
        orderedPair('windowStart', 'windowEnd');
        needInput('rateInput', r.params.rateInput, ['rate']);
        break;
      case 'fee-for-duration':
        needInput('feeInput', r.params.feeInput, ['won']);
        break;
      case 'commission-refund':
        orderedPair('periodStart', 'periodEnd');
        needInput('rateInput', r.params.rateInput, ['rate']);
        break;
      case 'failed-orders':
        orderedPair('windowStart', 'windowEnd');
        needInput('valueInput', r.params.valueInput, ['won']);
        break;
      case 'fixed-amount':
        if (r.params.amount === undefined && !r.params.perDate?.length) {
          add(['rules', i, 'params'], bi('amount나 perDate 중 하나가 필요해요', 'needs amount or perDate'));
        }
        if (r.params.perDate?.length) {
          if (r.params.datesInput === undefined) add(['rules', i, 'params', 'datesInput'], bi('날짜별 금액에는 datesInput이 필요해요', 'perDate needs datesInput'));
          needInput('datesInput', r.params.datesInput, ['dates']);
        }
        break;
    }
    if (r.bands) {
      r.bands.forEach((b, j) => {
        const prev = r.bands![j - 1];
        if (prev && (prev.upTo === null || (b.upTo !== null && b.upTo <= prev.upTo))) {
          add(['rules', i, 'bands', j, 'upTo'], bi('구간 상한은 앞 구간보다 커야 해요', 'each band\'s upTo must exceed the previous one'));
        }
      });
      if (r.bands.length > 0 && r.bands[r.bands.length - 1]!.upTo !== null) {
        add(['rules', i, 'bands', r.bands.length - 1, 'upTo'], bi('마지막 구간의 상한은 null(그 이상 전부)이어야 해요', 'the last band must have upTo null (everything above)'));
      }
    }
  });
}

export const incidentPackSchema = packObject.superRefine(checkPack);

export type IncidentPack = z.infer<typeof incidentPackSchema>;
export type IncidentPackInput = z.input<typeof incidentPackSchema>;
export type PackService = z.infer<typeof packServiceSchema>;
export type PackInterval = PackService['intervals'][number];
export type CompensationRule = z.infer<typeof compensationRuleSchema>;
export type RuleKind = CompensationRule['kind'];
export type RuleInputSpec = z.infer<typeof ruleInputSchema>;
export type PackBand = z.infer<typeof bandSchema>;
export type ClaimChannel = z.infer<typeof claimChannelSchema>;
export type PackSource = z.infer<typeof sourceSchema>;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
