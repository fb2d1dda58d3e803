import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findBundledPack, isOwnOutageId, packIsOngoing } from '../../core/incidents';
import type { PackChanges } from '../../core/incidents';
import type { Incident, ServiceOutage } from '../../core/model';
import { findStoredPack, moveClaimToPackVersion, previewClaimMove } from '../../db';
import type { ClaimBody, ClaimRow } from '../../db';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { NeedsClaim } from '../components/NeedsClaim';
import { PageHeader } from '../components/PageHeader';
import { useDb } from '../desk';
import { pickLanguage } from '../format';
import { readJoined } from '../../core/model/common';
import { IncidentChooser } from '../incidents/IncidentChooser';
import { PackAuthor } from '../incidents/PackAuthor';
import { pick, useIncidentPack } from '../incidents/packs';
import { useNotices } from '../notices';
import { hrefOf } from '../routes';
import { StepProblems } from '../setup/Field';
import { withIncident } from '../setup/IncidentStep';
import { useSaveBody } from '../setup/save';
import type { Problem } from '../setup/save';
import { ServiceWindowEditor } from '../setup/ServiceWindowEditor';
import '../styles/setup.css';
import '../styles/incident.css';
import '../styles/packs.css';

export default function IncidentPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader step={2} title={t('nav.incident')} lead={t('incident.lead')} />
      <NeedsClaim>{(claim) => <IncidentEditor key={claim.id} claim={claim} />}</NeedsClaim>
    </>
  );
}

type ClaimantDraft = Record<string, unknown> & { servicesUsed?: string[] };

/** Shows and edits the claim's incident (chosen once, in setup or here when there is none yet). */
function IncidentEditor({ claim }: { claim: ClaimRow }) {
  const { t, i18n } = useTranslation();
  const save = useSaveBody(claim.id);
  const body = (claim.body && typeof claim.body === 'object' ? claim.body : {}) as Partial<ClaimBody>;
  const incident = body.incident as Incident | undefined;
  const claimant = body.claimant as ClaimantDraft | undefined;
  const used = new Set(claimant?.servicesUsed ?? []);
  const [choosing, setChoosing] = useState(false);
  const [authoring, setAuthoring] = useState(false);
  const [replacing, setReplacing] = useState<Incident | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);

  async function store(next: Incident): Promise<Problem[]> {
    setProblems([]);
    const outcome = await save(withIncident(body, next));
    if (!outcome.ok) {
      setProblems(outcome.problems);
      return outcome.problems;
    }
    setChoosing(false);
    return [];
  }

  /** Switching to another outage drops the user's edits: ask first. */
  async function choose(next: Incident): Promise<Problem[]> {
    if (incident && next !== incident) {
      setReplacing(next);
      return [];
    }
    return store(next);
  }

  async function confirmReplace() {
    const next = replacing;
    setReplacing(null);
    if (next) await store(next);
  }

  async function saveService(updated: ServiceOutage): Promise<boolean> {
    if (!incident) return false;
    return (await store({ ...incident, services: incident.services.map((s) => (s.id === updated.id ? updated : s)) })).length === 0;
  }

  // "A new outage, now" makes a pack of the claimant's own: its times are theirs, not published ones.
  const own = !!incident?.presetId && isOwnOutageId(incident.presetId);
  const publicTimes = !!incident?.presetId && !!findBundledPack(incident.presetId);
  const authorButton = (
    <button type="button" className="button button-quiet" onClick={() => setAuthoring(true)}>{t('packs.author.open')}</button>
  );

  return (
    <>
      {authoring ? (
        <PackAuthor onClose={() => setAuthoring(false)} />
      ) : !incident || choosing ? (
        <>
          {!incident && <p className="muted">{t('packs.emptyBody')}</p>}
          <IncidentChooser
            current={incident}
            onChoose={choose}
            submitLabel={t('packs.choose')}
            {...(incident ? { onCancel: () => setChoosing(false) } : {})}
          />
          <div className="incident-actions">{authorButton}</div>
        </>
      ) : (
        <section className="incident" aria-labelledby="incident-name">
          <NewerVersion claimId={claim.id} incident={incident} />
          <div className="incident-head">
            <h2 id="incident-name">
              {pick(incident.name, i18n.language)}
              <span className="tag">{t(publicTimes ? 'incident.presetTag' : incident.presetId && !own ? 'packs.imported' : 'incident.ownTag')}</span>
            </h2>
            {incident.summary && <p className="muted incident-summary">{pickLanguage(readJoined(incident.summary), i18n.language)}</p>}
            <p className="field-hint">{t('incident.timesAreKst')}</p>
            <OngoingNote incident={incident} />
          </div>
          <ul className="service-list">
            {incident.services.map((s) => (
              <ServiceWindowEditor key={s.id} service={s} fromPreset={!!incident.presetId && !own} used={used.has(s.id)} onSave={saveService} />
            ))}
          </ul>
          <div className="incident-actions">
            <button type="button" className="button" onClick={() => setChoosing(true)}>{t('packs.change')}</button>
            {authorButton}
          </div>
        </section>
      )}
      <StepProblems problems={problems} />
      {incident && !choosing && !authoring && (
        <nav className="next-steps" aria-label={t('incident.nextLabel')}>
          <a className="button" href={`${hrefOf('claimant')}?step=services`}>{t('incident.nextServices')}</a>
          <a className="button button-primary" href={hrefOf('records')}>{t('incident.action')}</a>
        </nav>
      )}
      {replacing && (
        <ConfirmDialog
          title={t('incident.replaceTitle')}
          body={t('incident.replaceBody', { current: pick(incident!.name, i18n.language), next: pick(replacing.name, i18n.language) })}
          confirmLabel={t('incident.replaceConfirm')}
          cancelLabel={t('incident.cancel')}
          onConfirm={() => void confirmReplace()}
          onCancel={() => setReplacing(null)}
        />
      )}
    </>
  );
}

