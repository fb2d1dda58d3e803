import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { NeedsRecords } from '../components/NeedsRecords';

export default function BaselinePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader step={4} title={t('nav.baseline')} lead={t('baseline.lead')} />
      <NeedsRecords>
        {(count) => <EmptyState title={t('baseline.readyTitle')} body={t('baseline.readyBody', { count })} action={{ label: t('baseline.action'), to: 'estimate' }} />}
      </NeedsRecords>
    </>
  );
}
