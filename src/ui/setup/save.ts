import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ClaimValidationError, saveClaimDocument } from '../../db';
import type { ClaimBody } from '../../db';
import { useDb } from '../desk';
import { pickLanguage } from '../format';
import { useNotices } from '../notices';

export interface Problem {
  path: string;
  message: string;
}
export type SaveOutcome = { ok: true } | { ok: false; problems: Problem[] };

/**
 * Saves the claim document as a draft (setup goes step by step, so a missing later field is fine) and
 * turns a refusal into messages for the step to show; storage failures go to the notices.
 */
export function useSaveBody(claimId: string) {
  const db = useDb();
  const { i18n } = useTranslation();
  const { reportError } = useNotices();
  return useCallback(
    async (body: Partial<ClaimBody>, options: { allowDraft?: boolean } = { allowDraft: true }): Promise<SaveOutcome> => {
      try {
        await saveClaimDocument(db, claimId, body, options);
        return { ok: true };
      } catch (err) {
        if (err instanceof ClaimValidationError) {
          return { ok: false, problems: err.issues.map((i) => ({ path: i.path, message: pickLanguage(i.message, i18n.language) })) };
        }
        reportError(err);
        return { ok: false, problems: [] };
      }
    },
    [db, claimId, i18n.language, reportError],
  );
}
