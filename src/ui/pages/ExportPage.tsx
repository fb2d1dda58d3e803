import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { NeedsRecords } from '../components/NeedsRecords';

export default function ExportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader step={7} title={t('nav.export')} lead={t('export.lead')} />
      <NeedsRecords>
        {() => <EmptyState title={t('export.readyTitle')} body={t('export.readyBody')} action={{ label: t('export.action'), to: 'estimate' }} />}
      </NeedsRecords>
    </>
  );
}
