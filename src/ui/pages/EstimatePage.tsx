import { useTranslation } from 'react-i18next';
import { NeedsClaim } from '../components/NeedsClaim';
import { PageHeader } from '../components/PageHeader';
import { DraftChecklist } from '../estimate/DraftChecklist';
import { EstimateView } from '../estimate/EstimateView';
import { useClaimEstimate } from '../estimate/useClaimEstimate';
import '../styles/setup.css';
import '../styles/estimate.css';

export default function EstimatePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader step={5} title={t('nav.estimate')} lead={t('estimate.lead')} />
      <NeedsClaim>{(claim) => <EstimateScreen key={claim.id} claimId={claim.id} />}</NeedsClaim>
    </>
  );
}

function EstimateScreen({ claimId }: { claimId: string }) {
  const { t } = useTranslation();
  const state = useClaimEstimate(claimId);
  if (state.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (state.status === 'missing') return <p className="muted">{t('estimate.missing')}</p>;
  return (
    <>
      {state.row.example === 1 && (
        <p className="example-note">
          <span className="tag tag-example">{t('examples.badge')}</span> {t('examples.isExample')}
        </p>
      )}
      {state.status === 'draft' ? <DraftChecklist issues={state.issues} kind={state.row.kind} /> : <EstimateView row={state.row} claim={state.claim} estimate={state.estimate} pack={state.pack} />}
    </>
  );
}
