import type { Claim } from '../model/claim';
import type { IncidentPack } from '../model/incident-pack';
import { packForClaim } from '../estimate/rules/index';
import { needsHourlyRecords } from '../estimate/rules/hourly';
import { documentKindOfLabel } from './documents';
import type { ClaimDescription } from './facts';
import type { FilledField } from './form';
import type { ChannelProfile } from './profile';
import { bt, type BilingualText } from '../model/common';

/**
 * What is still missing before a claim can go to a channel. Pure: the UI lists these as a checklist and the
 * packet's README repeats them; an empty list means ready.
 */

export type ReadinessIssue = {
  code: 'field-empty' | 'document-missing' | 'evidence-file-missing' | 'no-outage-records' | 'too-few-reference-dates' | 'rule-window-uncovered' | 'rule-unavailable' | 'rule-needs-hourly' | 'example-claim';
  /** Field id, document label or window date the issue is about. */
  subject: string;
  /** In both languages: a screen picks one (textIn), the packet's README gives the Korean, the CLI both. */
  message: BilingualText;
};

const needsText = (f: FilledField) => f.kind !== 'consent' && f.kind !== 'attachment';

function hourStart(bucket: string): number {
  return bucket.length === 10 ? Date.parse(`${bucket}T00:00:00+09:00`) : Date.parse(bucket.replace(/\+09:00$/, ':00+09:00'));
}

/** `pack`: the claim's pack when it is not bundled (its rules' names go into the issues). */
export function packetReadiness(profile: ChannelProfile, claim: Claim, description: ClaimDescription, fields: readonly FilledField[], pack?: IncidentPack): ReadinessIssue[] {
  const issues: ReadinessIssue[] = [];
  if (claim.example) {
    issues.push({ code: 'example-claim', subject: claim.id, message: bt('예시 청구예요. 실제로 내지 마세요.', 'This is an example claim: never submit it.') });
  }
  for (const field of fields) {
    if (field.required && needsText(field) && field.text.trim() === '') {
      issues.push({ code: 'field-empty', subject: field.id, message: bt(`필수 항목이 비어 있어요: ${field.label}`, `required field is empty: ${field.labelEn}`) });
    }
  }
  for (const item of description.missingEvidence) {
    issues.push({ code: 'evidence-file-missing', subject: item.id, message: bt(`증빙 파일이 묶음에 없어요: ${item.fileName}`, `evidence file not included: ${item.fileName}`) });
  }
  const labels = new Set(claim.evidence.map((e) => documentKindOfLabel(e.label)).filter((x): x is string => x !== null));
  for (const doc of profile.documents) {
    if (doc.required && !labels.has(doc.label)) {
      issues.push({ code: 'document-missing', subject: doc.label, message: bt(`서류가 없어요: ${doc.name.ko}${doc.hint ? ` (${doc.hint})` : ''}`, `missing document: ${doc.name.en}`) });
    }
  }
  if (profile.readiness.needsRecords && description.windowRecordCount === 0 && !description.declaredBaseline) {
    issues.push({ code: 'no-outage-records', subject: 'records', message: bt('장애 구간의 기록이 없어요. 그 시간의 매출이나 콜을 (0이라도) 적어 주세요.', 'no records in the outage window (enter them, even zeros).') });
  }
  if (!description.declaredBaseline && profile.readiness.minReferenceDates > 0) {
    for (const ref of description.report.referenceDates) {
      if (ref.references.length < profile.readiness.minReferenceDates) {
        issues.push({
          code: 'too-few-reference-dates',
          subject: ref.windowDate,
          message: bt(
            `${ref.windowDate}의 기준일이 ${ref.references.length}개뿐이에요 (최소 ${profile.readiness.minReferenceDates}개). 같은 요일의 이전 기록을 더 넣어 주세요.`,
            `only ${ref.references.length} reference dates for ${ref.windowDate} (need ${profile.readiness.minReferenceDates}).`,
          ),
        });
      }
    }
  }
  if (profile.rule && !description.report.rule) issues.push(ruleIssue(profile.rule, claim, pack));
  for (const window of profile.ruleWindows ?? []) {
    const start = Date.parse(window.start.length === 22 ? window.start.replace('+09:00', ':00+09:00') : window.start);
    const end = Date.parse(window.end.length === 22 ? window.end.replace('+09:00', ':00+09:00') : window.end);
    const covered = claim.records.some((r) => {
      const t = hourStart(r.bucket);
      const span = r.bucket.length === 10 ? 86_400_000 : 3_600_000;
      return t < end && t + span > start;
    });
    if (!covered) {
      issues.push({ code: 'rule-window-uncovered', subject: window.label, message: bt(`${window.label} (${window.start} ~ ${window.end})의 기록이 없어요.`, `no records for ${window.label}.`) });
    }
  }
  return issues;
}

/** The channel's rule could not be applied: named in words, and sent to the record unit when daily records are why. */
function ruleIssue(ruleId: string, claim: Claim, pack: IncidentPack | undefined): ReadinessIssue {
  const rule = packForClaim(claim, pack)?.rules.find((r) => r.id === ruleId);
  const ko = rule ? `「${rule.name.ko}」` : '이 채널의 기준';
  const en = rule ? `“${rule.name.en || rule.name.ko}”` : "the channel's rule";
  if (rule && claim.granularity === 'daily' && needsHourlyRecords(rule)) {
    return {
      code: 'rule-needs-hourly',
      subject: ruleId,
      message: bt(
        `시간 단위 기록이 있어야 계산하는 기준이에요: ${ko}. 지금은 하루 단위로 기록하고 있어요. 신고인 준비의 「기록 단위」에서 시간 단위를 골라 주세요.`,
        `${en} needs hourly records and this claim keeps daily records: choose hourly as the record unit in the claimant setup.`,
      ),
    };
  }
  return {
    code: 'rule-unavailable',
    subject: ruleId,
    message: bt(`이 채널의 계산 기준을 적용할 수 없어요: ${ko} (필요한 기간의 기록이 없어요).`, `${en} could not be applied: records for its period are missing.`),
  };
}
