/**
 * Compensation rules (loss model 3.3) come from incident packs: each rule names a kind and its parameters,
 * and each kind is one pure function in ./kinds. Nothing here knows a particular outage.
 */
import type { Claim } from '../../model/claim';
import { bt, type BilingualText } from '../../model/common';
import type { CompensationRule, IncidentPack, PackBand } from '../../model/incident-pack';
import { roundWon, type Won } from '../../model/money';
import { BUNDLED_PACKS, findBundledPack } from '../../incidents/bundled';
import { citationsText } from '../../incidents/pack';
import type { ClaimWindow } from '../window';
import type { RecordIndex, Tickets } from '../record-index';
import { computeKind, type DeclaredValue } from './kinds/index';
import type { RuleBand, RuleResult } from './types';
import { KAKAO_2022 } from '../../incidents/ids';

export type { RuleBand, RuleInputShown, RuleResult } from './types';
export * from './kinds/index';
export { compareRule, type RuleComparison } from './gap-words';

/** What a rule reads besides its parameters (section 3.3). */
export interface RuleContext {
  claim: Claim;
  window: ClaimWindow;
  index: RecordIndex;
  /** Average ticket for records without revenue (section 1), per channel index; 0 when none is known. */
  averageTicket: Tickets;
}

/** A pack's rule bound to its pack, as the estimate runs it. */
export interface ChannelRule {
  id: string;
  title: { ko: string; en: string };
  source: string;
  packId: string;
  rule: CompensationRule;
  compute(ctx: RuleContext): RuleResult;
}

const label = (t: { ko: string; en: string }): BilingualText => ({ ko: t.ko, en: t.en });

/** Maps a figure to its band: the first band whose `upTo` it does not exceed (bands are ordered). */
export function bandFor(figure: Won, bands: readonly PackBand[] | undefined): RuleBand {
  if (!bands || bands.length === 0) return { id: 'figure', payout: figure, label: bt('산정액 전액', 'the whole figure') };
  const band = bands.find((b) => b.upTo === null || figure <= b.upTo) ?? bands[bands.length - 1]!;
  const payout = band.payout === 'figure' ? figure : band.payout === null ? null : (band.payout as Won);
  return { id: band.id, payout, label: label(band.label) };
}

function eligibleFor(rule: CompensationRule, claim: Claim): boolean {
  const e = rule.eligibility;
  if (!e) return true;
  const c = claim.claimant;
  if (e.taxiTypes && c.kind === 'taxi' && !e.taxiTypes.includes(c.taxiType)) return false;
  if (e.industries && c.kind === 'merchant' && !e.industries.includes(c.industry)) return false;
  return true;
}

/**
 * A paid plan's rule (`subscribersOnly`) whose fee the claimant has not declared: it does not concern them
 * yet, so a packet leaves it out, and the estimate screen offers it only to the plan's own sub-kinds.
 */
export function undeclaredPlanRule(rule: Pick<RuleResult, 'subscribersOnly' | 'inputs'>): boolean {
  return rule.subscribersOnly === true && rule.inputs.every((i) => i.value === null);
}

/** Runs one pack rule on a claim: the kind's figure, rounded once, its band, the declared inputs shown. */
export function evaluateRule(rule: CompensationRule, ctx: RuleContext): RuleResult {
  const declared = ctx.claim.ruleInputs ?? {};
  const inputs: Record<string, DeclaredValue | undefined> = {};
  for (const spec of rule.inputs) inputs[spec.id] = declared[spec.id]?.value;
  const f = computeKind(rule, { ...ctx, inputs });
  const eligible = eligibleFor(rule, ctx.claim);
  const notes = [...(eligible || !rule.eligibility ? [] : [label(rule.eligibility.note)]), ...f.notes];
  if (rule.unconfirmed) notes.push(bt('이 기준의 일부 내용은 확인되지 않았어요', 'parts of this rule are unconfirmed'));
  const loss = f.computable && f.figure !== null ? roundWon(f.figure) : null;
  return {
    id: rule.id,
    kind: rule.kind,
    title: { ko: rule.name.ko, en: rule.name.en },
    source: citationsText(rule.sources),
    computable: loss !== null,
    loss,
    band: loss === null ? null : bandFor(loss, rule.bands),
    details: f.details,
    notes,
    lines: f.lines,
    inputs: rule.inputs.map((spec) => ({
      id: spec.id,
      name: spec.name,
      unit: spec.unit,
      value: declared[spec.id]?.value ?? null,
      evidence: spec.evidence,
      evidenceIds: declared[spec.id]?.evidenceIds ?? [],
    })),
    eligible,
    ...(rule.subscribersOnly ? { subscribersOnly: true as const } : {}),
  };
}

function bind(pack: IncidentPack, rule: CompensationRule): ChannelRule {
  return {
    id: rule.id,
    title: { ko: rule.name.ko, en: rule.name.en },
    source: citationsText(rule.sources),
    packId: pack.id,
    rule,
    compute: (ctx) => evaluateRule(rule, ctx),
  };
}

/** Every rule of every bundled pack, by rule id. */
export const channelRules: Readonly<Record<string, ChannelRule>> = Object.fromEntries(
  BUNDLED_PACKS.flatMap((p) => p.rules.map((r) => [r.id, bind(p, r)] as const)),
);

/** The pack a claim's incident comes from: the one given (an imported file), else a bundled one. */
export function packForClaim(claim: Pick<Claim, 'incident'>, pack?: IncidentPack): IncidentPack | undefined {
  const ids = [claim.incident.presetId, claim.incident.id].filter((x): x is string => !!x);
  if (pack && ids.includes(pack.id)) return pack;
  for (const id of ids) {
    const found = findBundledPack(id);
    if (found) return found;
  }
  return undefined;
}

/** Rules of the claim's pack that name its claimant's kind. */
export function rulesFor(claim: Claim, pack?: IncidentPack): ChannelRule[] {
  const p = packForClaim(claim, pack);
  if (!p) return [];
  return p.rules.filter((r) => (r.claimantKinds as readonly string[]).includes(claim.claimant.kind)).map((r) => bind(p, r));
}

// The Kakao 2022 small-business rule's data, for the screens and the batch roster that show its bands.
const kakaoSmb = findBundledPack(KAKAO_2022.packId)!.rules.find((r) => r.id === KAKAO_2022.smbBestWeekRule)!;
export const SMB_BEST_WEEK_DATA = {
  id: kakaoSmb.id,
  bands: (kakaoSmb.bands ?? []).filter((b) => b.id !== 'none').map((b) => ({
    id: b.id,
    upTo: b.upTo ?? Number.POSITIVE_INFINITY,
    payout: typeof b.payout === 'number' ? b.payout : null,
    label: label(b.label),
  })),
  source: citationsText(kakaoSmb.sources),
} as const;

/** The Kakao 2022 small-business band of a sales loss. */
export function smbBestWeekBand(loss: number): RuleBand {
  return bandFor(roundWon(loss), kakaoSmb.bands);
}
