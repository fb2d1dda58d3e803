import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { effectiveWindow } from '../../core/model';
import type { Incident } from '../../core/model';
import type { ClaimBody } from '../../db';
import { formatKstWindow } from '../format';
import { hrefOf } from '../routes';
import { StepActions, StepProblems } from './Field';
import { suggestedServicesFor } from '../../core/incidents';
import type { IncidentPack } from '../../core/model/incident-pack';
import { useIncidentPack } from '../incidents/packs';
import type { ClaimantProfile } from './defaults';
import { useSaveBody } from './save';
import type { Problem } from './save';

interface Props {
  body: Partial<ClaimBody>;
  claimId: string;
  /** Called with the document as saved, so the next step starts from it at once. */
  onDone: (saved: Partial<ClaimBody>) => void;
  onBack: () => void;
}

/** Step 3: which of the incident's services the claimant depended on (their union is the claim window). */
export function ServicesStep(props: Props) {
  const { loading, pack } = useIncidentPack(props.body.incident as Incident | undefined);
  if (loading) return null;
  return <ServicesForm {...props} pack={pack} />;
}

function ServicesForm({ body, claimId, onDone, onBack, pack }: Props & { pack: IncidentPack | undefined }) {
  const { t, i18n } = useTranslation();
  const save = useSaveBody(claimId);
  const incident = body.incident as Incident | undefined;
  const claimant = body.claimant as (ClaimantProfile & { servicesUsed?: string[] } & Record<string, unknown>) | undefined;
  const ids = incident?.services.map((s) => s.id) ?? [];
  const [chosen, setChosen] = useState<Set<string>>(() => {
    const saved = claimant?.servicesUsed ?? [];
    const start = saved.length > 0 ? saved : claimant?.kind && incident ? suggestedServicesFor(incident, pack, claimant) : [];
    return new Set(start.filter((id) => ids.includes(id)));
  });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  if (!claimant?.kind || !incident) {
    return (
      <div className="setup-form">
        <p className="notice-inline">{!claimant?.kind ? t('setup.needWho') : t('setup.needIncident')}</p>
        <StepActions onBack={onBack} nextLabel={t('setup.next')} busy />
      </div>
    );
  }

  function toggle(id: string) {
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    // Keep the incident's order, so the packet lists services as the incident does.
    const servicesUsed = ids.filter((id) => chosen.has(id));
    const next = { ...body, claimant: { ...claimant, servicesUsed } as unknown as ClaimBody['claimant'] };
    const outcome = await save(next);
    setBusy(false);
    if (outcome.ok) onDone(next);
    else setProblems(outcome.problems);
  }

  const name = (text: { ko: string; en?: string }) => (i18n.language === 'en' && text.en ? text.en : text.ko);

  return (
    <form className="setup-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="choice-group">
        <legend>{t('setup.services.legend')}</legend>
        <p className="field-hint">{t('setup.services.hint')}</p>
        <ul className="check-list">
          {incident.services.map((s) => {
            const w = effectiveWindow(s);
            return (
              <li key={s.id}>
                <label className="check-row">
                  <input type="checkbox" checked={chosen.has(s.id)} onChange={() => toggle(s.id)} />
                  <span className="check-text">
                    <span className="strong">{name(s.name)}</span>
                    <span className="muted">
                      {formatKstWindow(w.start, w.end, i18n.language)} {t('setup.kst')}
                      {s.userWindow && <span className="tag tag-edited">{t('setup.services.edited')}</span>}
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
        {chosen.size === 0 && <p className="field-hint">{t('setup.services.noneChosen')}</p>}
        <p className="field-hint">
          <a href={hrefOf('incident')}>{t('setup.services.editTimes')}</a>
        </p>
      </fieldset>
      <StepProblems problems={problems} />
      <StepActions onBack={onBack} nextLabel={t('setup.next')} busy={busy} />
    </form>
  );
}
