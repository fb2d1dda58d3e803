import { useTranslation } from 'react-i18next';
import type { KstParts } from './kst-input';
import { DateField, TimeField } from '../components/DateField';

interface Props {
  /** The visible name of the service, so the four inputs are labelled on their own. */
  subject: string;
  start: KstParts;
  end: KstParts;
  onChange: (next: { start: KstParts; end: KstParts }) => void;
  startError?: string | undefined;
  endError?: string | undefined;
}

/** Start and end as date + time inputs, in KST whatever the machine's time zone is. */
export function WindowInputs({ subject, start, end, onChange, startError, endError }: Props) {
  const { t } = useTranslation();
  const row = (which: 'start' | 'end', parts: KstParts, error: string | undefined) => (
    <div className="window-row">
      <span className="window-label">{t(`incident.${which}`)}</span>
      <DateField
        aria-label={t(`incident.${which}DateOf`, { subject })}
        value={parts.date}
        aria-invalid={error ? true : undefined}
        onChange={(v) => onChange({ start, end, [which]: { ...parts, date: v } })}
      />
      <TimeField
        aria-label={t(`incident.${which}TimeOf`, { subject })}
        value={parts.time}
        aria-invalid={error ? true : undefined}
        onChange={(v) => onChange({ start, end, [which]: { ...parts, time: v } })}
      />
      <span className="muted">{t('incident.kst')}</span>
      {error && <p className="field-error">{t('setup.fieldError', { field: t(`incident.${which}`), message: error })}</p>}
    </div>
  );
  return (
    <div className="window-inputs">
      {row('start', start, startError)}
      {row('end', end, endError)}
    </div>
  );
}
