import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate, WindowDatePlan } from './reference-plan';
import { holidayLabels } from './holiday-names';
import { useDateText } from './dates';

interface Props {
  plans: readonly WindowDatePlan[];
  abnormalDates: readonly string[];
  onToggleAbnormal: (date: string) => void;
  onPick: (windowDate: string, dates: string[]) => void;
  onResetDate: (windowDate: string) => void;
  disabled: boolean;
}

/**
 * Section 3.1 made visible: for each outage date, every same-weekday date up to 12 weeks back, with
 * the week it serves or the reason it was passed over (holiday by name, abnormal, no records).
 */
export function ReferenceCalendar({ plans, abnormalDates, onToggleAbnormal, onPick, onResetDate, disabled }: Props) {
  const { t } = useTranslation();
  const { long, short } = useDateText();
  return (
    <div className="ref-calendar">
      <p className="muted">{t('baseline.calendar.help')}</p>
      {plans.map((plan) => (
        <WindowDateRow
          key={plan.windowDate}
          plan={plan}
          long={long}
          short={short}
          onToggleAbnormal={onToggleAbnormal}
          onPick={onPick}
          onResetDate={onResetDate}
          disabled={disabled}
        />
      ))}
      <p className="muted ref-legend">{t('baseline.calendar.legend')}</p>
      <section className="abnormal-list" aria-labelledby="abnormal-list-title">
        <h3 id="abnormal-list-title">{t('baseline.calendar.abnormalList')}</h3>
        {abnormalDates.length === 0 ? (
          <p className="muted">{t('baseline.calendar.abnormalNone')}</p>
        ) : (
          <ul className="plain-list">
            {abnormalDates.map((d) => (
              <li key={d} className="abnormal-item">
                <span>{long(d)}</span>
                <button type="button" className="button button-quiet" disabled={disabled} onClick={() => onToggleAbnormal(d)}>
                  {t('baseline.calendar.unmarkAbnormal')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

interface RowProps {
  plan: WindowDatePlan;
  long: (date: string) => string;
  short: (date: string) => string;
  onToggleAbnormal: (date: string) => void;
  onPick: (windowDate: string, dates: string[]) => void;
  onResetDate: (windowDate: string) => void;
  disabled: boolean;
}

function WindowDateRow({ plan, long, short, onToggleAbnormal, onPick, onResetDate, disabled }: RowProps) {
  const { t, i18n } = useTranslation();
  const [picking, setPicking] = useState(false);
  const titleId = `ref-${plan.windowDate}`;

  function statusText(c: Candidate): string {
    const s = c.status;
    switch (s.kind) {
      case 'used': return t('baseline.calendar.used', { n: s.week });
      case 'spare': return t('baseline.calendar.spare');
      case 'holiday': return t('baseline.calendar.holiday', { name: holidayLabels(s.names, t, i18n.language) });
      case 'abnormal': return t('baseline.calendar.abnormal');
      case 'no-records': return t('baseline.calendar.noRecords');
      case 'in-window': return t('baseline.calendar.inWindow');
    }
  }

  function togglePick(date: string) {
    const next = plan.used.includes(date) ? plan.used.filter((d) => d !== date) : [...plan.used, date];
    onPick(plan.windowDate, next);
  }

  return (
    <section className="ref-row" aria-labelledby={titleId} data-window-date={plan.windowDate}>
      <div className="ref-row-head">
        <h3 id={titleId}>{t('baseline.calendar.windowDate', { date: long(plan.windowDate) })}</h3>
        <span className={plan.custom ? 'tag tag-custom' : 'tag'}>{plan.custom ? t('baseline.calendar.custom') : t('baseline.calendar.suggested')}</span>
        <span className="ref-row-actions">
          <button type="button" className="button button-quiet" aria-pressed={picking} disabled={disabled} onClick={() => setPicking((p) => !p)}>
            {picking ? t('baseline.calendar.pickDone') : t('baseline.calendar.pick')}
          </button>
          {plan.custom && (
            <button type="button" className="button button-quiet" disabled={disabled} onClick={() => onResetDate(plan.windowDate)}>
              {t('baseline.calendar.resetDate')}
            </button>
          )}
        </span>
      </div>
      {picking && <p className="muted">{t('baseline.calendar.pickHelp')}</p>}
      {plan.shortfall && <p className="ref-shortfall">{t('baseline.calendar.shortfall', plan.shortfall)}</p>}
      <ol className="ref-chips">
        {plan.candidates.map((c) => {
          const used = c.status.kind === 'used';
          const pickable = c.hasRecords && !c.abnormal && !c.inWindow;
          const onlyOne = used && plan.used.length <= 1;
          return (
            <li key={c.date} className={`ref-chip ref-${c.status.kind}`} data-date={c.date} data-status={c.status.kind}>
              <span className="ref-when">
                <span className="ref-date">{short(c.date)}</span>
                <span className="ref-back">{t('baseline.calendar.weeksBack', { n: c.weeksBack })}</span>
              </span>
              <span className="ref-status">{statusText(c)}</span>
              {used && c.holiday && <span className="ref-note">{holidayLabels(c.holiday, t, i18n.language)}</span>}
              {picking ? (
                <label className="ref-pick">
                  <input
                    type="checkbox"
                    checked={used}
                    disabled={disabled || !pickable || onlyOne}
                    title={onlyOne ? t('baseline.calendar.pickKeepOne') : undefined}
                    aria-label={t('baseline.calendar.pickLabel', { date: long(c.date) })}
                    onChange={() => togglePick(c.date)}
                  />
                </label>
              ) : (
                !c.inWindow &&
                !c.holiday && (
                  <button
                    type="button"
                    className="ref-mark"
                    aria-pressed={c.abnormal}
                    disabled={disabled}
                    aria-label={t(c.abnormal ? 'baseline.calendar.unmarkAbnormalLabel' : 'baseline.calendar.markAbnormalLabel', { date: long(c.date) })}
                    onClick={() => onToggleAbnormal(c.date)}
                  >
                    {t(c.abnormal ? 'baseline.calendar.unmarkShort' : 'baseline.calendar.markShort')}
                  </button>
                )
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
