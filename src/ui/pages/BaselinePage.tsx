import { useTranslation } from 'react-i18next';
import { NeedsClaim } from '../components/NeedsClaim';
import { PageHeader } from '../components/PageHeader';
import { BaselineView } from '../baseline/BaselineView';
import '../styles/baseline.css';

/** Step 4: reference dates, estimator and charts for the current claim (recharts loads with this page). */
export default function BaselinePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader step={4} title={t('nav.baseline')} lead={t('baseline.lead')} />
      <NeedsClaim>{(row) => <BaselineView key={row.id} claimId={row.id} />}</NeedsClaim>
    </>
  );
}
