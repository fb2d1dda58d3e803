import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTimeField } from '../components/DateField';

/** `2022-10-15T20:10` typed in the date-and-time field, read as Korea time whatever the machine's zone. */
export function backdateMs(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}:00+09:00`);
  return Number.isFinite(ms) ? ms : null;
}

interface Props {
  on: boolean;
  onToggle: (on: boolean) => void;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
}

/**
 * Back-dating only explicitly (issue 19): off by default; when on, the taps go in at the chosen time and
 * are sealed and stored as reconstructed, never as logged at the moment.
 */
export function BackdateControl({ on, onToggle, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={on ? 'quick-backdate is-on' : 'quick-backdate'}>
      <label className="check-row">
        <input type="checkbox" checked={on} onChange={(e) => onToggle(e.target.checked)} aria-describedby={`${id}-hint`} />
        <span>{t('backdate.toggle')}</span>
      </label>
      <p id={`${id}-hint`} className="muted">{t('backdate.hint')}</p>
      {on && (
        <div className="quick-fare">
          <label htmlFor={`${id}-when`}>{t('backdate.when')}</label>
          <DateTimeField
            id={`${id}-when`}
            fieldName={t('backdate.when')}
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={onChange}
          />
        </div>
      )}
      {on && error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </div>
  );
}
