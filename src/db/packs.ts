/**
 * Incident packs kept on this computer: imported from a file, written in the pack form, or made by
 * "a new outage, now". Every version is kept: a claim stays on the version it was made from until the
 * user moves it. Bundled packs are never stored here (an id of theirs is refused).
 */
import { BUNDLED_PACKS, findBundledPack } from '../core/incidents/bundled';
import { packChanges, type PackChanges } from '../core/incidents/pack-diff';
import { incidentOfStoredPack } from '../core/incidents/authoring';
import { parseIncidentPack, parseIncidentPackText, type PackIssue } from '../core/incidents/pack';
import { bt, joined } from '../core/model/common';
import type { Incident } from '../core/model/incident';
import type { IncidentPack } from '../core/model/incident-pack';
import type { ClaimBody } from './claim-store';
import { saveClaimDocument } from './claim-store';
import type { OutageDeskDB } from './database';
import type { ClaimRow, PackRow } from './schema';
import { nowKst } from './time';

/** A pack refused before anything was stored; each issue names its field path. */
export class PackRefusedError extends Error {
  override name = 'PackRefusedError';
  constructor(readonly issues: PackIssue[]) {
    super(issues.map((i) => `${i.path || '(file)'}: ${joined(i.message)}`).join('\n'));
  }
}

/** A claim made from some version of a pack. */
export interface ClaimOnPack {
  claimId: string;
  title: string;
  version: number | undefined;
}

export type PackImportPreview =
  | { ok: false; issues: PackIssue[] }
  | {
      ok: true;
      pack: IncidentPack;
      /** new: no version of it here; newer: a newer version than any here; same: this exact version is here; older: a newer one is here. */
      status: 'new' | 'newer' | 'same' | 'older';
      /** Claims on another version of this pack, which stay there until the user moves them. */
      claimsOnOtherVersions: ClaimOnPack[];
    };

function refuseBundledId(pack: IncidentPack): PackIssue[] {
  return findBundledPack(pack.id)
    ? [{ path: 'id', message: bt(`앱에 들어 있는 장애 팩과 id가 같아요: ${pack.id}. 다른 id를 쓰세요`, `the id ${pack.id} belongs to a pack bundled with the app; use another id`) }]
    : [];
}

function sameContent(a: IncidentPack, b: IncidentPack): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Checks a pack file against the format and what is stored; stores nothing (the import preview). */
export async function previewPackImport(db: OutageDeskDB, text: string): Promise<PackImportPreview> {
  const parsed = parseIncidentPackText(text, { bundled: BUNDLED_PACKS });
  if (!parsed.ok) return parsed;
  const pack = parsed.pack;
  const bundled = refuseBundledId(pack);
  if (bundled.length > 0) return { ok: false, issues: bundled };
  const stored = await db.packs.where('id').equals(pack.id).toArray();
  const twin = stored.find((r) => r.version === pack.version);
  if (twin && !sameContent(twin.pack, pack)) {
    return {
      ok: false,
      issues: [{ path: 'version', message: bt(`같은 버전(${pack.version})이 이미 있는데 내용이 달라요. 팩을 고쳤다면 버전을 올려 주세요`, `version ${pack.version} is already here with other content; a changed pack needs a higher version`) }],
    };
  }
  const newest = Math.max(0, ...stored.map((r) => r.version));
  const status = twin ? 'same' : stored.length === 0 ? 'new' : pack.version > newest ? 'newer' : 'older';
  const claims = await claimsOnPack(db, pack.id);
  return { ok: true, pack, status, claimsOnOtherVersions: claims.filter((c) => c.version !== pack.version) };
}

/**
 * Stores a pack (validated again here: the command trusts no caller). A bundled id, or a version already
 * stored with other content, is refused and nothing is written. Storing the same version again is a no-op.
 */
export async function savePack(db: OutageDeskDB, value: unknown, origin: PackRow['origin']): Promise<PackRow> {
  const parsed = parseIncidentPack(value, { bundled: BUNDLED_PACKS });
  if (!parsed.ok) throw new PackRefusedError(parsed.issues);
  const pack = parsed.pack;
  const bundled = refuseBundledId(pack);
  if (bundled.length > 0) throw new PackRefusedError(bundled);
  return db.transaction('rw', db.packs, async () => {
    const existing = await db.packs.get([pack.id, pack.version]);
    if (existing) {
      if (sameContent(existing.pack, pack)) return existing;
      throw new PackRefusedError([{ path: 'version', message: bt(`같은 버전(${pack.version})이 이미 있는데 내용이 달라요`, `version ${pack.version} is already here with other content`) }]);
    }
    const row: PackRow = { id: pack.id, version: pack.version, origin, savedAt: nowKst(), pack };
    await db.packs.add(row);
    return row;
  });
}

