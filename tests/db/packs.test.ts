import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftToPack, incidentOfStoredPack, packFileText, type PackDraft } from '../../src/core/incidents/index';
import { parseClaimFile } from '../../src/core/model';
import type { IncidentPack } from '../../src/core/model/incident-pack';
import {
  OutageDeskDB, PackRefusedError, addClaim, claimsOnPack, findStoredPack, listStoredPacks, loadClaim, moveClaimToPackVersion,
  packOfIncident, previewClaimMove, previewPackImport, saveImportedPack, savePack,
} from '../../src/db';

let db: OutageDeskDB;
beforeEach(async () => {
  db = new OutageDeskDB(`packs-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** An association's pack, written in the form and exported as a file. */
function associationPack(version = 1, end = '2026-12-04T13:30+09:00'): IncidentPack {
  const draft: PackDraft = {
    id: 'assoc-isp-2026-12', version, publishedAt: '2026-12-05', publisher: '동네상인회',
    name: { ko: '동네 인터넷 장애', en: 'Local internet outage' }, summary: { ko: '점심 시간 인터넷 장애', en: '' },
    sources: [{ publication: '상인회 공지', date: '2026-12-05', ref: 'notice-7' }],
    services: [{ name: { ko: '동네 인터넷', en: '' }, kind: 'internet', intervals: [{ start: '2026-12-04T11:00+09:00', end, region: '' }] }],
    channels: ['damage365'],
    rules: [{ kind: 'fixed-amount', name: { ko: '가게당 5만 원', en: '' }, claimantKinds: ['merchant'], amount: 50000, basis: 'months', duration: 1, outageWeekStart: '', periodFrom: '', periodTo: '', payment: 'on-request' }],
  };
  const r = draftToPack(draft);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.pack;
}

const tables = async () => ({ packs: await db.packs.toArray(), claims: await db.claims.toArray() });

describe('stored incident packs', () => {
  it('an exported pack file imports on another desk: preview first (nothing stored), then stored as it was', async () => {
    const file = packFileText(associationPack());
    const preview = await previewPackImport(db, file);
    expect(preview).toMatchObject({ ok: true, status: 'new', claimsOnOtherVersions: [] });
    expect(await db.packs.count()).toBe(0);
    if (!preview.ok) return;
    await saveImportedPack(db, preview.pack);
    expect(await findStoredPack(db, 'assoc-isp-2026-12')).toEqual(associationPack());
    expect((await listStoredPacks(db)).map((r) => [r.id, r.version, r.origin])).toEqual([['assoc-isp-2026-12', 1, 'imported']]);
    expect(await previewPackImport(db, file)).toMatchObject({ ok: true, status: 'same' });
  });

  it('refuses a bad pack, a bundled id and a changed pack under the same version, with field paths; nothing stored', async () => {
    await saveImportedPack(db, associationPack());
    const before = await tables();
    const bad = JSON.parse(packFileText(associationPack()));
    bad.rules[0].kind = 'lottery';
    bad.services[0].intervals[0].end = '2026-12-04T10:00+09:00';
    const r1 = await previewPackImport(db, JSON.stringify(bad));
    expect(r1.ok ? [] : r1.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['rules[0].kind', 'services[0].intervals[0].end']));
    if (!r1.ok) expect(r1.issues.find((i) => i.path === 'rules[0].kind')!.message).toMatchObject({ ko: expect.stringMatching(/^알 수 없는 규칙 종류예요/), en: expect.stringMatching(/^unknown rule kind/) });
    const kakao = JSON.parse(readFileSync('src/core/incidents/packs/kakao-2022-10.json', 'utf8'));
    const r2 = await previewPackImport(db, JSON.stringify(kakao));
    expect(r2.ok ? [] : r2.issues.map((i) => i.path)).toEqual(['id']);
    await expect(savePack(db, kakao, 'imported')).rejects.toBeInstanceOf(PackRefusedError);
    const changed = associationPack(1, '2026-12-04T14:00+09:00');
    const r3 = await previewPackImport(db, packFileText(changed));
    expect(r3.ok ? [] : r3.issues.map((i) => i.path)).toEqual(['version']);
    await expect(saveImportedPack(db, changed)).rejects.toThrow(/version 1 is already here/);
    const proto = packFileText(associationPack(3)).replace('"publisher"', '"__proto__": { "polluted": true },\n  "publisher"');
    const r4 = await previewPackImport(db, proto);
    expect(r4.ok ? [] : r4.issues.map((i) => i.path)).toEqual(['__proto__']);
    await expect(savePack(db, JSON.parse(proto), 'imported')).rejects.toBeInstanceOf(PackRefusedError);
    expect(await tables()).toEqual(before);
  });

  it('a newer version leaves claims on the version they used until moved, and says what would change', async () => {
    const v1 = associationPack(1);
    await saveImportedPack(db, v1);
    const claim = parseClaimFile(readFileSync('assets/examples/pc-cafe-lguplus-2023.claim.json', 'utf8'));
    if (!claim.ok) throw new Error('example');
    const incident = incidentOfStoredPack(v1, Date.now());
    const { id } = await addClaim(db, { ...claim.claim, incident, claimant: { ...claim.claim.claimant, servicesUsed: ['service-1'] } });
    expect(await claimsOnPack(db, v1.id)).toEqual([{ claimId: id, title: expect.any(String), version: 1 }]);

    const v2 = associationPack(2, '2026-12-04T14:00+09:00');
    const preview = await previewPackImport(db, packFileText(v2));
    expect(preview).toMatchObject({ ok: true, status: 'newer', claimsOnOtherVersions: [{ claimId: id, version: 1 }] });
    await saveImportedPack(db, v2);
    const stillOn = await loadClaim(db, id);
    expect(stillOn.status === 'ready' && stillOn.claim.incident.services[0]!.window.end).toBe('2026-12-04T13:30+09:00');
    expect(await packOfIncident(db, { presetId: v1.id, presetVersion: 1 })).toEqual(v1);

    const changes = await previewClaimMove(db, id, 2);
    expect(changes?.intervals).toEqual([{ service: v1.services[0]!.name, before: [{ ko: '2026-12-04 11:00~2026-12-04 13:30', en: '2026-12-04 11:00~2026-12-04 13:30' }], after: [{ ko: '2026-12-04 11:00~2026-12-04 14:00', en: '2026-12-04 11:00~2026-12-04 14:00' }] }]);
    await moveClaimToPackVersion(db, id, 2);
    const moved = await loadClaim(db, id);
    expect(moved.status).toBe('ready');
    if (moved.status !== 'ready') return;
    expect(moved.claim.incident.presetVersion).toBe(2);
    expect(moved.claim.incident.services[0]!.window.end).toBe('2026-12-04T14:00+09:00');
    expect(moved.claim.claimant.servicesUsed).toEqual(['service-1']);
    await expect(moveClaimToPackVersion(db, id, 9)).rejects.toThrow(/no version 9/);
  });
});
