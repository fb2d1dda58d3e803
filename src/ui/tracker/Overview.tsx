import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ClaimGap, Deadline } from '../../core/tracker';
import { formatWon } from '../format';
import { inLanguage } from '../export/language';

/** Claimed against paid: the three figures big and exact, what each means in one line under it. */
export function GapSummary({ gap }: { gap: ClaimGap }) {
  const { t, i18n } = useTranslation();
  const won = (n: number) => formatWon(n, i18n.language);
  return (
    <section className="section" aria-labelledby="tracker-gap">
      <h2 id="tracker-gap">{t('tracker.gapTitle')}</h2>
      <dl className="tracker-gap">
        <div>
          <dt>{t('tracker.claimed')}</dt>
          <dd className="tracker-money" data-testid="tracker-claimed">{won(gap.claimTotal)}</dd>
          <dd className="muted">
            {t('tracker.claimedDetail', { lostProfit: won(gap.lostProfit), low: won(gap.lostProfitRange.low), high: won(gap.lostProfitRange.high) })}
          </dd>
        </div>
        <div>
          <dt>{t('tracker.paid')}</dt>
          <dd className="tracker-money" data-testid="tracker-paid">{won(gap.paidTotal)}</dd>
          <dd className="muted">{gap.offeredOpen > 0 ? t('tracker.offeredOpen', { amount: won(gap.offeredOpen) }) : t('tracker.paidDetail')}</dd>
        </div>
        <div className={gap.gap > 0 ? 'is-gap' : undefined}>
          <dt>{t('tracker.gap')}</dt>
          <dd className="tracker-money" data-testid="tracker-gap">{won(gap.gap)}</dd>
          <dd className="muted">{t('tracker.gapDetail')}</dd>
        </div>
      </dl>
    </section>
  );
}

/** "5일 남았어요", "오늘 마감이에요", "마감됐어요" ... */
export function deadlineWhen(d: Deadline, t: TFunction): string {
  if (d.state === 'not-open') return t('tracker.notOpen');
  if (d.state === 'no-deadline') return t('tracker.noDeadline');
  if (d.state === 'closed') return t('tracker.closed');
  return d.daysLeft === 0 ? t('tracker.closesToday') : t('tracker.daysLeft', { count: d.daysLeft! });
}

export function DeadlineList({ deadlines }: { deadlines: Deadline[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="section" aria-labelledby="tracker-deadlines">
      <h2 id="tracker-deadlines">{t('tracker.deadlinesTitle')}</h2>
      {deadlines.length === 0 ? (
        <p className="muted">{t('tracker.deadlinesEmpty')}</p>
      ) : (
        <ul className="plain-list tracker-deadlines">
          {deadlines.map((d) => (
            <li key={d.channel} className={d.warn ? 'is-warn' : undefined} data-testid={`deadline-${d.channel}`}>
              <div>
                <p className="tracker-deadline-name">{i18n.language === 'en' ? d.name.en : d.name.ko}</p>
                <p className="muted">
                  {d.closes ? t('tracker.deadlineWindow', { opens: d.opens, closes: d.closes }) : t('tracker.deadlineOpenEnded', { opens: d.opens })}
                  {d.note ? ` · ${inLanguage(d.note, i18n.language)}` : ''}
                </p>
                <p className="muted tracker-source">{t('tracker.deadlineSource', { source: d.source })}</p>
              </div>
              <div className="tracker-deadline-state">
                <strong>{deadlineWhen(d, t)}</strong>
                <span className={d.due && d.state === 'open' ? 'tag tag-due' : 'tag'}>
                  {d.due ? (d.submissionIds.length ? t('tracker.dueDocuments') : t('tracker.due')) : t('tracker.delivered')}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
