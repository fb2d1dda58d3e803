import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Claim } from '../../core/model';
import type { IncidentPack } from '../../core/model/incident-pack';
import { documentKindOfLabel } from '../../core/packet/documents';
import { describeClaim } from '../../core/packet/facts';
import { fillFormFields } from '../../core/packet/form';
import { headlineOf } from '../../core/packet/headline';
import type { ChannelProfile } from '../../core/packet/profile';
import { channelsForClaim } from '../../core/packet/profiles';
import { packetReadiness } from '../../core/packet/readiness';
import { loadClaim } from '../../db';
import type { LoadedClaim } from '../../db';
import { NeedsClaim } from '../components/NeedsClaim';
import { PageHeader } from '../components/PageHeader';
import { useDb } from '../desk';
import { fixHrefForIssue, routeForIssue, routeForPath } from '../export/fix-routes';
import { FormFieldCard } from '../export/FormFieldCard';
import { inLanguage } from '../export/language';
import { PacketBuilder } from '../export/PacketBuilder';
import { useIncidentPack } from '../incidents/packs';
import { formatWon } from '../format';
import { hrefOf } from '../routes';
import type { RouteId } from '../routes';
import '../styles/evidence.css';
import '../styles/export.css';

const MAX_DRAFT_ISSUES = 8;

function FixLink({ route, href }: { route: RouteId; href?: string | null }) {
  const { t } = useTranslation();
  return (
    <a className="fix-link" href={href ?? hrefOf(route)}>
      {t('export.fixAt', { page: t(`nav.${route}`) })}
    </a>
  );
}

