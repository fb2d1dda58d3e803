import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { NeedsRecords } from '../components/NeedsRecords';

export default function EstimatePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader step={5} title={t('nav.estimate')} lead={t('estimate.lead')} />
      <NeedsRecords>
        {(count) => <EmptyState title={t('estimate.readyTitle')} body={t('estimate.readyBody', { count })} action={{ label: t('estimate.action'), to: 'evidence' }} />}
      </NeedsRecords>
    </>
  );
}
