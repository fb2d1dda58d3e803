import { describe, expect, it } from 'vitest';
import { estimateClaim } from '../../../src/core/estimate';
import type { Claim } from '../../../src/core/model/claim';
import { CHANNEL_PROFILES } from '../../../src/core/packet/profiles';
import {
  addSubmission,
  claimDeadlines,
  claimGap,
  deadlineInputOf,
  deadlineWarnings,
  kstInstant,
  kstToday,
  nextSteps,
  prepareEscalation,
  removeSubmission,
  TrackerInputError,
  updateSubmission,
  WARN_WITHIN_DAYS,
} from '../../../src/core/tracker';
import type { KstDate } from '../../../src/core/time/kst';
import { exampleClaim, HASH_A, withSubmissions } from './helpers';

const day = (d: string) => d as KstDate;

describe('today in KST, from an injected clock', () => {
  it('is the Korean calendar day whatever the instant is written in', () => {
    expect(kstToday(new Date('2022-11-05T14:59:59Z'))).toBe('2022-11-05');
    expect(kstToday(new Date('2022-11-05T15:00:00Z'))).toBe('2022-11-06');
    expect(kstToday(new Date('2022-11-06T08:30:00+09:00'))).toBe('2022-11-06');
    expect(kstInstant(new Date('2022-11-01T00:30:45Z'))).toBe('2022-11-01T09:30+09:00');
    expect(() => kstToday(new Date('nope'))).toThrow(/invalid clock/);
  });
});

describe('deadlines from the channel profiles', () => {
  const driver = exampleClaim('driver-2022');

  it("lists Kakao's form window (10-19..11-06) for a Kakao 2022 claim, and warns within 7 days when nothing was sent", () => {
    const at = (d: string) => claimDeadlines(driver, CHANNEL_PROFILES, day(d)).find((x) => x.channel === 'kakao-2022-form')!;
    expect(at('2022-10-18')).toMatchObject({ state: 'not-open', warn: false, daysLeft: 19 });
    expect(at('2022-10-30')).toMatchObject({ state: 'open', due: true, warn: true, daysLeft: WARN_WITHIN_DAYS });
    expect(at('2022-10-29')).toMatchObject({ daysLeft: 8, warn: false });
    expect(at('2022-11-06')).toMatchObject({ daysLeft: 0, state: 'open', warn: true });
    expect(at('2022-11-07')).toMatchObject({ daysLeft: -1, state: 'closed', warn: false });
    expect(deadlineWarnings(driver, CHANNEL_PROFILES, day('2022-11-01')).map((d) => d.channel)).toEqual(['kakao-2022-form']);
  });

  it('stops warning once the packet was sent, and warns again when the channel asks for documents', () => {
    const sent = withSubmissions(driver, [{ id: 's1', channel: 'kakao-2022-form', sentAt: '2022-10-31T10:00+09:00', status: 'sent', notes: '' }]);
    expect(deadlineWarnings(sent, CHANNEL_PROFILES, day('2022-11-01'))).toEqual([]);
    const asked = withSubmissions(driver, [{ id: 's1', channel: 'kakao-2022-form', sentAt: '2022-10-31T10:00+09:00', status: 'documents-requested', notes: '' }]);
    expect(deadlineWarnings(asked, CHANNEL_PROFILES, day('2022-11-01')).map((d) => d.submissionIds)).toEqual([['s1']]);
    // A draft is not sent: still due.
    const draft = withSubmissions(driver, [{ id: 's1', channel: 'kakao-2022-form', status: 'draft', notes: '' }]);
    expect(deadlineWarnings(draft, CHANNEL_PROFILES, day('2022-11-01'))).toHaveLength(1);
  });

  it("includes only the channels whose rule fits: the small-business rule for a shop, the taxi rule for a taxi; open-ended windows last", () => {
    const cafe = claimDeadlines(exampleClaim('cafe-daily'), CHANNEL_PROFILES, day('2022-11-01')).map((d) => d.channel);
    expect(cafe).toContain('kakao-2022-smb-documents');
    expect(cafe).not.toContain('kakao-mobility-2022-taxi');
    expect(cafe[0]).toBe('kakao-2022-form');
    const taxi = claimDeadlines(exampleClaim('taxi-franchise'), CHANNEL_PROFILES, day('2022-11-01')).map((d) => d.channel);
    expect(taxi).toContain('kakao-mobility-2022-taxi');
    expect(taxi).not.toContain('kakao-2022-smb-documents');
    const smb = claimDeadlines(exampleClaim('cafe-daily'), CHANNEL_PROFILES, day('2022-11-01')).find((d) => d.channel === 'kakao-2022-smb-documents')!;
    expect(smb).toMatchObject({ closes: null, state: 'not-open', warn: false });
    expect(smb.note?.ko).toMatch(/세 번 연장/);
  });

  it('drops a window that closed before the incident began (a later outage is not Kakao 2022)', () => {
    const later: Claim = {
      ...driver,
      incident: {
        ...driver.incident,
        id: 'other-2024',
        presetId: undefined,
        services: driver.incident.services.map((s) => ({ ...s, userWindow: undefined, window: { start: '2024-03-01T10:00+09:00', end: '2024-03-01T12:00+09:00' } })),
      },
    };
    expect(claimDeadlines(later, CHANNEL_PROFILES, day('2024-03-02')).map((d) => d.channel)).not.toContain('kakao-2022-form');
  });
});

