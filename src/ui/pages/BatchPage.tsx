import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export default function BatchPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader step={8} title={t('nav.batch')} lead={t('batch.lead')} />
      <EmptyState title={t('batch.emptyTitle')} body={t('batch.emptyBody')} action={{ label: t('batch.action'), to: 'claimant' }} />
    </>
  );
}
