import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { useCurrentClaim } from '../desk';
import { DeadlineList, GapSummary } from '../tracker/Overview';
import { PacketPicker, RecordSubmission } from '../tracker/RecordSubmission';
import type { PickedPacket } from '../tracker/RecordSubmission';
import { SubmissionCard } from '../tracker/SubmissionCard';
import { useTrackedClaim } from '../tracker/useTrackedClaim';
import '../styles/tracker.css';

/** 신청 현황: what was sent where, what came back, what is due, and the next step when it falls short. */
export default function TrackerPage() {
  const { t } = useTranslation();
  const { claim } = useCurrentClaim();
  const { loaded, tracked } = useTrackedClaim(claim?.id ?? null);
  // Kept here, above the claim: choosing a packet may add or switch to its claim.
  const [picked, setPicked] = useState<PickedPacket | null>(null);

  const picker = <PacketPicker picked={picked} onPicked={setPicked} currentClaimId={tracked?.loaded.claim.id ?? null} />;

  let body;
  if (claim === undefined || (claim && loaded === undefined)) {
    body = <p className="muted">{t('app.loading')}</p>;
  } else if (!tracked) {
    body = (
      <>
        {claim === null ? (
          <EmptyState title={t('noClaim.title')} body={t('noClaim.body')} action={{ label: t('noClaim.action'), to: 'claimant' }} />
        ) : (
          <EmptyState title={t('tracker.draftTitle')} body={t('tracker.draftBody')} action={{ label: t('tracker.draftAction'), to: 'export' }} />
        )}
        <section className="section">
          <h2>{t('tracker.record.title')}</h2>
          {picker}
        </section>
      </>
    );
  } else {
    const { claim: full } = tracked.loaded;
    body = (
      <>
        <GapSummary gap={tracked.gap} />
        <DeadlineList deadlines={tracked.deadlines} />
        <section className="section" aria-labelledby="tracker-submissions">
          <h2 id="tracker-submissions">{t('tracker.submissionsTitle')}</h2>
          {full.submissions.length === 0 ? (
            <p className="muted">{t('tracker.submissionsEmpty')}</p>
          ) : (
            <ul className="tracker-cards">
              {full.submissions.map((s) => (
                <SubmissionCard key={s.id} tracked={tracked} submission={s} sub={tracked.gap.submissions.find((g) => g.submissionId === s.id)!} />
              ))}
            </ul>
          )}
        </section>
        <section className="section tracker-record-section" aria-labelledby="tracker-record">
          <h2 id="tracker-record">{t('tracker.record.title')}</h2>
          {picker}
          <RecordSubmission key={full.id} tracked={tracked} picked={picked} onPicked={setPicked} />
        </section>
      </>
    );
  }

  return (
    <>
      <PageHeader step={8} title={t('nav.tracker')} lead={t('tracker.lead')} />
      {body}
    </>
  );
}
