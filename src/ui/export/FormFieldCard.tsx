import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilledField } from '../../core/packet/form';
import { copyText } from './clipboard';
import { inLanguage } from './language';
import { readJoined } from '../../core/model/common';

const COPIED_MS = 2500;

/** One form field: its label and limit, the text to paste with its length, and a copy button. */
export function FormFieldCard({ field }: { field: FilledField }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);

  const label = i18n.language === 'en' ? field.labelEn : field.label;
  const hasText = field.kind !== 'consent' && field.kind !== 'attachment';
  // Length as a browser's maxlength counts it (UTF-16 code units), the way the channel's form will.
  const length = field.text.length;
  const over = field.maxLength !== undefined && length > field.maxLength;

  async function copy() {
    const ok = await copyText(field.text);
    setCopied(ok ? 'yes' : 'failed');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(null), COPIED_MS);
  }

  return (
    <li className="form-field" aria-labelledby={`${id}-label`}>
      <div className="form-field-head">
        <h3 id={`${id}-label`}>
          {label} <span className={`tag${field.required ? ' tag-required' : ''}`}>{field.required ? t('export.required') : t('export.optional')}</span>
        </h3>
        {hasText && field.text !== '' && (
          <div className="copy-box">
            <span className={`field-length${over ? ' is-over' : ''}`} data-testid="field-length">
              {field.maxLength !== undefined ? t('export.length', { length, max: field.maxLength }) : t('export.lengthNoLimit', { length })}
            </span>
            <button type="button" className="button" aria-label={t('export.copyLabel', { field: label })} onClick={() => void copy()}>
              {copied === 'yes' ? t('export.copied') : t('export.copy')}
            </button>
          </div>
        )}
      </div>
      {hasText &&
        (field.text === '' ? (
          <p className="field-empty-note">{t('export.emptyField')}</p>
        ) : field.kind === 'choice' ? (
          <p className="form-text" tabIndex={0} role="region" aria-labelledby={`${id}-label`}>{t('export.choice', { choice: field.text })}</p>
        ) : (
          <div className="form-text" id={`${id}-text`} tabIndex={0} role="region" aria-labelledby={`${id}-label`}>{field.text}</div>
        ))}
      {field.kind === 'choice' && field.choices && <p className="muted">{t('export.choices', { choices: field.choices.join(' · ') })}</p>}
      {field.maxLengthSource && <p className="muted">{t('export.limitSource', { source: inLanguage(readJoined(field.maxLengthSource), i18n.language) })}</p>}
      {over && <p className="field-error">{t('export.overLimit')}</p>}
      {field.truncated && <p className="muted">{t('export.truncated', { full: field.fullLength })}</p>}
      {field.instruction && <p className="form-instruction">{inLanguage(readJoined(field.instruction), i18n.language)}</p>}
      <p className="ex-visually-hidden" role="status">{copied === 'yes' ? t('export.copied') : copied === 'failed' ? t('export.copyFailed') : ''}</p>
      {copied === 'failed' && <p className="field-error">{t('export.copyFailed')}</p>}
    </li>
  );
}