function ChannelChooser({ profiles, value, onChange }: { profiles: readonly ChannelProfile[]; value: string; onChange: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const intake = (p: ChannelProfile) => {
    if (!p.intake) return t('export.intakeAlways');
    return p.intake.closes ? t('export.intake', { opens: p.intake.opens, closes: p.intake.closes }) : t('export.intakeOpen', { opens: p.intake.opens });
  };
  return (
    <fieldset className="channel-chooser">
      <legend>{t('export.channelLabel')}</legend>
      {profiles.map((p) => (
        <label key={p.id} className={`channel-option${value === p.id ? ' is-chosen' : ''}`}>
          <input type="radio" name="channel" value={p.id} checked={value === p.id} onChange={() => onChange(p.id)} />
          <span>
            <span className="channel-name">{i18n.language === 'en' ? p.name.en : p.name.ko}</span>
            <span className="muted channel-intake">{intake(p)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function Draft({ loaded }: { loaded: Extract<LoadedClaim, { status: 'draft' }> }) {
  const { t, i18n } = useTranslation();
  const shown = loaded.issues.slice(0, MAX_DRAFT_ISSUES);
  return (
    <section className="section readiness is-draft">
      <h2>{t('export.draftTitle')}</h2>
      <p className="muted">{t('export.draftBody')}</p>
      <ul className="readiness-list">
        {shown.map((issue, i) => (
          <li key={`${issue.path}-${i}`}>
            <span>
              {issue.path && <code>{issue.path}</code>} {inLanguage(issue.message, i18n.language)}
            </span>
            <FixLink route={routeForPath(issue.path)} />
          </li>
        ))}
      </ul>
      {loaded.issues.length > shown.length && <p className="muted">{t('export.draftMore', { count: loaded.issues.length - shown.length })}</p>}
    </section>
  );
}

function ChannelPacket({ claim, profile, pack }: { claim: Claim; profile: ChannelProfile; pack: IncidentPack | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // Pure and quick (one estimate); every figure comes from the engine through the packet module.
  const view = useMemo(() => {
    const description = describeClaim(claim, profile, new Set(), pack);
    const fields = fillFormFields(profile, description.facts, description.choiceContext);
    return { description, fields, readiness: packetReadiness(profile, claim, description, fields, pack) };
  }, [claim, profile, pack]);
  const { description, fields, readiness } = view;
  const presentKinds = new Set(claim.evidence.map((e) => documentKindOfLabel(e.label)));

  // The same headline and sentence as page 1 of the PDF (one figure, chosen by the channel).
  const headline = headlineOf(description.report, profile);
  const pick = (text: { ko: string; en: string }) => (lang === 'en' ? text.en : text.ko);

  return (
    <>
      <section className="headline-figure" aria-label={t('export.headline')}>
        <p className="muted">{t('export.headline')}: {pick(headline.label)}</p>
        <p className="amount" data-testid="headline-amount">{formatWon(headline.amount, lang)}</p>
        <p className="muted">{pick(headline.sub)}</p>
        <p className="headline-explanation" data-testid="headline-explanation">{pick(headline.explanation)}</p>
      </section>

      <section className="section readiness">
        <h2>{t('export.missingTitle')}</h2>
        {readiness.length === 0 ? (
          <p className="ready-note">{t('export.missingNone')}</p>
        ) : (
          <>
            <p className="muted">{t('export.missingCount', { count: readiness.length })}</p>
            <ul className="readiness-list" aria-label={t('export.missingTitle')}>
              {readiness.map((issue, i) => (
                <li key={`${issue.code}-${issue.subject}-${i}`} data-code={issue.code}>
                  <span>{inLanguage(issue.message, lang)}</span>
                  <FixLink route={routeForIssue(issue)} href={fixHrefForIssue(issue)} />
                </li>
              ))}
            </ul>
          </>
        )}
        {profile.documents.length > 0 && (
          <>
            <h3 className="subhead">{t('export.documentsTitle')}</h3>
            <ul className="documents-list">
              {profile.documents.map((doc) => {
                const missing = !presentKinds.has(doc.label);
                return (
                  <li key={doc.label} className={missing ? 'is-missing' : 'is-present'}>
                    <span className="doc-state">{missing ? t('export.documentMissing') : t('export.documentHave')}</span>
                    <span>
                      {lang === 'en' ? doc.name.en : doc.name.ko} {!doc.required && <span className="muted">{t('export.documentOptional')}</span>}
                    </span>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>

      <PacketBuilder claim={claim} channel={profile.id} evidenceCount={claim.evidence.length} pack={pack} />

      <section className="section">
        <h2>{t('export.fieldsTitle')}</h2>
        <p className="muted">{t('export.fieldsLead')}</p>
        <ul className="form-fields">
          {fields.map((field) => (
            <FormFieldCard key={field.id} field={field} />
          ))}
        </ul>
      </section>
    </>
  );
}

function Exporter({ claimId }: { claimId: string }) {
  const { t } = useTranslation();
  const db = useDb();
  const loaded = useLiveQuery(() => loadClaim(db, claimId), [db, claimId]);
  const [chosen, setChosen] = useState<string | null>(null);
  // A claim on a pack stored here (imported or written in the pack form): its rules and channels come from it.
  const incidentPack = useIncidentPack(loaded && loaded.status !== 'missing' && loaded.status !== 'draft' ? loaded.claim.incident : undefined);
  if (loaded === undefined || incidentPack.loading) return <p className="muted">{t('app.loading')}</p>;
  if (loaded.status === 'missing') return null;
  if (loaded.status === 'draft') return <Draft loaded={loaded} />;
  const pack = incidentPack.pack;
  // The channels come from the claim's own pack (issue 14): never a Kakao form preselected for another outage.
  const { profiles, defaultId } = channelsForClaim(loaded.claim, pack);
  const profile = profiles.find((p) => p.id === chosen) ?? profiles.find((p) => p.id === defaultId)!;
  return (
    <>
      <ChannelChooser profiles={profiles} value={profile.id} onChange={setChosen} />
      <ChannelPacket claim={loaded.claim} profile={profile} pack={pack} />
    </>
  );
}

export default function ExportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader step={7} title={t('nav.export')} lead={t('export.lead')} />
      <NeedsClaim>{(claim) => <Exporter claimId={claim.id} />}</NeedsClaim>
    </>
  );
}
