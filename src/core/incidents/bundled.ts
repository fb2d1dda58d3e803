import { bi } from '../model/common';
import type { IncidentPack } from '../model/incident-pack';
import { formatPackIssues, parseIncidentPack } from './pack';
import kakao202210 from './packs/kakao-2022-10.json';
import kt202110 from './packs/kt-2021-10.json';
import lguplus202301 from './packs/lguplus-2023-01.json';
import kt202408 from './packs/kt-2024-08.json';
import baemin202112 from './packs/baemin-2021-12.json';
import baemin202505 from './packs/baemin-2025-05.json';
import naverpay202602 from './packs/naverpay-2026-02.json';

/** The packs shipped with the app (shared/incident-packs.md), as JSON files beside this module. */
const RAW: ReadonlyArray<readonly [string, unknown]> = [
  ['kakao-2022-10.json', kakao202210],
  ['kt-2021-10.json', kt202110],
  ['lguplus-2023-01.json', lguplus202301],
  ['kt-2024-08.json', kt202408],
  ['baemin-2021-12.json', baemin202112],
  ['baemin-2025-05.json', baemin202505],
  ['naverpay-2026-02.json', naverpay202602],
];

function load(): IncidentPack[] {
  const packs: IncidentPack[] = [];
  for (const [file, raw] of RAW) {
    const r = parseIncidentPack(raw, { bundled: packs });
    if (!r.ok) throw new Error(`${bi('앱에 든 장애 팩이 잘못됐어요', 'a bundled incident pack is invalid')} (${file}):\n${formatPackIssues(r.issues)}`);
    if (packs.some((p) => p.id === r.pack.id)) throw new Error(`${bi('장애 팩 id가 겹쳐요', 'duplicate bundled pack id')}: ${r.pack.id}`);
    packs.push(r.pack);
  }
  return packs;
}

/** Bundled packs, newest outage first. */
export const BUNDLED_PACKS: ReadonlyArray<IncidentPack> = load().sort((a, b) => firstStart(b).localeCompare(firstStart(a)));

function firstStart(p: IncidentPack): string {
  return p.services.flatMap((s) => s.intervals.map((w) => w.start)).sort()[0] ?? '';
}

export function findBundledPack(id: string): IncidentPack | undefined {
  return BUNDLED_PACKS.find((p) => p.id === id);
}
