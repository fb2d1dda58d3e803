import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClaimFile, serializeClaim, formatIssuePath, type ClaimV0 } from '../../../src/core/model/claim-file';
import { CLAIM_FORMAT_VERSION } from '../../../src/core/model/claim';
import { kakao2022October } from '../../../src/core/incidents/index';
import { joined } from '../../../src/core/model/common';

const EXAMPLES = join(__dirname, '..', '..', '..', 'assets', 'examples');
const driverText = readFileSync(join(EXAMPLES, 'driver-2022.claim.json'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests edit arbitrary JSON
const driverDoc = () => JSON.parse(driverText) as Record<string, any>;

describe('claim file: parse', () => {
  it.each(readdirSync(EXAMPLES).filter((f) => f.endsWith('.claim.json')))('reads the example %s, marked as an example', (file) => {
    const r = parseClaimFile(readFileSync(join(EXAMPLES, file), 'utf8'));
    if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
    expect(r.claim.example).toBe(true);
    expect(r.claim.formatVersion).toBe(1);
    expect(r.upgradedFrom).toBeNull();
  });

  it('round-trips: serialize(parse(file)) is the file', () => {
    const r = parseClaimFile(driverText);
    expect(r.ok && serializeClaim(r.claim)).toBe(driverText);
  });

  it('names the field path and a bilingual reason for a bad record', () => {
    const doc = driverDoc();
    doc.records[12].count = -3;
    doc.records[3].bucket = '2022-10-15 20:00';
    const r = parseClaimFile(JSON.stringify(doc));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.issues.map((i) => [i.path, joined(i.message)]));
    expect(byPath['records[12].count']).toBe('0 이상이어야 해요 / must be >= 0');
    expect(byPath['records[3].bucket']).toMatch(/^시간 구간은 .* \/ bucket must be/);
  });

  it('reports a missing required field, a bad enum and a bad business number with their paths', () => {
    const doc = driverDoc();
    delete doc.claimant.mobile;
    doc.granularity = 'weekly';
    doc.indirectItems[0].justification = '  ';
    const r = parseClaimFile(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual({ path: 'claimant.mobile', message: { ko: '꼭 적어야 하는 항목이에요', en: 'required' } });
    expect(r.issues).toContainEqual({ path: 'granularity', message: { ko: '다음 중 하나여야 해요: hourly, daily', en: 'must be one of: hourly, daily' } });
    expect(r.issues.find((i) => i.path === 'indirectItems[0].justification')?.message.en).toContain('foreseeable');

    const merchant = JSON.parse(readFileSync(join(EXAMPLES, 'merchant-best-week.claim.json'), 'utf8'));
    merchant.claimant.businessNumber = '123-45-67890';
    const m = parseClaimFile(merchant);
    expect(!m.ok && m.issues[0]).toEqual({ path: 'claimant.businessNumber', message: { ko: expect.stringContaining('사업자등록번호'), en: expect.any(String) } });
  });

  it('checks fields against each other (channels, services, duplicates, evidence, granularity)', () => {
    const doc = driverDoc();
    doc.records[0].channel = 'tada';
    doc.records[2] = { ...doc.records[1] };
    doc.claimant.servicesUsed.push('kakao-bank');
    doc.indirectItems[0].evidenceIds = ['nope'];
    doc.records.push({ bucket: '2022-10-01', channel: 'kakao-t', count: 1, revenue: 1, provenance: { kind: 'logged' } });
    const r = parseClaimFile(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining([
      'records[0].channel', 'records[2]', 'claimant.servicesUsed[1]', 'indirectItems[0].evidenceIds[0]', `records[${doc.records.length - 1}].bucket`,
    ]));
    expect(r.issues.find((i) => i.path.endsWith('.bucket'))!.message.en).toContain('daily records are never spread over hours');
  });

  it('refuses a window that is not +09:00 or ends before it starts', () => {
    const doc = driverDoc();
    doc.incident.services[0].window.end = '2022-10-15T10:00+09:00';
    doc.incident.services[1].window.start = '2022-10-15T15:30';
    const r = parseClaimFile(doc);
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['incident.services[0].window.end', 'incident.services[1].window.start']));
  });

  it('says clearly when the text is not JSON or not a claim', () => {
    const bad = parseClaimFile('{ "format": ');
    expect(!bad.ok && joined(bad.issues[0]!.message)).toMatch(/^JSON 형식이 아니에요 \/ not valid JSON/);
    const other = parseClaimFile({ format: 'something-else', formatVersion: 1 });
    expect(!other.ok && other.issues[0]!.path).toBe('format');
    expect(parseClaimFile([]).ok).toBe(false);
  });

  it('accepts a UTF-8 BOM', () => {
    expect(parseClaimFile(`\ufeff${driverText}`).ok).toBe(true);
  });

  it('refuses a formatVersion newer than supported, with a clear message', () => {
    const doc = driverDoc();
    doc.formatVersion = CLAIM_FORMAT_VERSION + 1;
    const r = parseClaimFile(doc);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => ({ ...i, message: joined(i.message) }))).toEqual([{ path: 'formatVersion', message: expect.stringMatching(/더 새 버전.*update the app/) }]);
  });

  it('formats paths like records[12].count', () => {
    expect(formatIssuePath(['records', 12, 'count'])).toBe('records[12].count');
    expect(formatIssuePath(['referenceDates', 'byWindowDate', '2022-10-15', 0])).toBe('referenceDates.byWindowDate.2022-10-15[0]');
    expect(formatIssuePath([])).toBe('');
  });
});

