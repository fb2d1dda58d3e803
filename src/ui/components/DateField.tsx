import { useEffect, useId, useRef, useState } from 'react';
import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateInput, formatDateTimeInput, parseDateInput, parseDateTimeInput, parseTimeInput } from '../../core/time';

type Passed = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange' | 'defaultValue'>;

interface FieldProps extends Passed {
  /** The stored value: an ISO date `YYYY-MM-DD` (DateField) or `HH:MM` (TimeField); '' when empty. */
  value: string;
  onChange: (value: string) => void;
  /** The field's name for the error message, when the visible label is not `aria-label`. */
  fieldName?: string;
}

/**
 * One text field for a calendar date that reads and shows dates the Korean way (`2022. 10. 15.`) or the
 * English way (`2022-10-15`) whatever the browser's own locale, unlike `<input type="date">`. Typing is
 * plain keyboard text; the stored value stays ISO. An invalid date says so inline, naming the field, and
 * is not passed on.
 */
export function DateField(props: FieldProps) {
  const { i18n } = useTranslation();
  return <TextField {...props} kind="date" parse={parseDateInput} format={(v) => formatDateInput(v, i18n.language)} />;
}

/** A time of day, 24-hour `HH:MM` (KST where the form says so), typed as text whatever the browser's locale. */
export function TimeField(props: FieldProps) {
  return <TextField {...props} kind="time" parse={parseTimeInput} format={(v) => v} />;
}

/** A date typed to its end: two-digit day, a closing dot (`2022. 10. 5.`) or eight digits. */
const WHOLE_DATE = /(?:\D\d{2}|\.)\s*$|^\s*\d{8}\s*$/;

/** A date and a 24-hour time in one field (`2022. 10. 15. 18:10`), stored as `YYYY-MM-DDTHH:MM`. */
export function DateTimeField(props: FieldProps) {
  const { i18n } = useTranslation();
  return <TextField {...props} kind="datetime" parse={parseDateTimeInput} format={(v) => formatDateTimeInput(v, i18n.language)} />;
}

interface TextFieldProps extends FieldProps {
  kind: 'date' | 'time' | 'datetime';
  parse: (text: string) => string | null;
  format: (value: string) => string;
}

function TextField({ value, onChange, fieldName, kind, parse, format, id, className, onBlur, ...rest }: TextFieldProps) {
  const { t } = useTranslation();
  const shown = format(value);
  const [text, setText] = useState(shown);
  const [bad, setBad] = useState(false);
  const emitted = useRef(value);
  const errorId = useId();

  // A value set from outside (reset, another field, the language) replaces what is shown.
  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setText(shown);
      setBad(false);
    }
  }, [value, shown]);
  useEffect(() => {
    if (!bad && parse(text) === value) setText(shown);
    // Only when the language (the shown form) changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown]);

  /** Passes a readable value on; on leaving the field (final) an unreadable one is shown as an error. */
  const commit = (raw: string, final: boolean) => {
    const parsed = raw.trim() === '' ? '' : parse(raw);
    if (parsed === null) {
      if (final) setBad(true);
      return;
    }
    setBad(false);
    if (final && parsed !== '') setText(format(parsed));
    if (parsed !== emitted.current) {
      emitted.current = parsed;
      onChange(parsed);
    }
  };

  const name = fieldName ?? rest['aria-label'] ?? '';
  const describedBy = [rest['aria-describedby'], bad ? errorId : null].filter(Boolean).join(' ') || undefined;

  return (
    <span className={`date-field${bad ? ' is-invalid' : ''}`}>
      <input
        {...rest}
        id={id}
        className={className}
        type="text"
        inputMode={kind === 'time' ? 'numeric' : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={rest.placeholder ?? t(`dateField.${kind}Placeholder`)}
        size={kind === 'date' ? 13 : kind === 'time' ? 6 : 19}
        value={text}
        aria-invalid={bad || rest['aria-invalid'] ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          // While typing, pass a date on only once it is whole (`2022-10-1` may still become `2022-10-15`).
          if (kind !== 'date' || next.trim() === '' || WHOLE_DATE.test(next)) commit(next, false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(text, true);
          rest.onKeyDown?.(e);
        }}
        onBlur={(e) => {
          commit(text, true);
          onBlur?.(e);
        }}
      />
      {bad && (
        <span id={errorId} className="field-error" role="alert">
          {t(kind === 'date' ? 'dateField.invalidDate' : kind === 'time' ? 'dateField.invalidTime' : 'dateField.invalidDateTime', { field: name })}
        </span>
      )}
    </span>
  );
}