describe('claimed against paid', () => {
  it("driver (loss model 7): asked the lost profit 210,750 on Kakao's form, offered 100,000 then paid it: short 110,750, gap to the claim total 124,490", () => {
    const claim = withSubmissions(exampleClaim('driver-2022'), [
      { id: 's1', channel: 'kakao-2022-form', sentAt: '2022-11-01T09:00+09:00', status: 'paid', offered: 100_000, paid: 100_000, packetSha256: HASH_A, notes: '' },
    ]);
    const gap = claimGap(claim, estimateClaim(claim), CHANNEL_PROFILES);
    expect(gap).toMatchObject({ claimTotal: 224_490, lostProfit: 210_750, paidTotal: 100_000, gap: 124_490, offeredOpen: 0 });
    expect(gap.submissions[0]).toMatchObject({ askedFigure: 'lostProfit', asked: 210_750, shortBy: 110_750, rule: null, fallsShort: true, belowOwnRule: false });
  });

  it("shows the small-business rule's band beside the gap, and flags an offer below the band's own payout", () => {
    const base = exampleClaim('cafe-daily');
    const claim = withSubmissions(base, [
      { id: 's1', channel: 'kakao-2022-smb-documents', sentAt: '2023-01-10T11:00+09:00', status: 'offer-made', offered: 30_000, notes: '' },
    ]);
    const estimate = estimateClaim(claim);
    const rule = estimate.rules['kakao-2022-smb-best-week']!;
    const gap = claimGap(claim, estimate, CHANNEL_PROFILES);
    const s = gap.submissions[0]!;
    expect(s.rule?.band).toMatchObject({ id: 'up-to-500000', payout: 50_000 });
    expect(s).toMatchObject({ askedFigure: 'rule', asked: rule.loss, offered: 30_000, paid: null, shortBy: rule.loss! - 30_000, belowOwnRule: true, fallsShort: true });
    expect(gap.offeredOpen).toBe(30_000);
    expect(gap.paidTotal).toBe(0);
    expect(gap.gap).toBe(estimate.claimTotal);

    const fair = withSubmissions(base, [{ ...claim.submissions[0]!, status: 'paid', offered: 50_000, paid: 50_000 }]);
    expect(claimGap(fair, estimateClaim(fair), CHANNEL_PROFILES).submissions[0]).toMatchObject({ belowOwnRule: false, fallsShort: true, shortBy: rule.loss! - 50_000 });
  });

  it('an answer not yet given has no shortfall; a rejection falls short with nothing offered', () => {
    const base = exampleClaim('driver-2022');
    const sent = withSubmissions(base, [{ id: 's1', channel: 'kakao-2022-form', sentAt: '2022-11-01T09:00+09:00', status: 'acknowledged', notes: '' }]);
    expect(claimGap(sent, estimateClaim(sent), CHANNEL_PROFILES).submissions[0]).toMatchObject({ shortBy: null, fallsShort: false });
    const rejected = withSubmissions(base, [{ id: 's1', channel: 'kakao-2022-form', sentAt: '2022-11-01T09:00+09:00', status: 'rejected', notes: '' }]);
    expect(claimGap(rejected, estimateClaim(rejected), CHANNEL_PROFILES).submissions[0]).toMatchObject({ shortBy: null, fallsShort: true });
  });
});

