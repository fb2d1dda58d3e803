import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleInputShown, RuleResult } from '../../core/estimate';
import type { Claim } from '../../core/model';
import { Field, StepProblems } from '../setup/Field';
import type { Problem } from '../setup/save';

export type RuleInputs = NonNullable<Claim['ruleInputs']>;
type SaveInputs = (next: RuleInputs) => Promise<Problem[] | null>;

/** The inputs every applicable rule needs, once each (two rules may share one, e.g. a monthly fee). */
export function inputsOfRules(rules: readonly RuleResult[]): RuleInputShown[] {
  const seen = new Map<string, RuleInputShown>();
  for (const r of rules) for (const i of r.inputs) if (!seen.has(i.id)) seen.set(i.id, i);
  return [...seen.values()];
}

/** The KST dates an outage covers (its services' windows), for inputs naming days; at most 62. */
export function outageDates(claim: Pick<Claim, 'incident'>): string[] {
  const out = new Set<string>();
  for (const s of claim.incident.services) {
    const start = Date.parse(`${s.window.start.slice(0, 10)}T00:00:00Z`);
    // An end exactly at midnight does not touch the next day.
    const endInstant = s.window.end;
    const endDay = endInstant.slice(11, 16) === '00:00' ? Date.parse(`${endInstant.slice(0, 10)}T00:00:00Z`) - 86_400_000 : Date.parse(`${endInstant.slice(0, 10)}T00:00:00Z`);
    for (let d = start, n = 0; d <= endDay && n < 62; d += 86_400_000, n++) out.add(new Date(d).toISOString().slice(0, 10));
  }
  return [...out].sort();
}

function initialText(input: RuleInputShown): string {
  if (input.value === null || Array.isArray(input.value)) return '';
  const n = Number(input.value);
  return input.unit === 'rate' ? String(Number((n * 100).toFixed(4))) : String(n);
}

const inLang = (text: { ko: string; en: string }, lang: string) => (lang === 'en' && text.en ? text.en : text.ko);

const parseNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.replace(/[,\s\u{C6D0}\u{20A9}%]/gu, '')));

/** One declared input: its value, the evidence it rests on, a note; saved into the claim (ruleInputs). */
function InputForm({ input, claim, dates, onSave }: { input: RuleInputShown; claim: Claim; dates: string[]; onSave: SaveInputs }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const stored = claim.ruleInputs?.[input.id];
  const [text, setText] = useState(() => initialText(input));
  const [chosenDates, setChosenDates] = useState<string[]>(() => (Array.isArray(input.value) ? [...input.value] : []));
  const [evidenceIds, setEvidenceIds] = useState<string[]>(() => [...input.evidenceIds]);
  const [note, setNote] = useState(stored?.note ?? '');
  const [error, setError] = useState<string | undefined>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const name = inLang(input.name, lang);
  const isDates = input.unit === 'dates';

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setSaved(false);
    let value: number | string[];
    if (isDates) {
      value = [...chosenDates].sort();
    } else {
      const n = parseNumber(text);
      if (!Number.isFinite(n) || n < 0) {
        setError(t('estimate.rules.inputs.badNumber'));
        return;
      }
      if (input.unit === 'rate' && n > 100) {
        setError(t('estimate.rules.inputs.badRate'));
        return;
      }
      value = input.unit === 'rate' ? n / 100 : n;
    }
    setError(undefined);
    setBusy(true);
    const next: RuleInputs = { ...(claim.ruleInputs ?? {}), [input.id]: { value, evidenceIds, note: note.trim() } };
    const result = await onSave(next);
    setBusy(false);
    setProblems(result ?? []);
    if (!result) setSaved(true);
  }

  const unitHint = t(`estimate.rules.inputs.unit.${input.unit}`, { defaultValue: '' });
  return (
    <form className="rule-input" onSubmit={(ev) => void submit(ev)} aria-label={name} data-input={input.id}>
      {isDates && <h4>{name}</h4>}
      {isDates ? (
        <fieldset className="rule-input-dates">
          <legend>{t('estimate.rules.inputs.datesLegend')}</legend>
          {dates.map((d) => (
            <label key={d} className="check-row">
              <input
                type="checkbox"
                checked={chosenDates.includes(d)}
                onChange={(ev) => setChosenDates((list) => (ev.target.checked ? [...list, d] : list.filter((x) => x !== d)))}
              />
              <span>{d}</span>
            </label>
          ))}
        </fieldset>
      ) : (
        <Field label={t('estimate.rules.inputs.value', { name })} error={error} hint={unitHint || undefined}>
          {({ id, describedBy, invalid }) => (
            <input id={id} inputMode="decimal" value={text} onChange={(ev) => setText(ev.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
      )}
      <fieldset className="rule-input-evidence">
        <legend>{t('estimate.rules.inputs.evidence', { asked: inLang(input.evidence, lang) })}</legend>
        {claim.evidence.length === 0 ? (
          <p className="field-hint">{t('estimate.rules.inputs.noEvidence')}</p>
        ) : (
          claim.evidence.map((e) => (
            <label key={e.id} className="check-row">
              <input
                type="checkbox"
                checked={evidenceIds.includes(e.id)}
                onChange={(ev) => setEvidenceIds((list) => (ev.target.checked ? [...list, e.id] : list.filter((x) => x !== e.id)))}
              />
              <span>{e.label || e.fileName}</span>
            </label>
          ))
        )}
      </fieldset>
      <Field label={t('estimate.rules.inputs.note')} optional>
        {({ id, describedBy }) => <input id={id} value={note} maxLength={1000} onChange={(ev) => setNote(ev.target.value)} aria-describedby={describedBy} />}
      </Field>
      <StepProblems problems={problems} />
      <div className="rule-input-actions">
        <button type="submit" className="button" disabled={busy}>{t('estimate.rules.inputs.save')}</button>
        {saved && <span role="status" className="muted">{t('estimate.rules.inputs.saved')}</span>}
      </div>
    </form>
  );
}

/** What the company rules need that records do not carry: declared by the claimant, with evidence (issue 14). */
export function RuleInputsEditor({ rules, claim, onSave }: { rules: readonly RuleResult[]; claim: Claim; onSave: SaveInputs }) {
  const { t } = useTranslation();
  const inputs = inputsOfRules(rules);
  if (inputs.length === 0) return null;
  const dates = outageDates(claim);
  return (
    <div className="rule-inputs">
      <h3>{t('estimate.rules.inputs.title')}</h3>
      <p className="field-hint">{t('estimate.rules.inputs.lead')}</p>
      {inputs.map((input) => (
        <InputForm key={input.id} input={input} claim={claim} dates={dates} onSave={onSave} />
      ))}
    </div>
  );
}
