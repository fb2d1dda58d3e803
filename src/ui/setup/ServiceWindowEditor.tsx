import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceOutageSchema, windowSchema } from '../../core/model';
import type { ServiceOutage } from '../../core/model';
import { formatKstWindow, pickLanguage } from '../format';
import { readJoined } from '../../core/model/common';
import { joinKst, splitKst } from './kst-input';
import { check, fieldErrors } from './steps';
import { WindowInputs } from './WindowInputs';

interface Props {
  service: ServiceOutage;
  /** True for a preset's service: the edit goes beside the public window; false: the user's own window is changed. */
  fromPreset: boolean;
  used: boolean;
  onSave: (next: ServiceOutage) => Promise<boolean>;
}

const userWindowSchema = serviceOutageSchema.shape.userWindow.unwrap();

/** One service of the incident: its public window and source, and the user's own edit beside it. */
export function ServiceWindowEditor({ service, fromPreset, used, onSave }: Props) {
  const { t, i18n } = useTranslation();
  const name = i18n.language === 'en' && service.name.en ? service.name.en : service.name.ko;
  const editing0 = fromPreset ? service.userWindow ?? service.window : service.window;
  const [editing, setEditing] = useState(false);
  const [start, setStart] = useState(splitKst(editing0.start));
  const [end, setEnd] = useState(splitKst(editing0.end));
  const [note, setNote] = useState(service.userWindow?.note ?? '');
  const [source, setSource] = useState(service.source);
  const [errors, setErrors] = useState<Record<string, string>>({});

  function open() {
    const w = fromPreset ? service.userWindow ?? service.window : service.window;
    setStart(splitKst(w.start));
    setEnd(splitKst(w.end));
    setNote(service.userWindow?.note ?? '');
    setSource(service.source);
    setErrors({});
    setEditing(true);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const window = { start: joinKst(start), end: joinKst(end) };
    let next: ServiceOutage;
    if (fromPreset) {
      const result = check(userWindowSchema, { ...window, note: note.trim() });
      if (!result.success) {
        setErrors(fieldErrors(result.error, i18n.language));
        return;
      }
      next = { ...service, userWindow: result.data };
    } else {
      const result = check(windowSchema, window);
      if (!result.success) {
        setErrors(fieldErrors(result.error, i18n.language));
        return;
      }
      next = { ...service, window: result.data, source: source.trim() };
    }
    if (await onSave(next)) setEditing(false);
  }

  async function resetToPublic() {
    const { userWindow: _dropped, ...rest } = service;
    await onSave(rest);
  }

  return (
    <li className={used ? 'service-item is-used' : 'service-item'}>
      <div className="service-head">
        <h3 className="service-name">
          {name}
          {used && <span className="tag tag-current">{t('incident.used')}</span>}
        </h3>
        {!editing && (
          <button type="button" className="button button-quiet" onClick={open} aria-label={t('incident.editOf', { name })}>
            {t('incident.edit')}
          </button>
        )}
      </div>
      <dl className="facts service-facts">
        <dt>{fromPreset ? t('incident.publicWindow') : t('incident.window')}</dt>
        <dd>
          <span className={service.userWindow ? 'superseded' : undefined}>{formatKstWindow(service.window.start, service.window.end, i18n.language)}</span>
        </dd>
        {service.userWindow && (
          <>
            <dt>{t('incident.yourWindow')}</dt>
            <dd>
              <strong>{formatKstWindow(service.userWindow.start, service.userWindow.end, i18n.language)}</strong>
              {service.userWindow.note && <span className="muted"> · {pickLanguage(readJoined(service.userWindow.note), i18n.language)}</span>}
              <button type="button" className="button button-quiet" onClick={() => void resetToPublic()} aria-label={t('incident.resetOf', { name })}>
                {t('incident.reset')}
              </button>
            </dd>
          </>
        )}
        <dt>{t('incident.source')}</dt>
        <dd className="service-source">{service.source ? pickLanguage(readJoined(service.source), i18n.language) : t('incident.noSource')}</dd>
      </dl>
      {editing && (
        <form className="window-editor" onSubmit={(e) => void submit(e)} noValidate>
          <p className="field-hint">{fromPreset ? t('incident.editPresetHint') : t('incident.editOwnHint')}</p>
          <WindowInputs
            subject={name}
            start={start}
            end={end}
            onChange={(n) => {
              setStart(n.start);
              setEnd(n.end);
            }}
            startError={errors.start}
            endError={errors.end}
          />
          {fromPreset ? (
            <label className="stacked">
              {t('incident.note')}
              <input value={note} placeholder={t('incident.notePlaceholder')} onChange={(e) => setNote(e.target.value)} />
            </label>
          ) : (
            <label className="stacked">
              {t('incident.sourceNote')}
              <input value={source} onChange={(e) => setSource(e.target.value)} />
            </label>
          )}
          <div className="step-actions">
            <button type="button" className="button" onClick={() => setEditing(false)}>{t('incident.cancel')}</button>
            <button type="submit" className="button button-primary">{t('incident.saveWindow')}</button>
          </div>
        </form>
      )}
    </li>
  );
}
