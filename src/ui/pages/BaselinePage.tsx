import { useTranslation } from 'react-i18next';
import { NeedsClaim } from '../components/NeedsClaim';
import { PageHeader } from '../components/PageHeader';
import { BaselineView } from '../baseline/BaselineView';
import { useCurrentClaim } from '../desk';
import { earningsContext } from '../format';
import '../styles/baseline.css';

/** Step 4: reference dates, estimator and charts for the current claim (recharts loads with this page). */
export default function BaselinePage() {
  const { t } = useTranslation();
  const { claim } = useCurrentClaim();
  return (
    <>
      <PageHeader step={4} title={t('nav.baseline')} lead={t('baseline.lead', { context: earningsContext(claim?.kind) })} />
      <NeedsClaim>{(row) => <BaselineView key={row.id} claimId={row.id} />}</NeedsClaim>
    </>
  );
}
