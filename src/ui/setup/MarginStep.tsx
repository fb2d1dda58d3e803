import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultMargin, marginProblems, resolveMargin } from '../../core/estimate/margin';
import { parametersSchema } from '../../core/model';
import type { Claimant, Parameters } from '../../core/model';
import type { ClaimBody } from '../../db';
import { earningsContext, formatShare, pickLanguage } from '../format';
import { Field, StepActions, StepProblems } from './Field';
import { suggestedGranularity } from './defaults';
import { HourlyRulesNote } from './HourlyRulesNote';
import type { ClaimantProfile } from './defaults';
import { useSaveBody } from './save';
import type { Problem } from './save';
import { check, fieldErrors } from './steps';

interface Props {
  body: Partial<ClaimBody>;
  claimId: string;
  /** Called with the document as saved, so the next step starts from it at once. */
  onDone: (saved: Partial<ClaimBody>) => void;
  onBack: () => void;
}

/** Percent text -> share; NaN when it is not a number. */
const toShare = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.replace(',', '.')) / 100);
/** Share -> percent text without float noise (0.35 -> "35"). */
const toPercentText = (share: number): string => String(Number((share * 100).toFixed(4)));

/** Step 5: the margin (v and c, loss model section 4) and the granularity of the records. */
export function MarginStep({ body, claimId, onDone, onBack }: Props) {
  const { t, i18n } = useTranslation();
  const save = useSaveBody(claimId);
  const claimant = body.claimant as (ClaimantProfile & Record<string, unknown>) | undefined;
  const saved = (body.parameters?.margin ?? {}) as { v?: { value?: number; confirmed?: boolean }; c?: { value?: number; confirmed?: boolean } };
  const defaults = claimant?.kind ? defaultMargin(claimant as unknown as Claimant) : null;
  const [v, setV] = useState(() => (defaults ? toPercentText(saved.v?.value ?? defaults.v) : ''));
  const [c, setC] = useState(() => (defaults ? toPercentText(saved.c?.value ?? defaults.c) : ''));
  const [confirmed, setConfirmed] = useState(!!(saved.v?.confirmed && saved.c?.confirmed));
  const [granularity, setGranularity] = useState<'hourly' | 'daily'>(body.granularity ?? (claimant?.kind ? suggestedGranularity(claimant) : 'hourly'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  if (!claimant?.kind || !defaults) {
    return (
      <div className="setup-form">
        <p className="notice-inline">{t('setup.needWho')}</p>
        <StepActions onBack={onBack} nextLabel={t('setup.margin.finish')} busy />
      </div>
    );
  }

  /** A value equal to the default is stored as "the default" (absent), so the packet says where it came from. */
  const shareFor = (text: string, fallback: number): { value?: number } => {
    const share = toShare(text);
    return Number.isFinite(share) && Math.abs(share - fallback) < 1e-9 ? {} : { value: share };
  };
  const margin = {
    v: { ...shareFor(v, defaults.v), confirmed },
    c: { ...shareFor(c, defaults.c), confirmed },
  };

  // Section 4, inline as the user types: v, c in [0, 1] and v + c <= 1, the field named (never floored).
  const bothNumbers = Number.isFinite(toShare(v)) && Number.isFinite(toShare(c));
  const rangeErrors: Record<string, string> = {};
  if (bothNumbers) {
    for (const p of marginProblems(claimant as unknown as Claimant, margin)) rangeErrors[`${p.field}.value`] = pickLanguage(p.message, i18n.language);
  }
  const shownErrors = { ...rangeErrors, ...errors };
  // m = 1 - v - c as the engine resolves it (never computed here); only for a valid pair.
  const preview = bothNumbers && Object.keys(rangeErrors).length === 0
    ? resolveMargin(claimant as unknown as Claimant, { ...parametersSchema.parse({}), margin } as Parameters)
    : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblems([]);
    const notNumber: Record<string, string> = {};
    if (!Number.isFinite(toShare(v))) notNumber['v.value'] = t('setup.margin.notNumber');
    if (!Number.isFinite(toShare(c))) notNumber['c.value'] = t('setup.margin.notNumber');
    if (Object.keys(notNumber).length > 0) {
      setErrors(notNumber);
      return;
    }
    if (Object.keys(rangeErrors).length > 0) {
      setErrors({});
      return;
    }
    const result = check(parametersSchema.shape.margin, margin);
    if (!result.success) {
      setErrors(fieldErrors(result.error, i18n.language));
      return;
    }
    setErrors({});
    setBusy(true);
    const parameters = { ...(body.parameters ?? {}), margin };
    const next = { ...body, parameters, granularity };
    const outcome = await save(next);
    setBusy(false);
    if (outcome.ok) onDone(next);
    else setProblems(outcome.problems);
  }

  return (
    <form className="setup-form" onSubmit={(e) => void submit(e)} noValidate>
      <section className="explain" aria-labelledby="margin-explain-title">
        <h3 id="margin-explain-title">{t('setup.margin.whatTitle')}</h3>
        <p>{t('setup.margin.what', { context: earningsContext(claimant.kind) })}</p>
      </section>
      <div className="field-grid">
        <Field label={t('setup.margin.v')} error={shownErrors['v.value']} hint={t('setup.margin.vHint', { value: formatShare(defaults.v), context: earningsContext(claimant.kind) })}>
          {({ id, describedBy, invalid }) => (
            <span className="input-suffix">
              <input id={id} inputMode="decimal" value={v} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => { setV(e.target.value); setErrors({}); }} />
              <span aria-hidden="true">%</span>
            </span>
          )}
        </Field>
        <Field label={t('setup.margin.c')} error={shownErrors['c.value']} hint={t('setup.margin.cHint', { value: formatShare(defaults.c), context: earningsContext(claimant.kind) })}>
          {({ id, describedBy, invalid }) => (
            <span className="input-suffix">
              <input id={id} inputMode="decimal" value={c} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => { setC(e.target.value); setErrors({}); }} />
              <span aria-hidden="true">%</span>
            </span>
          )}
        </Field>
      </div>
      <p className="field-hint">{t('setup.margin.source', { source: pickLanguage(defaults.source, i18n.language) })}</p>
      {preview && (
        <p className="margin-preview" data-testid="margin-preview">
          {t('setup.margin.preview', { m: formatShare(preview.m), v: formatShare(preview.v), c: formatShare(preview.c) })}
        </p>
      )}
      <label className="check-row confirm-row">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
        <span>{t('setup.margin.confirm')}</span>
      </label>

      <fieldset className="choice-group">
        <legend>{t('setup.margin.granularity')}</legend>
        <div className="choice-list">
          {(['hourly', 'daily'] as const).map((g) => (
            <label key={g} className={granularity === g ? 'choice-card is-chosen' : 'choice-card'}>
              <input type="radio" name="granularity" checked={granularity === g} onChange={() => setGranularity(g)} aria-describedby={g === 'daily' ? 'daily-hourly-rules' : undefined} />
              <span className="choice-title">{t(`setup.granularity.${g}`)}</span>
              <span className="choice-hint">{t(`setup.granularityHint.${g}`, { context: earningsContext(claimant.kind) })}</span>
              {g === 'daily' && <HourlyRulesNote id="daily-hourly-rules" incident={body.incident} claimantKind={claimant.kind} chosen={granularity === 'daily'} />}
            </label>
          ))}
        </div>
      </fieldset>
      <StepProblems problems={problems} />
      <StepActions onBack={onBack} nextLabel={t('setup.margin.finish')} busy={busy} />
    </form>
  );
}
