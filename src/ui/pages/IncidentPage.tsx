import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { incidentFromPreset, KAKAO_2022_10_ID } from '../../core/incidents';
import type { Incident, ServiceOutage } from '../../core/model';
import type { ClaimBody, ClaimRow } from '../../db';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { NeedsClaim } from '../components/NeedsClaim';
import { PageHeader } from '../components/PageHeader';
import { pickLanguage } from '../format';
import { hrefOf } from '../routes';
import { StepProblems } from '../setup/Field';
import { OwnIncidentForm } from '../setup/OwnIncidentForm';
import { useSaveBody } from '../setup/save';
import type { Problem } from '../setup/save';
import { ServiceWindowEditor } from '../setup/ServiceWindowEditor';
import '../styles/setup.css';
import '../styles/incident.css';

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

function IncidentEditor({ claim }: { claim: ClaimRow }) {
  const { t, i18n } = useTranslation();
  const save = useSaveBody(claim.id);
  const body = (claim.body && typeof claim.body === 'object' ? claim.body : {}) as Partial<ClaimBody>;
  const incident = body.incident as Incident | undefined;
  const claimant = body.claimant as ClaimantDraft | undefined;
  const used = new Set(claimant?.servicesUsed ?? []);
  const [writingOwn, setWritingOwn] = useState(false);
  const [replacing, setReplacing] = useState<Incident | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const name = (text: { ko: string; en?: string }) => (i18n.language === 'en' && text.en ? text.en : text.ko);

  async function store(next: Incident, servicesUsed?: string[]): Promise<boolean> {
    setProblems([]);
    const ids = new Set(next.services.map((s) => s.id));
    const nextClaimant = claimant
      ? { ...claimant, servicesUsed: servicesUsed ?? (claimant.servicesUsed ?? []).filter((id) => ids.has(id)) }
      : undefined;
    const outcome = await save({ ...body, incident: next, ...(nextClaimant ? { claimant: nextClaimant as ClaimBody['claimant'] } : {}) });
    if (!outcome.ok) setProblems(outcome.problems);
    return outcome.ok;
  }

  /** Switching incidents drops the user's edits: ask first when there is one already. */
  async function choose(next: Incident) {
    if (incident) {
      setReplacing(next);
      return;
    }
    if (await store(next, next.presetId ? undefined : next.services.map((s) => s.id))) setWritingOwn(false);
  }

  async function confirmReplace() {
    const next = replacing;
    setReplacing(null);
    if (!next) return;
    // A new own incident: the claimant depends on all of its services until they say otherwise.
    if (await store(next, next.presetId ? undefined : next.services.map((s) => s.id))) setWritingOwn(false);
  }

  async function saveService(updated: ServiceOutage): Promise<boolean> {
    if (!incident) return false;
    return store({ ...incident, services: incident.services.map((s) => (s.id === updated.id ? updated : s)) });
  }

  const presetButton = (
    <button type="button" className="button" onClick={() => void choose(incidentFromPreset(KAKAO_2022_10_ID)!)}>
      {t('incident.usePreset')}
    </button>
  );

  return (
    <>
      {writingOwn ? (
        <OwnIncidentForm onSave={async (own) => { await choose(own); return true; }} onCancel={() => setWritingOwn(false)} />
      ) : incident ? (
        <section className="incident" aria-labelledby="incident-name">
          <div className="incident-head">
            <h2 id="incident-name">
              {name(incident.name)}
              <span className="tag">{incident.presetId ? t('incident.presetTag') : t('incident.ownTag')}</span>
            </h2>
            {incident.summary && <p className="muted incident-summary">{pickLanguage(incident.summary, i18n.language)}</p>}
            <p className="field-hint">{t('incident.timesAreKst')}</p>
          </div>
          <ul className="service-list">
            {incident.services.map((s) => (
              <ServiceWindowEditor key={s.id} service={s} fromPreset={!!incident.presetId} used={used.has(s.id)} onSave={saveService} />
            ))}
          </ul>
          <div className="incident-actions">
            {!incident.presetId && presetButton}
            <button type="button" className="button" onClick={() => setWritingOwn(true)}>
              {t('incident.addOwn')}
            </button>
          </div>
        </section>
      ) : (
        <section className="empty-state">
          <h2>{t('incident.emptyTitle')}</h2>
          <p>{t('incident.emptyBody')}</p>
          <div className="incident-actions">
            {presetButton}
            <button type="button" className="button" onClick={() => setWritingOwn(true)}>
              {t('incident.addOwn')}
            </button>
          </div>
        </section>
      )}
      <StepProblems problems={problems} />
      {incident && !writingOwn && (
        <nav className="next-steps" aria-label={t('incident.nextLabel')}>
          <a className="button" href={`${hrefOf('claimant')}?step=services`}>{t('incident.nextServices')}</a>
          <a className="button button-primary" href={hrefOf('records')}>{t('incident.action')}</a>
        </nav>
      )}
      {replacing && (
        <ConfirmDialog
          title={t('incident.replaceTitle')}
          body={t('incident.replaceBody', { current: name(incident!.name), next: name(replacing.name) })}
          confirmLabel={t('incident.replaceConfirm')}
          cancelLabel={t('incident.cancel')}
          onConfirm={() => void confirmReplace()}
          onCancel={() => setReplacing(null)}
        />
      )}
    </>
  );
}
