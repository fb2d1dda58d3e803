/**
 * The few channel and rule ids the code itself must name, as constants checked against the data they
 * name (tests/core/incidents/ids.test.ts): everything else about a channel or rule comes from the packs.
 */

/** The channels every incident has (packet/profiles: damage365.ts, dispute-mediation.ts, generic.ts). */
export const GENERIC_CHANNEL = {
  damage365: 'damage365',
  disputeMediation: 'dispute-mediation',
  generic: 'generic',
} as const;

/** The Kakao October 2022 pack's own channels and rules (packs/kakao-2022-10.json). */
export const KAKAO_2022 = {
  packId: 'kakao-2022-10',
  formChannel: 'kakao-2022-form',
  smbDocumentsChannel: 'kakao-2022-smb-documents',
  mobilityTaxiChannel: 'kakao-mobility-2022-taxi',
  smbBestWeekRule: 'kakao-2022-smb-best-week',
  mobilityTaxiRule: 'kakao-mobility-2022-taxi',
} as const;
