import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nextChannelId, suggestedChannelsFor } from '../../core/incidents';
import type { Incident, SalesChannel } from '../../core/model';
import type { IncidentPack } from '../../core/model/incident-pack';
import type { ClaimBody } from '../../db';
import { ChannelFareFields, faresOf, parseFares, withFares } from './ChannelFares';
import type { FareErrors } from './ChannelFares';
import { pick, useIncidentPack } from '../incidents/packs';
import { Field, StepActions, StepProblems } from './Field';
import type { ClaimantProfile } from './defaults';
import { useSaveBody } from './save';
import type { Problem } from './save';
import { check, fieldErrors, salesChannelsSchema } from './steps';
import { earningsContext } from '../format';

interface Props {
  body: Partial<ClaimBody>;
  claimId: string;
  /** Called with the document as saved, so the next step starts from it at once. */
  onDone: (saved: Partial<ClaimBody>) => void;
  onBack: () => void;
}

interface Row extends SalesChannel {
  used: boolean;
}

/** Step 4: the sales channels (the failed platform and the others that count as mitigation). */
export function ChannelsStep(props: Props) {
  const incident = props.body.incident as Incident | undefined;
  const { loading, pack } = useIncidentPack(incident);
  // A stored pack is read first, so the suggestions come from it and not from nothing.
  if (loading) return null;
  return <ChannelsForm {...props} incident={incident} pack={pack} />;
}

function ChannelsForm({ body, claimId, onDone, onBack, incident, pack }: Props & { incident: Incident | undefined; pack: IncidentPack | undefined }) {
  const { t, i18n } = useTranslation();
  const save = useSaveBody(claimId);
  const claimant = body.claimant as (ClaimantProfile & { salesChannels?: SalesChannel[] } & Record<string, unknown>) | undefined;
  const [rows, setRows] = useState<Row[]>(() => {
    if (!claimant?.kind) return [];
    const saved = claimant.salesChannels ?? [];
    // From the incident's pack: its platforms and the lines it stopped, never another outage's channels.
    const suggested = suggestedChannelsFor(incident, pack, claimant).map((c) => ({ id: c.id, label: pick(c.label, i18n.language), isPlatform: c.isPlatform }));
    if (saved.length === 0) return suggested.map((c) => ({ ...c, used: true }));
    // Saved channels first (as chosen), then the suggestions not taken, unticked.
    const savedIds = new Set(saved.map((c) => c.id));
    return [...saved.map((c) => ({ ...c, used: true })), ...suggested.filter((c) => !savedIds.has(c.id)).map((c) => ({ ...c, used: false }))];
  });
  const [newLabel, setNewLabel] = useState('');
  const [newPlatform, setNewPlatform] = useState(false);
  const [newError, setNewError] = useState<string | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [fares, setFares] = useState(() => faresOf(claimant?.salesChannels ?? []));
  const [fareErrors, setFareErrors] = useState<FareErrors>({});

  if (!claimant?.kind) {
    return (
      <div className="setup-form">
        <p className="notice-inline">{t('setup.needWho')}</p>
        <StepActions onBack={onBack} nextLabel={t('setup.next')} busy />
      </div>
    );
  }

  const update = (i: number, patch: Partial<Row>) => setRows((prev) => prev.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  function addChannel() {
    const label = newLabel.trim();
    if (!label) {
      setNewError(t('setup.channels.newLabelRequired'));
      return;
    }
    setNewError(undefined);
    setRows((prev) => [...prev, { id: nextChannelId(prev.map((r) => r.id)), label, isPlatform: newPlatform, used: true }]);
    setNewLabel('');
    setNewPlatform(false);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblems([]);
    const picked = rows.filter((r) => r.used).map(({ id, label, isPlatform }) => ({ id, label: label.trim(), isPlatform }));
    const fareCheck = parseFares(fares, picked.map((c) => c.id), t);
    setFareErrors(fareCheck.errors);
    if (Object.keys(fareCheck.errors).length > 0) return;
    const chosen = withFares(picked, fareCheck.fares);
    const result = check(salesChannelsSchema, chosen);
    if (!result.success) {
      setErrors(fieldErrors(result.error, i18n.language));
      return;
    }
    setErrors({});
    setBusy(true);
    const next = { ...body, claimant: { ...claimant, salesChannels: chosen } as unknown as ClaimBody['claimant'] };
    const outcome = await save(next);
    setBusy(false);
    if (outcome.ok) onDone(next);
    else setProblems(outcome.problems);
  }

  // Error paths index the chosen list; map them back to the rows on screen.
  const chosenIndex = new Map<number, number>();
  rows.forEach((r, i) => r.used && chosenIndex.set(i, chosenIndex.size));

  return (
    <form className="setup-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="choice-group">
        <legend>{t('setup.channels.legend', { context: earningsContext(claimant.kind) })}</legend>
        <p className="field-hint">{t('setup.channels.hint')}</p>
        <table className="table channel-table">
          <thead>
            <tr>
              <th scope="col">{t('setup.channels.use')}</th>
              <th scope="col">{t('setup.channels.label')}</th>
              <th scope="col">{t('setup.channels.platform')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const at = chosenIndex.get(i);
              const error = at === undefined ? undefined : errors[`${at}.label`];
              return (
                <tr key={r.id}>
                  <td>
                    <input type="checkbox" checked={r.used} aria-label={t('setup.channels.useLabel', { label: r.label })} onChange={(e) => update(i, { used: e.target.checked })} />
                  </td>
                  <td>
                    <input
                      value={r.label}
                      aria-label={t('setup.channels.labelOf', { n: i + 1 })}
                      aria-invalid={error ? true : undefined}
                      onChange={(e) => update(i, { label: e.target.value })}
                    />
                    {error && <p className="field-error">{t('setup.fieldError', { field: t('setup.channels.label'), message: error })}</p>}
                  </td>
                  <td>
                    <label className="inline-choice">
                      <input type="checkbox" checked={r.isPlatform} onChange={(e) => update(i, { isPlatform: e.target.checked })} />
                      <span className="visually-hidden">{t('setup.channels.platformOf', { label: r.label })}</span>
                      <span aria-hidden="true">{r.isPlatform ? t('setup.channels.isPlatform') : t('setup.channels.notPlatform')}</span>
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {errors[''] && <p className="field-error">{t('setup.fieldError', { field: t('setup.channels.legendShort'), message: errors[''] })}</p>}
      </fieldset>

      <div className="add-row">
        <Field label={t('setup.channels.newLabel')} error={newError}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              value={newLabel}
              placeholder={t('setup.channels.newPlaceholder')}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onChange={(e) => setNewLabel(e.target.value)}
              onKeyDown={(e) => {
                // Enter here adds the channel instead of leaving the step.
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addChannel();
                }
              }}
            />
          )}
        </Field>
        <label className="inline-choice">
          <input type="checkbox" checked={newPlatform} onChange={(e) => setNewPlatform(e.target.checked)} />
          {t('setup.channels.newIsPlatform')}
        </label>
        <button type="button" className="button" onClick={addChannel}>
          {t('setup.channels.add')}
        </button>
      </div>
      <ChannelFareFields channels={rows.filter((r) => r.used)} kind={claimant.kind} drafts={fares} onChange={setFares} errors={fareErrors} />
      <StepProblems problems={problems} />
      <StepActions onBack={onBack} nextLabel={t('setup.next')} busy={busy} />
    </form>
  );
}
