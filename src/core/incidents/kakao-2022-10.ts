import type { Incident } from '../model/incident';
import { findBundledPack } from './bundled';
import { packToIncident } from './pack';

/**
 * The Kakao outage of October 2022 (domain.md section 1), now the bundled pack packs/kakao-2022-10.json.
 * Where a restoration time is uncertain the interval's note says which time was picked and why; the user
 * can edit any window (the pack's times stay beside the edit in the packet).
 */
export const KAKAO_2022_10_ID = 'kakao-2022-10';

export const kakao2022October: Incident = packToIncident(findBundledPack(KAKAO_2022_10_ID)!);
