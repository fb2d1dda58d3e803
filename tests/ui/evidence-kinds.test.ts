import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, documentKindOfLabel } from '../../src/core/packet/documents';
import { CHANNEL_PROFILES } from '../../src/core/packet/profiles';
import { isFreeTextLabel, kindOfLabel, labelOfKind, VAULT_KINDS } from '../../src/ui/evidence/kinds';
import { formatRecordLink, parseRecordLink } from '../../src/ui/evidence/links';
import { fixHrefForIssue, routeForIssue, routeForPath } from '../../src/ui/export/fix-routes';
import { inLanguage } from '../../src/ui/export/language';
import { readJoined } from '../../src/core/model/common';
import { koEvidence, enEvidence } from '../../src/ui/i18n/areas/evidence';

describe('vault labels', () => {
  it('cover every document kind a channel can require, as the packet module reads them', () => {
    const offered = new Set(VAULT_KINDS.map((k) => documentKindOfLabel(k.label)));
    for (const kind of DOCUMENT_KINDS) expect(offered, kind.id).toContain(kind.id);
    for (const profile of CHANNEL_PROFILES) for (const doc of profile.documents) expect(offered, `${profile.id}: ${doc.label}`).toContain(doc.label);
  });

  it('round-trip: the label a kind stores shows as that kind again; free text shows as the kind it names', () => {
    for (const k of VAULT_KINDS) expect(kindOfLabel(labelOfKind(k.id))).toBe(k.id);
    expect(kindOfLabel('10월 15일 운행 내역 캡처')).toBe('driver-app-history');
    expect(kindOfLabel('톡채널 메시지 발송 청구서')).toBe('other');
    expect(kindOfLabel(undefined)).toBe('other');
    expect(isFreeTextLabel('10월 15일 운행 내역 캡처')).toBe(true);
    expect(isFreeTextLabel('trip-history')).toBe(false);
    expect(documentKindOfLabel(labelOfKind('other'))).toBeNull();
  });

  it('have a name in both languages', () => {
    for (const k of VAULT_KINDS) {
      expect(koEvidence.kinds[k.id]).toBeTruthy();
      expect(enEvidence.kinds[k.id]).toBeTruthy();
    }
  });
});

describe('record links', () => {
  it('write a stretch of days and a channel, in order, and read it back', () => {
    expect(formatRecordLink({ from: '2022-10-16', to: '2022-10-15', channel: 'kakao-t' })).toBe('2022-10-15..2022-10-16|kakao-t');
    expect(parseRecordLink('2022-10-15..2022-10-16|kakao-t')).toEqual({ from: '2022-10-15', to: '2022-10-16', channel: 'kakao-t' });
    expect(parseRecordLink(formatRecordLink({ from: '2022-10-15', to: '2022-10-15', channel: null }))).toEqual({ from: '2022-10-15', to: '2022-10-15', channel: null });
    expect(parseRecordLink('undelivered-ads')).toBeNull();
    expect(() => formatRecordLink({ from: '15.10.2022', to: '2022-10-16', channel: null })).toThrow(/YYYY-MM-DD/);
  });
});

describe('export helpers', () => {
  it('send each readiness issue and claim path to the page that fixes it', () => {
    expect(routeForIssue({ code: 'document-missing', subject: 'smb-certificate' })).toBe('evidence');
    expect(routeForIssue({ code: 'field-empty', subject: 'mobile' })).toBe('claimant');
    // A rule that needs hourly records is fixed at the record unit, a step of the claimant setup.
    expect(routeForIssue({ code: 'rule-needs-hourly', subject: 'kakao-mobility-2022-taxi' })).toBe('claimant');
    expect(fixHrefForIssue({ code: 'rule-needs-hourly', subject: 'kakao-mobility-2022-taxi' })).toBe('#/claimant?step=margin');
    expect(fixHrefForIssue({ code: 'rule-unavailable', subject: 'kakao-mobility-2022-taxi' })).toBeNull();
    expect(routeForIssue({ code: 'field-empty', subject: 'applicant' })).toBe('claimant');
    expect(routeForIssue({ code: 'field-empty', subject: 'content' })).toBe('estimate');
    expect(routeForIssue({ code: 'too-few-reference-dates', subject: '2022-10-15' })).toBe('baseline');
    expect(routeForIssue({ code: 'rule-window-uncovered', subject: 'x' })).toBe('records');
    expect(routeForPath('incident.window.start')).toBe('incident');
    expect(routeForPath('claimant.salesChannels[0].id')).toBe('claimant');
    expect(routeForPath('directItems.0.amount')).toBe('estimate');
    expect(routeForPath('referenceDates.byWindowDate')).toBe('baseline');
  });

  it('pick the reader’s half of a bilingual message', () => {
    expect(inLanguage(readJoined('서류가 없어요: 통장 사본 / missing document: Bank account copy'), 'ko')).toBe('서류가 없어요: 통장 사본');
    expect(inLanguage(readJoined('서류가 없어요: 통장 사본 / missing document: Bank account copy'), 'en')).toBe('missing document: Bank account copy');
    expect(inLanguage(readJoined('010-XXXX-XXXX'), 'en')).toBe('010-XXXX-XXXX');
  });
});