describe('next steps when an answer falls short', () => {
  const ids = (claim: Claim, id = 's1') => nextSteps(claim, claimGap(claim, estimateClaim(claim), CHANNEL_PROFILES), id).map((s) => `${s.id}${s.recommended ? '*' : ''}`);
  const cafe = exampleClaim('cafe-daily');
  const smb = (extra: object) => withSubmissions(cafe, [{ id: 's1', channel: 'kakao-2022-smb-documents', sentAt: '2023-01-10T11:00+09:00', status: 'offer-made', offered: 30_000, notes: '', ...extra }]);

  it("an offer below the channel's own band: ask for the rule first, then accept, 365 Center, mediation, group, small claims", () => {
    expect(ids(smb({}))).toEqual(['ask-own-rule*', 'accept-offer', 'damage365', 'dispute-mediation', 'group-mediation', 'small-claims']);
  });

  it('an offer that follows the rule but not the loss: the 365 Center is recommended', () => {
    expect(ids(smb({ offered: 50_000 }))).toEqual(['accept-offer', 'damage365*', 'dispute-mediation', 'group-mediation', 'small-claims']);
  });

  it('after the 365 Center, mediation is next; after mediation only group mediation and court remain', () => {
    const after365 = withSubmissions(cafe, [{ id: 's1', channel: 'damage365', sentAt: '2023-02-10T11:00+09:00', status: 'rejected', notes: '' }]);
    expect(ids(after365)).toEqual(['dispute-mediation*', 'group-mediation', 'small-claims']);
    const afterMediation = withSubmissions(cafe, [{ id: 's1', channel: 'dispute-mediation', sentAt: '2023-03-10T11:00+09:00', status: 'rejected', notes: '' }]);
    expect(ids(afterMediation)).toEqual(['group-mediation', 'small-claims']);
  });

  it('documents requested: send them; no shortfall: nothing to do; unknown id: nothing', () => {
    expect(ids(smb({ status: 'documents-requested', offered: undefined }))).toEqual(['send-documents*']);
    expect(ids(smb({ status: 'paid', offered: 336_100, paid: 336_100 }))).toEqual([]);
    expect(ids(smb({}), 'nope')).toEqual([]);
  });

  it('marks a step already started when the claim has a submission to that channel', () => {
    const claim = withSubmissions(cafe, [...smb({}).submissions, { id: 's2', channel: 'damage365', status: 'draft', notes: '' }]);
    const steps = nextSteps(claim, claimGap(claim, estimateClaim(claim), CHANNEL_PROFILES), 's1');
    expect(steps.find((s) => s.id === 'damage365')).toMatchObject({ alreadyStarted: true, citesSubmissionId: 's1' });
  });
});

describe('recording submissions', () => {
  const claim = exampleClaim('driver-2022');

  it('adds and updates with the checks that make a record useful later', () => {
    const list = addSubmission(claim, { id: 's1', channel: 'kakao-2022-form', sentAt: '2022-11-01T09:00+09:00', status: 'sent', reference: 'K-1', packetSha256: HASH_A }, CHANNEL_PROFILES);
    expect(list).toEqual([{ id: 's1', channel: 'kakao-2022-form', sentAt: '2022-11-01T09:00+09:00', status: 'sent', reference: 'K-1', packetSha256: HASH_A, notes: '' }]);
    const withList = withSubmissions(claim, list);
    const offered = updateSubmission(withList, 's1', { status: 'offer-made', offered: 50_000 }, CHANNEL_PROFILES);
    expect(offered[0]).toMatchObject({ status: 'offer-made', offered: 50_000, reference: 'K-1' });
    const cleared = updateSubmission(withSubmissions(claim, offered), 's1', { reference: undefined }, CHANNEL_PROFILES);
    expect(cleared[0]!.reference).toBeUndefined();
    expect(removeSubmission(withList, 's1')).toEqual([]);
  });

  it('refuses bad input naming the submission and the field, in Korean then English', () => {
    const bad = (input: object) => () => addSubmission(claim, { id: 's1', channel: 'kakao-2022-form', status: 'sent', sentAt: '2022-11-01T09:00+09:00', ...input } as never, CHANNEL_PROFILES);
    expect(bad({ channel: 'nowhere' })).toThrow(/submissions\[0\]\.channel: 알 수 없는 신청처예요: nowhere \/ unknown channel/);
    expect(bad({ sentAt: undefined })).toThrow(/submissions\[0\]\.sentAt: 보낸 날짜를 적어 주세요 \/ enter the date/);
    expect(bad({ status: 'offer-made' })).toThrow(/submissions\[0\]\.offered: 제안받은 금액/);
    expect(bad({ status: 'paid', offered: 1 })).toThrow(/submissions\[0\]\.paid: 지급받은 금액/);
    expect(bad({ paid: -5 })).toThrow(/submissions\[0\]\.paid: 금액은 0 이상/);
    expect(bad({ paid: 10.5 })).toThrow(/submissions\[0\]\.paid: 금액은 원 단위 정수/);
    expect(bad({ sentAt: '2022-11-01 09:00' })).toThrow(/submissions\[0\]\.sentAt: 시각은/);
    expect(bad({ packetSha256: 'XYZ' })).toThrow(/submissions\[0\]\.packetSha256: SHA-256/);
    const one = withSubmissions(claim, [{ id: 's1', channel: 'kakao-2022-form', status: 'draft', notes: '' }]);
    expect(() => addSubmission(one, { id: 's1', channel: 'damage365', status: 'draft' }, CHANNEL_PROFILES)).toThrow(/submissions\[1\]\.id: 이미 있는 신청 id/);
    expect(() => updateSubmission(one, 'nope', {}, CHANNEL_PROFILES)).toThrow(TrackerInputError);
    expect(() => updateSubmission(one, 's1', { status: 'paid' }, CHANNEL_PROFILES)).toThrow(/sentAt/);
  });
});

