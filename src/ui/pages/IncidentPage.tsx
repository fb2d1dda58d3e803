import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { NeedsClaim } from '../components/NeedsClaim';
import { PageHeader } from '../components/PageHeader';

export default function IncidentPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader step={2} title={t('nav.incident')} lead={t('incident.lead')} />
      <NeedsClaim>
        {() => <EmptyState title={t('incident.emptyTitle')} body={t('incident.emptyBody')} action={{ label: t('incident.action'), to: 'records' }} />}
      </NeedsClaim>
    </>
  );
}