/** The user accepted an imported pack file's preview. */
export function saveImportedPack(db: OutageDeskDB, pack: IncidentPack): Promise<PackRow> {
  return savePack(db, pack, 'imported');
}

/** Every stored pack, newest version of each id only. */
export async function listStoredPacks(db: OutageDeskDB): Promise<PackRow[]> {
  const rows = await db.packs.toArray();
  const newest = new Map<string, PackRow>();
  for (const r of rows) if ((newest.get(r.id)?.version ?? 0) < r.version) newest.set(r.id, r);
  return [...newest.values()];
}

/** A stored pack: the given version, else the newest. */
export async function findStoredPack(db: OutageDeskDB, id: string, version?: number): Promise<IncidentPack | undefined> {
  if (version !== undefined) return (await db.packs.get([id, version]))?.pack;
  const rows = await db.packs.where('id').equals(id).toArray();
  return rows.sort((a, b) => b.version - a.version)[0]?.pack;
}

/** The pack a claim's incident was made from: bundled, or stored at the claim's version. */
export async function packOfIncident(db: OutageDeskDB, incident: Pick<Incident, 'presetId' | 'presetVersion'> | undefined): Promise<IncidentPack | undefined> {
  if (!incident?.presetId) return undefined;
  return findBundledPack(incident.presetId) ?? (await findStoredPack(db, incident.presetId, incident.presetVersion));
}

function incidentOf(row: ClaimRow): Partial<Incident> | undefined {
  const body = row.body as { incident?: Partial<Incident> } | undefined;
  return body?.incident;
}

/** Claims whose incident came from this pack, with the version each uses. */
export async function claimsOnPack(db: OutageDeskDB, packId: string): Promise<ClaimOnPack[]> {
  const rows = await db.claims.toArray();
  return rows
    .filter((r) => incidentOf(r)?.presetId === packId)
    .map((r) => ({ claimId: r.id, title: r.title, version: incidentOf(r)?.presetVersion }));
}

/** What moving a claim to another stored version of its pack would change (nothing is moved). */
export async function previewClaimMove(db: OutageDeskDB, claimId: string, toVersion: number): Promise<PackChanges | undefined> {
  const row = await db.claims.get(claimId);
  const incident = row ? incidentOf(row) : undefined;
  if (!incident?.presetId) return undefined;
  const [from, to] = await Promise.all([
    findStoredPack(db, incident.presetId, incident.presetVersion ?? 1),
    findStoredPack(db, incident.presetId, toVersion),
  ]);
  return from && to ? packChanges(from, to) : undefined;
}

/**
 * Moves a claim to another version of its pack: the incident is taken anew from that version (the
 * user's own times for a service that is still there are kept), and services no longer in it are
 * dropped from what the claimant used. The claim is validated as a whole; on a refusal nothing changes.
 */
export async function moveClaimToPackVersion(db: OutageDeskDB, claimId: string, toVersion: number, now: number = Date.now()): Promise<void> {
  const row = await db.claims.get(claimId);
  const body = (row?.body ?? {}) as Partial<ClaimBody>;
  const current = body.incident;
  if (!row || !current?.presetId) throw new PackRefusedError([{ path: '', message: bt('장애 팩에서 만든 신고서가 아니에요', 'this claim was not made from a pack') }]);
  const pack = await findStoredPack(db, current.presetId, toVersion);
  if (!pack) throw new PackRefusedError([{ path: 'version', message: bt(`이 장애 팩의 버전 ${toVersion}이 없어요`, `no version ${toVersion} of this pack here`) }]);
  const next = incidentOfStoredPack(pack, now);
  next.services = next.services.map((s) => {
    const old = current.services.find((o) => o.id === s.id);
    return old?.userWindow ? { ...s, userWindow: { ...old.userWindow, note: old.userWindow.note ?? '' } } : s;
  });
  const ids = new Set(next.services.map((s) => s.id));
  const claimant = body.claimant as (Record<string, unknown> & { servicesUsed?: string[] }) | undefined;
  const nextClaimant = claimant ? { ...claimant, servicesUsed: (claimant.servicesUsed ?? []).filter((id) => ids.has(id)) } : undefined;
  await saveClaimDocument(db, claimId, { ...body, incident: next, ...(nextClaimant ? { claimant: nextClaimant as ClaimBody['claimant'] } : {}) }, { allowDraft: true });
}
