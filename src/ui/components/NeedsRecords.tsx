import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { countRecords } from '../../db';
import { EmptyState } from './EmptyState';
import { NeedsClaim } from './NeedsClaim';
import { useDb } from '../desk';

function WithCount({ claimId, children }: { claimId: string; children: (count: number) => ReactNode }) {
  const { t } = useTranslation();
  const db = useDb();
  const count = useLiveQuery(() => countRecords(db, claimId), [db, claimId]);
  if (count === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (count === 0) {
    return <EmptyState title={t('needRecords.title')} body={t('needRecords.body')} action={{ label: t('needRecords.action'), to: 'records' }} />;
  }
  return <>{children(count)}</>;
}

/** For steps that compute from records: a claim first, then records, then the page itself. */
export function NeedsRecords({ children }: { children: (count: number) => ReactNode }) {
  return <NeedsClaim>{(claim) => <WithCount claimId={claim.id}>{children}</WithCount>}</NeedsClaim>;
}
