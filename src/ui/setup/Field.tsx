import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  /** The message beside the field; it names the field so it reads right on its own (and in a screen reader). */
  error?: string | undefined;
  hint?: ReactNode;
  optional?: boolean;
  children: (ids: { id: string; describedBy: string | undefined; invalid: true | undefined }) => ReactNode;
  className?: string;
}

/** A labelled input with its hint and its error, wired for assistive technology. */
export function Field({ label, error, hint, optional, children, className }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> {t('setup.optional')}</span>}
      </label>
      {children({ id, describedBy, invalid: error ? true : undefined })}
      {hint && <p id={hintId} className="field-hint">{hint}</p>}
      {error && (
        <p id={errorId} className="field-error">
          {t('setup.fieldError', { field: label, message: error })}
        </p>
      )}
    </div>
  );
}

/** Back and Next: Next submits the step's form (so Enter in any field does too). */
export function StepActions({ onBack, nextLabel, busy }: { onBack?: () => void; nextLabel: string; busy?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="step-actions">
      {onBack ? (
        <button type="button" className="button" onClick={onBack}>
          {t('setup.back')}
        </button>
      ) : (
        <span />
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        {nextLabel}
      </button>
    </div>
  );
}

/** Problems the store reported for the whole step (cross-field rules), listed under the form. */
export function StepProblems({ problems }: { problems: { path: string; message: string }[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className="step-problems" role="alert">
      <p className="strong">{t('setup.notSaved')}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            {p.path && <code>{p.path}</code>} {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
