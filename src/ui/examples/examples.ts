/**
 * The bundled example claims (assets/examples), for a first look at the app without typing anything.
 * They load lazily (only when asked for), go through the same claim-file parser as any file, come with their
 * evidence files (assets/examples/evidence, checked against the claim's SHA-256), and are stored marked as
 * examples so they are labelled everywhere and removed in one step.
 */
import { parseClaimFile } from '../../core/model';
import type { Claim, Evidence } from '../../core/model';
import { sha256Hex } from '../../core/packet/hash';
import { addExampleClaimSet } from '../../db';
import type { EvidenceBytes, OutageDeskDB } from '../../db';
import { joined } from '../../core/model/common';

const files = import.meta.glob<unknown>('../../../assets/examples/*.claim.json', { import: 'default' });

/** The designated driver of loss model section 7 first: it is the case the app explains best. */
const ORDER = ['driver-2022', 'restaurant-hourly', 'taxi-franchise', 'merchant-best-week', 'cafe-daily'];
const rank = (path: string) => {
  const at = ORDER.findIndex((name) => path.endsWith(`/${name}.claim.json`));
  return at < 0 ? ORDER.length : at;
};

export class ExampleFileError extends Error {
  override name = 'ExampleFileError';
}

/** The examples' evidence files (assets/examples/evidence), as URLs: fetched only when examples are added. */
const evidenceUrls = import.meta.glob<string>('../../../assets/examples/evidence/*', { query: '?url', import: 'default' });

export type FetchLike = (url: string) => Promise<Response>;

export type ExampleClaim = { claim: Claim; evidence: EvidenceBytes[] };

/** The bytes of one example evidence file if they load and match the claim's hash; else null. */
async function evidenceBytes(item: Evidence, fetcher: FetchLike): Promise<EvidenceBytes | null> {
  const path = Object.keys(evidenceUrls).find((p) => p.split('/').pop()?.normalize('NFC') === item.fileName.normalize('NFC'));
  if (!path) return null;
  try {
    const response = await fetcher(await evidenceUrls[path]!());
    if (!response.ok) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    return (await sha256Hex(bytes)) === item.sha256 ? { sha256: item.sha256, bytes } : null;
  } catch {
    return null;
  }
}

/**
 * An evidence item without its file would make the stored claim fail its own check, so an example's item
 * whose file could not be loaded (or did not match) is dropped with its links; the claim stays complete.
 */
function withoutMissing(claim: Claim, present: ReadonlySet<string>): Claim {
  const keep = (ids: string[]) => ids.filter((id) => present.has(id));
  return {
    ...claim,
    evidence: claim.evidence.filter((e) => present.has(e.id)),
    directItems: claim.directItems.map((i) => ({ ...i, evidenceIds: keep(i.evidenceIds) })),
    indirectItems: claim.indirectItems.map((i) => ({ ...i, evidenceIds: keep(i.evidenceIds) })),
  };
}

/** Parses every example file and loads its evidence files; a broken claim file stops everything with its name and reasons. */
export async function loadExampleClaims(fetcher: FetchLike = (url) => fetch(url)): Promise<ExampleClaim[]> {
  const paths = Object.keys(files).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const out: ExampleClaim[] = [];
  for (const path of paths) {
    const parsed = parseClaimFile(await files[path]!());
    const name = path.split('/').pop();
    if (!parsed.ok) {
      const reasons = parsed.issues.slice(0, 3).map((i) => `${i.path || '(file)'}: ${joined(i.message)}`).join('; ');
      throw new ExampleFileError(`예시 파일을 읽지 못했어요: ${name} / could not read the example file ${name}: ${reasons}`);
    }
    const evidence: EvidenceBytes[] = [];
    const present = new Set<string>();
    for (const item of parsed.claim.evidence) {
      const loaded = await evidenceBytes(item, fetcher);
      if (!loaded) continue;
      evidence.push(loaded);
      present.add(item.id);
    }
    out.push({ claim: withoutMissing(parsed.claim, present), evidence });
  }
  return out;
}

/**
 * Adds all examples with their evidence files; returns the new claim ids in the order above. `fetcher` reads
 * the evidence URLs (the app's own origin; tests pass one that reads the same files from disk).
 */
export async function addExampleClaims(db: OutageDeskDB, options: { fetcher?: FetchLike } = {}): Promise<string[]> {
  const examples = await loadExampleClaims(options.fetcher);
  return addExampleClaimSet(db, examples);
}

