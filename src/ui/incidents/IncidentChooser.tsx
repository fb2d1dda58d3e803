import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GENERIC_CHANNEL_KINDS,
  incidentOfStoredPack,
  newOutagePackValue,
  nowRoundedKst,
  packHasUnconfirmed,
  packIsOngoing,
  packToIncident,
  type GenericChannelKind,
} from '../../core/incidents';
import type { Incident } from '../../core/model';
import type { IncidentPack } from '../../core/model/incident-pack';
import { PackRefusedError, savePack } from '../../db';
import { useDb } from '../desk';
import { formatKstMinute, pickLanguage } from '../format';
import { useNotices } from '../notices';
import type { Problem } from '../setup/save';
import { StepProblems } from '../setup/Field';
import { PackImport } from './PackImport';
import { pick, useKnownPacks } from './packs';
import '../styles/packs.css';
import { DateField, TimeField } from '../components/DateField';

const NEW = '__new-outage-now__';
const CURRENT = '__current__';

interface Props {
  /** The claim's incident, if any: its pack starts chosen. */
  current?: Incident | undefined;
  /** Stores the chosen incident in the claim; returns the problems when it was refused. */
  onChoose: (incident: Incident) => Promise<Problem[]>;
  submitLabel: string;
  onBack?: () => void;
  onCancel?: () => void;
}

/**
 * The one place a claim's incident is chosen: every outage the app knows and every pack imported here,
 * newest first, each with its dates, services and an "unconfirmed" mark; or "a new outage, now".
 */