describe('preparing the escalation', () => {
  const claim = withSubmissions(exampleClaim('cafe-daily'), [
    { id: 's1', channel: 'kakao-2022-smb-documents', sentAt: '2023-01-10T11:00+09:00', status: 'offer-made', offered: 50_000, reference: 'SMB-0042', packetSha256: HASH_A, notes: '' },
  ]);

  it('adds a draft to the 365 Center citing the first submission, leaving it as it was', () => {
    const prepared = prepareEscalation(claim, 's1', 'damage365', 's2', CHANNEL_PROFILES);
    expect(prepared.claim.submissions).toHaveLength(2);
    expect(prepared.claim.submissions[0]).toEqual(claim.submissions[0]);
    expect(prepared.submission).toMatchObject({ id: 's2', channel: 'damage365', status: 'draft' });
    expect(prepared.submission.notes).toBe(
      `2023-01-10 「카카오 소상공인 피해 지원 서류 (2022)」 신청(신청 id s1)에 이어서 내요, 접수번호 SMB-0042, 보낸 묶음 SHA-256 ${HASH_A}, 결과 보상 제안받음.`,
    );
    // Again: the same draft is reused, not duplicated.
    const again = prepareEscalation(prepared.claim, 's1', 'damage365', 's3', CHANNEL_PROFILES);
    expect(again.claim.submissions.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(again.submission.notes).toBe(prepared.submission.notes);
  });

  it('refuses what cannot be cited or is not an escalation', () => {
    expect(() => prepareEscalation(claim, 's1', 'kakao-2022-form', 's2', CHANNEL_PROFILES)).toThrow(/not an escalation channel/);
    expect(() => prepareEscalation(claim, 'nope', 'damage365', 's2', CHANNEL_PROFILES)).toThrow(/no submission with id nope/);
    const unsent = withSubmissions(claim, [{ id: 's1', channel: 'kakao-2022-form', status: 'draft', notes: '' }]);
    expect(() => prepareEscalation(unsent, 's1', 'damage365', 's2', CHANNEL_PROFILES)).toThrow(/보낸 날짜가 없어요/);
    const at365 = withSubmissions(claim, [{ ...claim.submissions[0]!, channel: 'damage365' }]);
    expect(() => prepareEscalation(at365, 's1', 'damage365', 's2', CHANNEL_PROFILES)).toThrow(/same channel/);
    expect(() => prepareEscalation(claim, 's1', 'damage365', 's1', CHANNEL_PROFILES)).toThrow(/duplicate submission id/);
  });
});

describe('deadlines from a stored claim document', () => {
  it('reads the incident, claimant and submissions of a body, and nothing from a half-filled one', () => {
    const { records: _r, evidence: _e, ...body } = exampleClaim('driver-2022');
    const input = deadlineInputOf(JSON.parse(JSON.stringify(body)));
    expect(input).not.toBeNull();
    expect(deadlineWarnings(input!, CHANNEL_PROFILES, day('2022-11-01')).map((d) => d.channel)).toEqual(['kakao-2022-form']);
    expect(deadlineInputOf({ claimant: body.claimant })).toBeNull();
    expect(deadlineInputOf(undefined)).toBeNull();
    expect(deadlineInputOf({ ...body, submissions: [{ id: 's1', channel: 'kakao-2022-form', status: 'sent' }] })?.submissions).toHaveLength(1);
  });
});
