import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { BridgeError, getBridge } from '../../bridge';
import { SUBMISSION_STATUSES } from '../../core/model';
import type { Submission, SubmissionStatus } from '../../core/model';
import { CHANNEL_PROFILES } from '../../core/packet/profiles';
import { removeSubmission, TrackerInputError, updateSubmission } from '../../core/tracker';
import type { SubmissionGap } from '../../core/tracker';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useDb } from '../desk';
import { inLanguage } from '../export/language';
import { formatKstDateTime, formatWon } from '../format';
import { useNotices } from '../notices';
import { channelLabel } from './labels';
import { NextSteps } from './NextSteps';
import { attachCorrespondence, listCorrespondence, saveSubmissions } from '../../db';
import { kstInstantOf, parseWonInput } from './store';
import type { Tracked } from './useTrackedClaim';
import { DateField } from '../components/DateField';

const MIME: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', pdf: 'application/pdf', txt: 'text/plain', eml: 'message/rfc822', heic: 'image/heic' };
const mimeOf = (name: string) => MIME[name.slice(name.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';

function Figures({ sub }: { sub: SubmissionGap }) {
  const { t, i18n } = useTranslation();
  const won = (n: number | null) => (n === null ? '–' : formatWon(n, i18n.language));
  return (
    <div className="tracker-figures">
      <dl>
        <div>
          <dt>{t('tracker.card.asked')}</dt>
          <dd data-testid="sub-asked">{won(sub.asked)}</dd>
          <dd className="muted">{t(`tracker.card.askedFigure.${sub.askedFigure}`)}</dd>
        </div>
        <div>
          <dt>{t('tracker.card.offered')}</dt>
          <dd data-testid="sub-offered">{won(sub.offered)}</dd>
        </div>
        <div>
          <dt>{t('tracker.card.paid')}</dt>
          <dd data-testid="sub-paid">{won(sub.paid)}</dd>
        </div>
        <div className={sub.shortBy !== null && sub.shortBy > 0 ? 'is-gap' : undefined}>
          <dt>{t('tracker.card.shortBy')}</dt>
          <dd data-testid="sub-short">{won(sub.shortBy)}</dd>
        </div>
      </dl>
      {sub.rule && (
        <div className="tracker-rule" data-testid="sub-rule">
          <p className="tracker-label">{t('tracker.card.ruleTitle')}</p>
          <p>
            {t('tracker.card.ruleLine', {
              rule: i18n.language === 'en' ? sub.rule.title.en : sub.rule.title.ko,
              loss: formatWon(sub.rule.loss, i18n.language),
              band: sub.rule.band ? inLanguage(sub.rule.band.label, i18n.language) : '–',
            })}
          </p>
          <p className="muted">
            {sub.rule.band?.payout === null || !sub.rule.band ? t('tracker.card.ruleReview') : t('tracker.card.rulePays', { amount: formatWon(sub.rule.band.payout, i18n.language) })}
          </p>
          {sub.belowOwnRule && <p className="field-error">{t('tracker.card.belowRule')}</p>}
        </div>
      )}
    </div>
  );
}

function UpdateForm({ tracked, submission, onSaved }: { tracked: Tracked; submission: Submission; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify, reportError } = useNotices();
  const ids = { status: useId(), offered: useId(), paid: useId(), sent: useId(), notes: useId() };
  const [status, setStatus] = useState<SubmissionStatus>(submission.status);
  const [offered, setOffered] = useState(submission.offered?.toString() ?? '');
  const [paid, setPaid] = useState(submission.paid?.toString() ?? '');
  const [sentDate, setSentDate] = useState(submission.sentAt?.slice(0, 10) ?? '');
  const [notes, setNotes] = useState(submission.notes);
  const [error, setError] = useState<string | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const o = parseWonInput(offered);
    const p = parseWonInput(paid);
    if (Number.isNaN(o) || Number.isNaN(p)) {
      setError(t('tracker.card.amountInvalid'));
      return;
    }
    try {
      const sentAt = submission.sentAt?.slice(0, 10) === sentDate ? submission.sentAt : sentDate ? kstInstantOf(sentDate, '00:00') : undefined;
      const list = updateSubmission(tracked.loaded.claim, submission.id, { status, offered: o ?? undefined, paid: p ?? undefined, sentAt, notes: notes.trim() }, CHANNEL_PROFILES);
      await saveSubmissions(db, tracked.loaded, list);
      notify(t('tracker.card.saved'));
      onSaved();
    } catch (err) {
      if (err instanceof TrackerInputError) setError(inLanguage(err.text, i18n.language));
      else reportError(err);
    }
  }

  return (
    <form className="tracker-update" onSubmit={(e) => void save(e)} noValidate>
      <div className="tracker-update-grid">
        <div>
          <label htmlFor={ids.status}>{t('tracker.card.statusLabel')}</label>
          <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value as SubmissionStatus)}>
            {SUBMISSION_STATUSES.map((s) => <option key={s} value={s}>{t(`tracker.status.${s}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={ids.sent}>{t('tracker.card.sentLabel')}</label>
          <DateField id={ids.sent} fieldName={t('tracker.card.sentLabel')} value={sentDate} onChange={setSentDate} />
        </div>
        <div>
          <label htmlFor={ids.offered}>{t('tracker.card.offeredLabel')}</label>
          <input id={ids.offered} type="text" inputMode="numeric" value={offered} placeholder={t('tracker.card.amountHint')} onChange={(e) => setOffered(e.target.value)} />
        </div>
        <div>
          <label htmlFor={ids.paid}>{t('tracker.card.paidLabel')}</label>
          <input id={ids.paid} type="text" inputMode="numeric" value={paid} placeholder={t('tracker.card.amountHint')} onChange={(e) => setPaid(e.target.value)} />
        </div>
      </div>
      <label htmlFor={ids.notes}>{t('tracker.card.notes')}</label>
      <textarea id={ids.notes} rows={2} value={notes} maxLength={4000} onChange={(e) => setNotes(e.target.value)} />
      {error && <p className="field-error" role="alert">{error}</p>}
      <p>
        <button type="submit" className="button button-primary">{t('tracker.card.save')}</button>
      </p>
    </form>
  );
}

function Correspondence({ claimId, submissionId }: { claimId: string; submissionId: string }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify, reportError } = useNotices();
  const rows = useLiveQuery(() => listCorrespondence(db, claimId, submissionId), [db, claimId, submissionId]);

  async function attach() {
    try {
      const files = await getBridge().openFiles({ multiple: true });
      if (files.length === 0) return;
      const count = await attachCorrespondence(db, claimId, submissionId, files.map((f) => ({ name: f.name, type: mimeOf(f.name), bytes: f.bytes })));
      notify(t('tracker.card.attached', { count }));
    } catch (err) {
      if (err instanceof BridgeError) notify(err.message, 'error');
      else reportError(err);
    }
  }

  return (
    <div className="tracker-correspondence">
      <p className="tracker-label">{t('tracker.card.correspondence')}</p>
      {rows && rows.length > 0 ? (
        <ul className="plain-list">
          {rows.map((r) => (
            <li key={r.id}>
              {r.fileName} <span className="muted">· {formatKstDateTime(r.addedAt, i18n.language)} · <code title={r.sha256}>{r.sha256.slice(0, 12)}</code></span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('tracker.card.correspondenceEmpty')}</p>
      )}
      <p>
        <button type="button" className="button" onClick={() => void attach()}>{t('tracker.card.attach')}</button>
      </p>
    </div>
  );
}

export function SubmissionCard({ tracked, submission, sub }: { tracked: Tracked; submission: Submission; sub: SubmissionGap }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify, reportError } = useNotices();
  const [removing, setRemoving] = useState(false);
  // Closed again after saving, so the figures and the next step are what one sees.
  const [open, setOpen] = useState(false);
  const channel = channelLabel(submission.channel, i18n.language);

  async function remove() {
    setRemoving(false);
    try {
      await saveSubmissions(db, tracked.loaded, removeSubmission(tracked.loaded.claim, submission.id));
      notify(t('tracker.card.removed'));
    } catch (err) {
      reportError(err);
    }
  }

  return (
    <li className="tracker-card" data-testid={`submission-${submission.channel}`}>
      <header className="tracker-card-head">
        <h3>{channel}</h3>
        <span className={`tag tag-status tag-${submission.status}`} data-testid="sub-status">{t(`tracker.status.${submission.status}`)}</span>
      </header>
      <dl className="facts tracker-card-facts">
        <dt>{t('tracker.card.sentAt')}</dt>
        <dd>{submission.sentAt ? formatKstDateTime(submission.sentAt, i18n.language) : t('tracker.card.notSent')}</dd>
        {submission.reference && (
          <>
            <dt>{t('tracker.card.reference')}</dt>
            <dd data-testid="sub-reference">{submission.reference}</dd>
          </>
        )}
        <dt>{t('tracker.card.fingerprint')}</dt>
        <dd>{submission.packetSha256 ? <code className="tracker-hash" data-testid="sub-hash">{submission.packetSha256}</code> : <span className="muted">{t('tracker.card.noFingerprint')}</span>}</dd>
        {submission.notes && (
          <>
            <dt>{t('tracker.card.notes')}</dt>
            <dd className="tracker-notes">{submission.notes}</dd>
          </>
        )}
      </dl>
      <Figures sub={sub} />
      <NextSteps tracked={tracked} sub={sub} />
      <details className="tracker-details" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('tracker.card.update')}</summary>
        <UpdateForm key={`${submission.status}|${submission.offered}|${submission.paid}|${submission.sentAt}`} tracked={tracked} submission={submission} onSaved={() => setOpen(false)} />
        <Correspondence claimId={tracked.loaded.claim.id} submissionId={submission.id} />
        <p>
          <button type="button" className="button button-quiet button-danger-text" onClick={() => setRemoving(true)}>{t('tracker.card.remove')}</button>
        </p>
      </details>
      {removing && (
        <ConfirmDialog
          danger
          title={t('tracker.card.removeTitle')}
          body={t('tracker.card.removeBody', { channel })}
          confirmLabel={t('tracker.card.remove')}
          cancelLabel={t('tracker.card.cancel')}
          onConfirm={() => void remove()}
          onCancel={() => setRemoving(false)}
        />
      )}
    </li>
  );
}