describe('claim file: upgrade v0 -> v1', () => {
  const v0: ClaimV0 = {
    format: 'outage-loss-desk/claim',
    formatVersion: 0,
    id: 'old-driver',
    claimant: { kind: 'designated-driver', name: '옛 파일', phone: '011-234-5678' },
    incidentId: 'kakao-2022-10',
    services: ['kakao-t-daeri'],
    records: [
      { time: '2022-10-08 20:00', channel: 'kakao-t', count: 3, revenue: 75_000 },
      { time: '2022-10-15 20:00', channel: 'other-app', count: 1, revenue: null },
    ],
    v: 0.05,
    c: 0.2,
  };

  it('upgrades the prototype shape: phone -> mobile, local times -> +09:00 buckets, preset incident, confirmed margin', () => {
    const r = parseClaimFile(JSON.stringify(v0));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.upgradedFrom).toBe(0);
    expect(r.claim.formatVersion).toBe(1);
    expect(r.claim.claimant.mobile).toBe('011-234-5678');
    expect(r.claim.granularity).toBe('hourly');
    expect(r.claim.records.map((x) => x.bucket)).toEqual(['2022-10-08T20:00+09:00', '2022-10-15T20:00+09:00']);
    expect(r.claim.records[0]!.provenance).toEqual({ kind: 'reconstructed', note: 'formatVersion 0' });
    expect(r.claim.incident.services.map((s) => s.id)).toEqual(kakao2022October.services.map((s) => s.id));
    expect(r.claim.parameters.margin).toEqual({ v: { value: 0.05, confirmed: true }, c: { value: 0.2, confirmed: true } });
    expect(r.claim.claimant.salesChannels.map((c) => c.id)).toEqual(['kakao-t', 'other-app']);
    expect(r.claim.submissions).toEqual([]);
  });

  it('reports a v0 problem on its v0 path, and v1 problems after the upgrade', () => {
    const badTime = parseClaimFile({ ...v0, records: [{ time: '15 Oct 20:00', channel: 'kakao-t', count: 1 }] });
    expect(!badTime.ok && badTime.issues[0]!.path).toBe('records[0].time');
    const badPreset = parseClaimFile({ ...v0, incidentId: 'nope' });
    expect(!badPreset.ok && badPreset.issues[0]!.path).toBe('incidentId');
    const badPhone = parseClaimFile({ ...v0, claimant: { ...v0.claimant, phone: '12345' } });
    expect(!badPhone.ok && badPhone.issues[0]!.path).toBe('claimant.mobile');
  });

  it('an upgrade problem comes back as its { ko, en } text, not a joined string read again', () => {
    const badTime = parseClaimFile({ ...v0, records: [{ time: '15 Oct 20:00 / 21:00', channel: 'kakao-t', count: 1 }] });
    expect(!badTime.ok && badTime.issues[0]!.message).toEqual({ ko: '시간은 2022-10-15 20:00 형식이어야 해요', en: 'time must look like 2022-10-15 20:00' });
    // A preset id holding the separator stays whole in both halves (a joined message read back would cut it).
    const badPreset = parseClaimFile({ ...v0, incidentId: 'a / b' });
    expect(!badPreset.ok && badPreset.issues[0]!.message).toEqual({ ko: '알 수 없는 장애 프리셋이에요: a / b', en: 'unknown incident preset: a / b' });
  });
});
