import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BridgeError, getBridge } from '../../bridge';
import { CHANNEL_PROFILES } from '../../core/packet/profiles';
import { ESCALATION_CHANNELS, nextSteps, prepareEscalation, TrackerInputError, updateSubmission } from '../../core/tracker';
import type { NextStep, SubmissionGap } from '../../core/tracker';
import { listEvidence, loadClaim } from '../../db';
import { useDb } from '../desk';
import { inLanguage } from '../export/language';
import { PacketBuildCancelled, startPacketBuild } from '../export/packet-client';
import type { PacketJobStage } from '../export/packet-job';
import { errorText, formatWon } from '../format';
import { useNotices } from '../notices';
import { shortHash } from './labels';
import { saveSubmissions } from '../../db';
import type { Tracked } from './useTrackedClaim';

type Stage = PacketJobStage | 'saving';

/**
 * The options after an answer that falls short, in plain words, with the packet for the 365 Center or the
 * mediation committee prepared from the same claim (a draft submission citing this one, then a packet built
 * in a worker and saved through the bridge).
 */
export function NextSteps({ tracked, sub }: { tracked: Tracked; sub: SubmissionGap }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify, reportError } = useNotices();
  const [working, setWorking] = useState<{ channel: string; stage: Stage } | null>(null);
  const [done, setDone] = useState<{ name: string; sha256: string } | null>(null);
  const cancelRef = useRef<(() => void) | null>(null);
  useEffect(() => () => cancelRef.current?.(), []);

  const steps = nextSteps(tracked.loaded.claim, tracked.gap, sub.submissionId);
  if (steps.length === 0) return null;

  async function prepare(step: NextStep) {
    const channel = step.channel!;
    setDone(null);
    setWorking({ channel, stage: 'reading' });
    try {
      const prepared = prepareEscalation(tracked.loaded.claim, sub.submissionId, channel, crypto.randomUUID(), CHANNEL_PROFILES);
      const claim = await saveSubmissions(db, tracked.loaded, prepared.claim.submissions);
      const [rows, info] = await Promise.all([listEvidence(db, claim.id), getBridge().appInfo()]);
      const job = startPacketBuild(
        { claim, channel, evidence: rows.map((r) => ({ fileName: r.fileName, blob: r.blob })), appVersion: info.version, now: new Date().toISOString() },
        (stage) => setWorking({ channel, stage }),
      );
      cancelRef.current = job.cancel;
      const built = await job.result;
      cancelRef.current = null;
      // The draft keeps the fingerprint of the packet made for it: once sent, it is the one to cite.
      const fresh = await loadClaim(db, claim.id);
      if (fresh.status === 'ready') {
        await saveSubmissions(db, fresh, updateSubmission(fresh.claim, prepared.submission.id, { packetSha256: built.sha256 }, CHANNEL_PROFILES));
      }
      setWorking({ channel, stage: 'saving' });
      const saved = await getBridge().saveFile({ suggestedName: built.fileName, bytes: built.bytes });
      if (saved.saved) setDone({ name: built.fileName, sha256: built.sha256 });
      else notify(t('tracker.next.notSaved'));
    } catch (err) {
      if (err instanceof PacketBuildCancelled) return;
      if (err instanceof TrackerInputError || err instanceof BridgeError || (err instanceof Error && err.name === 'PacketBuildError')) notify(inLanguage(errorText(err), i18n.language), 'error');
      else reportError(err);
    } finally {
      cancelRef.current = null;
      setWorking(null);
    }
  }

  const lead =
    sub.status === 'documents-requested'
      ? t('tracker.next.leadDocuments')
      : sub.status === 'rejected' || sub.shortBy === null
        ? t('tracker.next.leadRejected')
        : t('tracker.next.leadShort', { amount: formatWon(sub.shortBy, i18n.language) });

  return (
    <section className="tracker-next" aria-label={t('tracker.next.title')}>
      <h4>{t('tracker.next.title')}</h4>
      <p>{lead}</p>
      <ol className="tracker-steps">
        {steps.map((step) => {
          const canPrepare = step.channel !== null && (ESCALATION_CHANNELS as readonly string[]).includes(step.channel) && step.channel !== sub.channel;
          return (
            <li key={step.id} className={step.recommended ? 'is-recommended' : undefined} data-testid={`step-${step.id}`}>
              <p className="tracker-step-title">
                {t(`tracker.next.steps.${step.id}.title`)}
                {step.recommended && <span className="tag tag-recommended">{t('tracker.next.recommended')}</span>}
                {step.alreadyStarted && <span className="tag">{t('tracker.next.started')}</span>}
              </p>
              <p className="tracker-step-body">{t(`tracker.next.steps.${step.id}.body`)}</p>
              {canPrepare && (
                <p className="tracker-step-action">
                  {working?.channel === step.channel ? (
                    <>
                      <span role="status" className="muted">{t(`tracker.next.stage.${working.stage}`)}</span>{' '}
                      <button type="button" className="button button-quiet" onClick={() => cancelRef.current?.()}>{t('tracker.next.cancel')}</button>
                    </>
                  ) : (
                    <button type="button" className={step.recommended ? 'button button-primary' : 'button'} disabled={working !== null} onClick={() => void prepare(step)}>
                      {t('tracker.next.prepare')}
                    </button>
                  )}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {done && (
        <p className="tracker-prepared" role="status" data-testid="escalation-prepared">
          {t('tracker.next.prepared', { name: done.name, hash: shortHash(done.sha256) })}
        </p>
      )}
    </section>
  );
}
