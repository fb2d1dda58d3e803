import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNEL_PROFILES } from '../../core/packet/profiles';
import { deadlineWarnings, kstToday } from '../../core/tracker';
import { useCurrentClaim } from '../desk';
import { hrefOf } from '../routes';
import { deadlineWhen } from './Overview';
import { useTrackedClaim } from './useTrackedClaim';
import '../styles/tracker.css';

/**
 * Shown on opening the app (in the shell, above every page) when a deadline still to meet is at most 7 days
 * away. Closing it hides it for this session; it comes back on the next start while the deadline stands.
 */
export default function DeadlineWarningPanel() {
  const { t, i18n } = useTranslation();
  const { claim } = useCurrentClaim();
  const { tracked } = useTrackedClaim(claim?.id ?? null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const warnings = useMemo(
    () => (tracked ? deadlineWarnings(tracked.loaded.claim, CHANNEL_PROFILES, kstToday(new Date())) : []),
    [tracked],
  );
  const key = `${claim?.id}|${warnings.map((w) => w.channel).join(',')}`;
  if (warnings.length === 0 || dismissed === key) return null;
  return (
    <aside className="deadline-warning" role="status" aria-labelledby="deadline-warning-title">
      <div>
        <p id="deadline-warning-title" className="deadline-warning-title">{t('tracker.warning.title')}</p>
        <ul className="plain-list">
          {warnings.map((w) => (
            <li key={w.channel}>
              {t('tracker.warning.item', { channel: i18n.language === 'en' ? w.name.en : w.name.ko, closes: w.closes, left: deadlineWhen(w, t) })}
            </li>
          ))}
        </ul>
      </div>
      <div className="deadline-warning-actions">
        <a className="button" href={hrefOf('tracker')}>{t('tracker.warning.open')}</a>
        <button type="button" className="button button-quiet" onClick={() => setDismissed(key)}>{t('tracker.warning.dismiss')}</button>
      </div>
    </aside>
  );
}
