import { useTranslation } from 'react-i18next';
import { parseAmount } from '../../core/io/values';
import { FARE_SOURCES } from '../../core/model/claimant';
import type { ChannelFare, ClaimantKind, FareSource, SalesChannel } from '../../core/model';
import '../styles/fares.css';

/** What the user typed for one channel's average fare, before it is checked. */
export interface FareDraft {
  amount: string;
  source: FareSource;
  note: string;
}

export type FareDrafts = Record<string, FareDraft>;
/** Problems by `${channelId}.amount` or `${channelId}.note`, already in the user's words. */
export type FareErrors = Record<string, string>;

const EMPTY: FareDraft = { amount: '', source: 'trip-history', note: '' };

export function faresOf(channels: readonly Pick<SalesChannel, 'id' | 'averageFare'>[]): FareDrafts {
  const out: FareDrafts = {};
  for (const c of channels) {
    if (c.averageFare) out[c.id] = { amount: c.averageFare.amount.toLocaleString('en-US'), source: c.averageFare.source, note: c.averageFare.note };
  }
  return out;
}

/**
 * Each listed channel's fare from its draft: an empty amount means "none" (the field is optional); a
 * mistyped one is a problem named by channel and field, and nothing is saved.
 */
export function parseFares(
  drafts: FareDrafts,
  channelIds: readonly string[],
  t: (key: 'fares.amountInvalid' | 'fares.amountZero' | 'fares.noteRequired') => string,
): { fares: Record<string, ChannelFare | undefined>; errors: FareErrors } {
  const fares: Record<string, ChannelFare | undefined> = {};
  const errors: FareErrors = {};
  for (const id of channelIds) {
    const d = drafts[id];
    if (!d || d.amount.trim() === '') {
      fares[id] = undefined;
      continue;
    }
    const amount = parseAmount(d.amount);
    if (!amount.ok) errors[`${id}.amount`] = t('fares.amountInvalid');
    else if (amount.value <= 0) errors[`${id}.amount`] = t('fares.amountZero');
    const note = d.note.trim();
    if (d.source === 'other' && note === '') errors[`${id}.note`] = t('fares.noteRequired');
    if (amount.ok && amount.value > 0 && !(d.source === 'other' && note === '')) fares[id] = { amount: amount.value, source: d.source, note };
  }
  return { fares, errors };
}

/** The channels with their fares set from `fares` (a channel left empty loses its fare). */
export function withFares<C extends SalesChannel>(channels: readonly C[], fares: Record<string, ChannelFare | undefined>): C[] {
  return channels.map((c) => {
    if (!(c.id in fares)) return c;
    const { averageFare: _old, ...rest } = c;
    const fare = fares[c.id];
    return (fare ? { ...rest, averageFare: fare } : rest) as C;
  });
}

interface Props {
  channels: readonly Pick<SalesChannel, 'id' | 'label'>[];
  kind: ClaimantKind | undefined;
  drafts: FareDrafts;
  onChange: (drafts: FareDrafts) => void;
  errors: FareErrors;
}

/**
 * One average-fare field per channel with its source chosen in words (loss model section 1: "the ticket
 * the user declared"). Drivers call it 평균 요금, merchants 평균 객단가.
 */
export function ChannelFareFields({ channels, kind, drafts, onChange, errors }: Props) {
  const { t } = useTranslation();
  const who = kind === 'merchant' ? 'merchant' : 'driver';
  const set = (id: string, patch: Partial<FareDraft>) => onChange({ ...drafts, [id]: { ...(drafts[id] ?? EMPTY), ...patch } });
  if (channels.length === 0) return null;
  return (
    <fieldset className="choice-group channel-fares">
      <legend>{t(`fares.legend.${who}`)}</legend>
      <p className="field-hint">{t(`fares.hint.${who}`)}</p>
      <div className="channel-fares-rows">
        {channels.map((c) => {
          const d = drafts[c.id] ?? EMPTY;
          const label = c.label || c.id;
          const amountError = errors[`${c.id}.amount`];
          const noteError = errors[`${c.id}.note`];
          const base = `fare-${c.id}`;
          return (
            <div key={c.id} className="channel-fare">
              <div className="field">
                <label htmlFor={`${base}-amount`}>{t(`fares.amount.${who}`, { label })}</label>
                <input
                  id={`${base}-amount`}
                  inputMode="numeric"
                  value={d.amount}
                  placeholder={t('fares.amountPlaceholder')}
                  aria-invalid={amountError ? true : undefined}
                  aria-describedby={amountError ? `${base}-amount-error` : undefined}
                  onChange={(e) => set(c.id, { amount: e.target.value })}
                />
                {amountError && <p id={`${base}-amount-error`} className="field-error">{t('setup.fieldError', { field: t(`fares.amount.${who}`, { label }), message: amountError })}</p>}
              </div>
              <div className="field">
                <label htmlFor={`${base}-source`}>{t('fares.source', { label })}</label>
                <select id={`${base}-source`} value={d.source} onChange={(e) => set(c.id, { source: e.target.value as FareSource })}>
                  {FARE_SOURCES.map((s) => (
                    <option key={s} value={s}>{t(`fares.sourceOption.${who}.${s}`)}</option>
                  ))}
                </select>
              </div>
              {d.source === 'other' && (
                <div className="field">
                  <label htmlFor={`${base}-note`}>{t('fares.note', { label })}</label>
                  <input
                    id={`${base}-note`}
                    value={d.note}
                    placeholder={t('fares.notePlaceholder')}
                    aria-invalid={noteError ? true : undefined}
                    aria-describedby={noteError ? `${base}-note-error` : undefined}
                    onChange={(e) => set(c.id, { note: e.target.value })}
                  />
                  {noteError && <p id={`${base}-note-error`} className="field-error">{t('setup.fieldError', { field: t('fares.note', { label }), message: noteError })}</p>}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
