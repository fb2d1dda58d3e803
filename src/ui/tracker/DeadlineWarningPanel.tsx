import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNEL_PROFILES } from '../../core/packet/profiles';
import { deadlineInputOf, deadlineWarnings } from '../../core/tracker/deadlines';
import { kstToday } from '../../core/tracker/today';
import { useCurrentClaim } from '../desk';
import { hrefOf } from '../routes';
import { deadlineWhen } from './Overview';
import '../styles/tracker.css';

/**
 * Shown on opening the app (in the shell, above every page) when a deadline still to meet is at most 7 days
 * away. Reads only the stored claim document (no records, no estimate), so it costs nothing on other pages.
 * Closing it hides it for this session; it comes back on the next start while the deadline stands.
 */
export default function DeadlineWarningPanel() {
  const { t, i18n } = useTranslation();
  const { claim } = useCurrentClaim();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const warnings = useMemo(() => {
    const input = claim ? deadlineInputOf(claim.body) : null;
    return input ? deadlineWarnings(input, CHANNEL_PROFILES, kstToday(new Date())) : [];
  }, [claim]);
  const key = `${claim?.id}|${warnings.map((w) => w.channel).join(',')}`;
  // Nothing to warn about: a hidden mark that the check ran for this claim (tests wait on it, not on time).
  if (warnings.length === 0 || dismissed === key) return claim ? <span hidden data-deadline-checked={claim.id} /> : null;
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
