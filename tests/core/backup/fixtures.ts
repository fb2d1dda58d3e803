import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import type { BackupContents, BackupManifest, BackupRecord } from '../../../src/core/backup';
import { BACKUP_FORMAT, BACKUP_MANIFEST_PATH, DATA_PATHS } from '../../../src/core/backup';
import { ASSOCIATION_PACK_ID, associationPack } from '../../fixtures/association-pack';

/** Real files from assets/: a claim file, an XLSX and a CSV kept as evidence, the CSV's import mark. */
export const asset = (path: string) => new Uint8Array(readFileSync(new URL(`../../../assets/${path}`, import.meta.url)));
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function sampleContents(): BackupContents {
  const cafe = JSON.parse(new TextDecoder().decode(asset('examples/cafe-daily.claim.json'))) as Record<string, unknown> & { records: Omit<BackupRecord, 'claimId'>[] };
  const cafeId = 'b1c7a9e2-0000-4000-8000-000000000001';
  const draftId = 'b1c7a9e2-0000-4000-8000-000000000002';
  const xlsx = asset('samples/card-sales-daily-2022.xlsx');
  const csv = asset('samples/kakao-t-trip-history-2022.csv');
  const records: BackupRecord[] = cafe.records.slice(0, 40).map((r, i) => ({ ...r, id: i + 1, claimId: cafeId }));
  records.push({ bucket: '2022-10-15T20:00+09:00', channel: 'kakao-t', count: 0, revenue: 0, provenance: { kind: 'imported', fileSha256: sha256(csv), fileName: '운행내역.csv', row: 3 }, id: 41, claimId: draftId });
  return {
    claims: [
      { id: cafeId, title: '연남 카페 (예시)', kind: 'merchant', createdAt: '2022-10-25T10:00:00.000+09:00', updatedAt: '2022-10-26T09:30:00.000+09:00', example: 1, body: cafe },
      { id: draftId, title: '제주 택시 작성 중', kind: 'taxi', createdAt: '2022-10-27T08:00:00.000+09:00', updatedAt: '2022-10-27T08:05:00.000+09:00', example: 0, body: {} },
    ],
    records,
    evidence: [
      { id: 'e0000000-0000-4000-8000-00000000000a', claimId: cafeId, sha256: sha256(xlsx), fileName: '카드매출 2022.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: xlsx.length, addedAt: '2022-10-26T09:00:00.000+09:00', note: '카드사 홈페이지에서 받음', bytes: xlsx },
      { id: 'e0000000-0000-4000-8000-00000000000b', claimId: draftId, sha256: sha256(csv), fileName: '운행내역.csv', mimeType: 'text/csv', size: csv.length, addedAt: '2022-10-27T08:01:00.000+09:00', bytes: csv },
    ],
    imports: [{ claimId: draftId, sha256: sha256(csv), fileName: '운행내역.csv', importedAt: '2022-10-27T08:02:00.000+09:00', recordCount: 1 }],
    settings: [
      { key: 'language', value: 'ko' },
      { key: 'currentClaimId', value: draftId },
    ],
    packs: [{ id: ASSOCIATION_PACK_ID, version: 1, origin: 'imported', savedAt: '2026-12-05T09:00:00.000+09:00', pack: associationPack() }],
  };
}

export const enc = (text: string) => new TextEncoder().encode(text);

/**
 * A hand-made backup zip whose manifest lists exactly the given entries with their true sizes and hashes
 * (so the checks get past the manifest and reach the content), unless `manifest` overrides fields.
 */
export function craftBackup(
  entries: Record<string, Uint8Array | string>,
  manifest: Partial<BackupManifest> & Record<string, unknown> = {},
  options: { includeManifest?: boolean } = {},
): Uint8Array {
  const data: Record<string, Uint8Array> = {};
  for (const path of DATA_PATHS) data[path] = enc(path.endsWith('.jsonl') ? '' : '[]');
  for (const [path, value] of Object.entries(entries)) data[path] = typeof value === 'string' ? enc(value) : value;
  const files = Object.entries(data).map(([path, bytes]) => ({ path, size: bytes.length, sha256: sha256(bytes) }));
  const full = {
    format: BACKUP_FORMAT,
    formatVersion: 1,
    app: { name: 'Outage Loss Desk', version: '0.1.0' },
    dbVersion: 2,
    createdAt: '2022-10-28T12:00:00+09:00',
    counts: { claims: 0, records: 0, evidence: 0, evidenceBytes: 0, imports: 0, settings: 0 },
    files,
    ...manifest,
  };
  // Stored, not deflated: hostile content (10,000 brackets) would otherwise trip the ratio guard first.
  const tree: Zippable = {};
  if (options.includeManifest !== false) tree[BACKUP_MANIFEST_PATH] = [enc(JSON.stringify(full)), { level: 0 }];
  for (const [path, bytes] of Object.entries(data)) tree[path] = [bytes, { level: 0 }];
  return zipSync(tree);
}
