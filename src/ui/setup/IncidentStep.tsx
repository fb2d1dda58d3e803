import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { incidentFromPreset, incidentPresets, KAKAO_2022_10_ID } from '../../core/incidents';
import type { Incident } from '../../core/model';
import type { ClaimBody } from '../../db';
import { formatKstMinute } from '../format';
import { navigate } from '../routes';
import { StepActions, StepProblems } from './Field';
import { useSaveBody } from './save';
import type { Problem } from './save';

interface Props {
  body: Partial<ClaimBody>;
  claimId: string;
  /** Called with the document as saved, so the next step starts from it at once. */
  onDone: (saved: Partial<ClaimBody>) => void;
  onBack: () => void;
}

type Choice = 'preset' | 'current-own' | 'new-own';

/** Step 2: the Kakao 2022 preset, or an incident of the user's own (written on the incident page). */
export function IncidentStep({ body, claimId, onDone, onBack }: Props) {
  const { t, i18n } = useTranslation();
  const save = useSaveBody(claimId);
  const current = body.incident as Incident | undefined;
  const ownIncident = current && !current.presetId ? current : undefined;
  const [choice, setChoice] = useState<Choice>(ownIncident ? 'current-own' : 'preset');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const preset = incidentPresets[KAKAO_2022_10_ID]!;
  const name = (text: { ko: string; en?: string }) => (i18n.language === 'en' && text.en ? text.en : text.ko);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (choice === 'new-own') {
      navigate('incident');
      return;
    }
    if (choice === 'current-own') {
      onDone(body);
      return;
    }
    // Keep the user's edits when the preset is already there; otherwise start from a fresh copy.
    const incident = current?.presetId === KAKAO_2022_10_ID ? current : incidentFromPreset(KAKAO_2022_10_ID)!;
    const ids = new Set(incident.services.map((s) => s.id));
    const claimant = body.claimant as (Record<string, unknown> & { servicesUsed?: string[] }) | undefined;
    // Services of another incident would no longer exist: drop them so the claim stays consistent.
    const nextClaimant = claimant?.servicesUsed ? { ...claimant, servicesUsed: claimant.servicesUsed.filter((id) => ids.has(id)) } : claimant;
    setBusy(true);
    const next = { ...body, incident, ...(nextClaimant ? { claimant: nextClaimant as ClaimBody['claimant'] } : {}) };
    const outcome = await save(next);
    setBusy(false);
    if (outcome.ok) onDone(next);
    else setProblems(outcome.problems);
  }

  return (
    <form className="setup-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="choice-group">
        <legend>{t('setup.incident.legend')}</legend>
        <div className="choice-list">
          <label className={choice === 'preset' ? 'choice-card is-chosen' : 'choice-card'}>
            <input type="radio" name="incident" checked={choice === 'preset'} onChange={() => setChoice('preset')} />
            <span className="choice-title">{name(preset.name)}</span>
            <span className="choice-hint">
              {t('setup.incident.presetHint', { start: formatKstMinute(preset.services[0]!.window.start, i18n.language), count: preset.services.length })}
            </span>
          </label>
          {ownIncident && (
            <label className={choice === 'current-own' ? 'choice-card is-chosen' : 'choice-card'}>
              <input type="radio" name="incident" checked={choice === 'current-own'} onChange={() => setChoice('current-own')} />
              <span className="choice-title">{name(ownIncident.name)}</span>
              <span className="choice-hint">{t('setup.incident.ownHint', { count: ownIncident.services.length })}</span>
            </label>
          )}
          <label className={choice === 'new-own' ? 'choice-card is-chosen' : 'choice-card'}>
            <input type="radio" name="incident" checked={choice === 'new-own'} onChange={() => setChoice('new-own')} />
            <span className="choice-title">{t('setup.incident.newOwn')}</span>
            <span className="choice-hint">{t('setup.incident.newOwnHint')}</span>
          </label>
        </div>
      </fieldset>
      <StepProblems problems={problems} />
      <StepActions onBack={onBack} nextLabel={choice === 'new-own' ? t('setup.incident.goToIncident') : t('setup.next')} busy={busy} />
    </form>
  );
}
