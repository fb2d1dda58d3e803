import type { ChannelFare, SalesChannel } from '../core/model';
import { bt } from '../core/model';
import { ClaimValidationError, saveClaimDocument } from './claim-store';
import type { ClaimBody, LoadedClaim } from './claim-store';
import type { OutageDeskDB } from './database';

/**
 * The user saves the average fares of their channels (records page): each listed channel gets its fare,
 * or loses it when `undefined`. The document is validated with the claim's records as any save is, and
 * nothing is stored when a fare is refused (the error names the channel's field).
 */
export async function saveChannelFares(db: OutageDeskDB, claimId: string, fares: Record<string, ChannelFare | undefined>): Promise<LoadedClaim> {
  return db.transaction('rw', [db.claims, db.records, db.evidence], async () => {
    const row = await db.claims.get(claimId);
    if (!row) throw new ClaimValidationError([{ path: '', message: bt(`신고서를 찾을 수 없어요: ${claimId}`, `claim not found: ${claimId}`) }]);
    const body = (row.body && typeof row.body === 'object' ? row.body : {}) as Partial<ClaimBody>;
    const claimant = body.claimant as (ClaimBody['claimant'] & { salesChannels?: SalesChannel[] }) | undefined;
    if (!claimant || !Array.isArray(claimant.salesChannels)) {
      throw new ClaimValidationError([{ path: 'claimant.salesChannels', message: bt('판매 채널을 먼저 정해 주세요', 'choose the sales channels first') }]);
    }
    const salesChannels = claimant.salesChannels.map((c) => {
      if (!(c.id in fares)) return c;
      const { averageFare: _old, ...rest } = c;
      const fare = fares[c.id];
      return fare ? { ...rest, averageFare: fare } : rest;
    });
    return saveClaimDocument(db, claimId, { ...body, claimant: { ...claimant, salesChannels } as ClaimBody['claimant'] }, { allowDraft: true });
  });
}
