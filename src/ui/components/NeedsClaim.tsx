import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimRow } from '../../db';
import { useCurrentClaim } from '../desk';
import { EmptyState } from './EmptyState';

/** Renders its children with the current claim, or says to create one first. */
export function NeedsClaim({ children }: { children: (claim: ClaimRow) => ReactNode }) {
  const { t } = useTranslation();
  const { claim } = useCurrentClaim();
  if (claim === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (claim === null) {
    return <EmptyState title={t('noClaim.title')} body={t('noClaim.body')} action={{ label: t('noClaim.action'), to: 'claimant' }} />;
  }
  return <>{children(claim)}</>;
}
