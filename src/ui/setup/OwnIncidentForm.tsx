import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { slugifyChannel } from '../../core/io/channels';
import { incidentSchema } from '../../core/model';
import type { Incident } from '../../core/model';
import { Field } from './Field';
import { joinKst } from './kst-input';
import type { KstParts } from './kst-input';
import { check, fieldErrors } from './steps';
import { WindowInputs } from './WindowInputs';

interface ServiceDraft {
  key: number;
  name: string;
  start: KstParts;
  end: KstParts;
  source: string;
}

const emptyService = (key: number): ServiceDraft => ({ key, name: '', start: { date: '', time: '' }, end: { date: '', time: '' }, source: '' });

/** Ids from names: readable (`naver-booking`) and unique within the incident. */
function serviceIds(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((n, i) => {
    const base = slugifyChannel(n || `service-${i + 1}`).slice(0, 60) || `service-${i + 1}`;
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
    taken.add(id);
    return id;
  });
}

interface Props {
  onSave: (incident: Incident) => Promise<boolean>;
  onCancel: () => void;
}

/** "Add your own incident": a name, the services with their KST windows, and where the times come from. */
export function OwnIncidentForm({ onSave, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState('');
  const [summary, setSummary] = useState('');
  const [services, setServices] = useState<ServiceDraft[]>([emptyService(1)]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const update = (key: number, patch: Partial<ServiceDraft>) => setServices((list) => list.map((s) => (s.key === key ? { ...s, ...patch } : s)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ids = serviceIds(services.map((s) => s.name.trim()));
    const incident = {
      id: `own-${Date.now().toString(36)}`,
      name: { ko: name.trim(), en: '' },
      ...(summary.trim() ? { summary: summary.trim() } : {}),
      services: services.map((s, i) => ({
        id: ids[i]!,
        name: { ko: s.name.trim(), en: '' },
        window: { start: joinKst(s.start), end: joinKst(s.end) },
        source: s.source.trim(),
      })),
    };
    const result = check(incidentSchema, incident);
    if (!result.success) {
      setErrors(fieldErrors(result.error, i18n.language));
      return;
    }
    setErrors({});
    setBusy(true);
    const ok = await onSave(result.data);
    setBusy(false);
    if (!ok) return;
  }

  return (
    <form className="own-incident" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="own-incident-title">
      <h2 id="own-incident-title">{t('incident.ownTitle')}</h2>
      <p className="field-hint">{t('incident.ownLead')}</p>
      <Field label={t('incident.ownName')} error={errors['name.ko']}>
        {({ id, describedBy, invalid }) => (
          <input id={id} value={name} placeholder={t('incident.ownNamePlaceholder')} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <ol className="own-services">
        {services.map((s, i) => (
          <li key={s.key} className="own-service">
            <Field label={t('incident.serviceName', { n: i + 1 })} error={errors[`services.${i}.name.ko`]}>
              {({ id, describedBy, invalid }) => (
                <input id={id} value={s.name} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => update(s.key, { name: e.target.value })} />
              )}
            </Field>
            <WindowInputs
              subject={s.name || t('incident.serviceName', { n: i + 1 })}
              start={s.start}
              end={s.end}
              onChange={(n) => update(s.key, n)}
              startError={errors[`services.${i}.window.start`]}
              endError={errors[`services.${i}.window.end`]}
            />
            <Field label={t('incident.sourceNote')} optional>
              {({ id }) => (
                <input id={id} value={s.source} placeholder={t('incident.sourcePlaceholder')} onChange={(e) => update(s.key, { source: e.target.value })} />
              )}
            </Field>
            {services.length > 1 && (
              <button type="button" className="button button-quiet button-danger-text" onClick={() => setServices((list) => list.filter((x) => x.key !== s.key))}>
                {t('incident.removeService', { n: i + 1 })}
              </button>
            )}
          </li>
        ))}
      </ol>
      {errors.services && <p className="field-error">{t('setup.fieldError', { field: t('incident.servicesLabel'), message: errors.services })}</p>}
      <button type="button" className="button" onClick={() => setServices((list) => [...list, emptyService(Math.max(0, ...list.map((x) => x.key)) + 1)])}>
        {t('incident.addService')}
      </button>
      <Field label={t('incident.summary')} optional>
        {({ id }) => <textarea id={id} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />}
      </Field>
      <div className="step-actions">
        <button type="button" className="button" onClick={onCancel}>{t('incident.cancel')}</button>
        <button type="submit" className="button button-primary" disabled={busy}>{t('incident.useOwn')}</button>
      </div>
    </form>
  );
}