/** An outage still going on (an open end in its pack): say how its end was counted. */
function OngoingNote({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const { pack } = useIncidentPack(incident);
  if (!pack || !packIsOngoing(pack)) return null;
  return <p className="notice-inline">{t('packs.ongoingNote')}</p>;
}

/** A newer version of the claim's (imported) pack: the claim stays where it is until the user moves it. */
function NewerVersion({ claimId, incident }: { claimId: string; incident: Incident }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify, reportError } = useNotices();
  const presetId = incident.presetId;
  const newest = useLiveQuery(async () => (presetId && !findBundledPack(presetId) ? (await findStoredPack(db, presetId)) ?? null : null), [db, presetId]);
  const [changes, setChanges] = useState<PackChanges | null>(null);
  const [busy, setBusy] = useState(false);
  const current = incident.presetVersion ?? 1;
  if (!newest || newest.version <= current) return null;
  const lang = i18n.language;

  async function move() {
    setBusy(true);
    try {
      await moveClaimToPackVersion(db, claimId, newest!.version);
      notify(t('packs.moved', { version: newest!.version }));
      setChanges(null);
    } catch (err) {
      reportError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="pack-version" role="status">
      <p>{t('packs.newVersion', { version: newest.version, current })}</p>
      {!changes ? (
        <div>
          <button type="button" className="button" onClick={() => void previewClaimMove(db, claimId, newest.version).then((c) => setChanges(c ?? null), reportError)}>
            {t('packs.showChanges')}
          </button>
        </div>
      ) : (
        <>
          <h3>{t('packs.changesTitle', { from: changes.fromVersion, to: changes.toVersion })}</h3>
          {changes.intervals.length === 0 && changes.rules.length === 0 && <p>{t('packs.changesNone')}</p>}
          {changes.intervals.length > 0 && (
            <>
              <h4>{t('packs.changeIntervals')}</h4>
              <ul className="pack-preview-list">
                {changes.intervals.map((c, i) => (
                  <li key={i}>
                    <span className="strong">{pick(c.service, lang)}</span>: {t('packs.changeBefore', { text: c.before.map((x) => pick(x, lang)).join(', ') || '–' })} → {t('packs.changeAfter', { text: c.after.map((x) => pick(x, lang)).join(', ') || '–' })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {changes.rules.length > 0 && (
            <>
              <h4>{t('packs.changeRules')}</h4>
              <ul className="pack-preview-list">
                {changes.rules.map((c, i) => (
                  <li key={i}>
                    <span className="tag">{t(`packs.change${c.change === 'added' ? 'Added' : c.change === 'removed' ? 'Removed' : 'Changed'}`)}</span>{' '}
                    <span className="strong">{pick(c.name, lang)}</span>
                    {c.before && <> · {t('packs.changeBefore', { text: pick(c.before, lang) })}</>}
                    {c.after && <> · {t('packs.changeAfter', { text: pick(c.after, lang) })}</>}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void move()}>{t('packs.move')}</button>
          </div>
        </>
      )}
    </div>
  );
}