export function IncidentChooser({ current, onChoose, submitLabel, onBack, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const db = useDb();
  const { reportError } = useNotices();
  const packs = useKnownPacks();
  // An incident of the user's own (made before packs) or from a pack no longer here stays choosable as it is.
  const currentIsPack = !!current?.presetId && (packs === undefined || packs.some((p) => p.pack.id === current.presetId));
  const [chosen, setChosen] = useState<string>(current ? (current.presetId ?? CURRENT) : '');
  const [start, setStart] = useState(() => {
    const s = nowRoundedKst(Date.now());
    return { date: s.slice(0, 10), time: s.slice(11, 16) };
  });
  const [services, setServices] = useState('');
  const [name, setName] = useState('');
  const [channels, setChannels] = useState<Set<GenericChannelKind>>(() => new Set(GENERIC_CHANNEL_KINDS));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  const incidentOf = (pack: IncidentPack, bundled: boolean): Incident => {
    // The claim's own pack: keep its version and the user's edited times (moving to a newer version is
    // done on the incident page, after seeing what changes).
    if (current?.presetId === pack.id) return current;
    return bundled ? packToIncident(pack, { now: Date.now() }) : incidentOfStoredPack(pack, Date.now());
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblems([]);
    setBusy(true);
    try {
      if (chosen === NEW) {
        const value = newOutagePackValue({
          services: services.split('\n'),
          start: `${start.date}T${start.time}+09:00`,
          channels: GENERIC_CHANNEL_KINDS.filter((k) => channels.has(k)),
          name,
          now: Date.now(),
        });
        if (!services.split('\n').some((line) => line.trim() !== '')) {
          setProblems([{ path: t('packs.newServices'), message: t('packs.newServicesMissing') }]);
          return;
        }
        let pack: IncidentPack;
        try {
          pack = (await savePack(db, value, 'own')).pack;
        } catch (err) {
          if (err instanceof PackRefusedError) {
            const labels = { services: t('packs.newServices'), start: t('packs.newStart') };
            // One line per field of the form (a missing service also leaves the outage without a name).
            const seen = new Set<string>();
            setProblems(
              err.issues
                .map((i) => ({ path: newOutageField(i.path, labels), message: pickLanguage(i.message, lang) }))
                .filter((p) => !seen.has(p.path) && !!seen.add(p.path)),
            );
            return;
          }
          throw err;
        }
        setChosen(pack.id);
        setProblems(await onChoose(incidentOfStoredPack(pack, Date.now())));
        return;
      }
      if (chosen === CURRENT || (current && chosen === current.presetId && !currentIsPack)) {
        if (current) setProblems(await onChoose(current));
        return;
      }
      const known = packs?.find((p) => p.pack.id === chosen);
      if (!known) return;
      setProblems(await onChoose(incidentOf(known.pack, known.origin === 'bundled')));
    } catch (err) {
      reportError(err);
    } finally {
      setBusy(false);
    }
  }

  const card = (id: string, title: string, body: React.ReactNode) => (
    <label key={id} className={chosen === id ? 'choice-card is-chosen' : 'choice-card'}>
      <input type="radio" name="incident-pack" checked={chosen === id} onChange={() => setChosen(id)} />
      <span className="choice-title">{title}</span>
      {body}
    </label>
  );

  return (
    <div className="incident-chooser">
      <PackImport onImported={(pack) => setChosen(pack.id)} />
      <form className="setup-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="choice-group">
          <legend>{t('packs.chooserLegend')}</legend>
          <p className="field-hint">{t('packs.chooserHint')}</p>
          <div className="choice-list pack-choices">
            {current && !currentIsPack && card(current.presetId ?? CURRENT, pick(current.name, lang), <span className="choice-hint">{t('setup.incident.ownHint', { count: current.services.length })}</span>)}
            {card(NEW, t('packs.newNow'), <span className="choice-hint">{t('packs.newNowHint')}</span>)}
            {chosen === NEW && (
              <div className="new-outage">
                <div className="window-row">
                  <span className="window-label">{t('incident.start')}</span>
                  <DateField aria-label={t('packs.newStartDate')} value={start.date} onChange={(v) => setStart({ ...start, date: v })} />
                  <TimeField aria-label={t('packs.newStartTime')} value={start.time} onChange={(v) => setStart({ ...start, time: v })} />
                  <span className="muted">{t('incident.kst')}</span>
                </div>
                <label className="stacked">
                  <span>{t('packs.newServices')}</span>
                  <textarea rows={2} value={services} placeholder={t('packs.newServicesPlaceholder')} onChange={(e) => setServices(e.target.value)} />
                </label>
                <label className="stacked">
                  <span>{t('packs.newName')} <span className="field-optional">{t('packs.newNameHint')}</span></span>
                  <input value={name} onChange={(e) => setName(e.target.value)} />
                </label>
                <fieldset className="sub-fieldset">
                  <legend>{t('packs.newChannels')}</legend>
                  <div className="inline-choices">
                    {GENERIC_CHANNEL_KINDS.map((k) => (
                      <label key={k} className="inline-choice">
                        <input
                          type="checkbox"
                          checked={channels.has(k)}
                          onChange={(e) => setChannels((prev) => {
                            const next = new Set(prev);
                            if (e.target.checked) next.add(k);
                            else next.delete(k);
                            return next;
                          })}
                        />
                        {t(`packs.channelKind.${k}`)}
                      </label>
                    ))}
                  </div>
                </fieldset>
              </div>
            )}
            {(packs ?? []).map(({ pack, origin }) => {
              const starts = pack.services.flatMap((s) => s.intervals.map((w) => w.start)).sort();
              return card(
                pack.id,
                pick(pack.incident.name, lang),
                <>
                  <span className="choice-hint">
                    {formatKstMinute(starts[0]!, lang)}
                    {packIsOngoing(pack) && <span className="tag tag-warn">{t('packs.ongoing')}</span>}
                    {packHasUnconfirmed(pack) && <span className="tag tag-warn">{t('packs.unconfirmed')}</span>}
                    {origin === 'imported' || origin === 'authored' ? <span className="tag">{t('packs.imported')}</span> : null}
                    {origin === 'own' && <span className="tag">{t('packs.own')}</span>}
                    {origin !== 'bundled' && <span className="tag">{t('packs.versionOf', { version: pack.version })}</span>}
                  </span>
                  <span className="choice-hint">{t('packs.servicesOf', { list: pack.services.map((s) => pick(s.name, lang)).join(', ') })}</span>
                </>,
              );
            })}
          </div>
        </fieldset>
        <StepProblems problems={problems} />
        <div className="step-actions">
          {onBack && <button type="button" className="button" onClick={onBack}>{t('setup.back')}</button>}
          {onCancel && <button type="button" className="button" onClick={onCancel}>{t('packs.cancel')}</button>}
          <button type="submit" className="button button-primary" disabled={busy || chosen === ''}>{submitLabel}</button>
        </div>
      </form>
    </div>
  );
}

/** Field paths of the new-outage pack, in the words of the form. */
function newOutageField(path: string, labels: { services: string; start: string }): string {
  if (path.startsWith('services') || path.startsWith('incident.name')) return labels.services;
  if (path.includes('start')) return labels.start;
  return path;
}
