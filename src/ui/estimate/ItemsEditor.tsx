import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimEstimate } from '../../core/estimate';
import { DIRECT_ITEM_CATEGORIES, directItemSchema, indirectItemSchema } from '../../core/model';
import type { DirectItem, DirectItemCategory, IndirectItem } from '../../core/model';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatWon, pickLanguage } from '../format';
import { readJoined } from '../../core/model/common';
import { Field, StepProblems } from '../setup/Field';
import type { Problem } from '../setup/save';
import { check, fieldErrors } from '../setup/steps';
import { Money } from './Money';

type SaveList<T> = (items: T[]) => Promise<Problem[] | null>;

/** A fresh item id, unique among both lists (the claim schema wants them unique). */
function newId(prefix: string, taken: string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

const wholeWon = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.replace(/[,\s\u{C6D0}\u{20A9}]/gu, '')));
const decimal = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.replace(',', '.')));

// ---------------------------------------------------------------------------------------------------
// Direct items (통상손해)

/** Who claims: a driver (i18next's `_driver` texts, and only the items a driver has) or a shop. */
type Who = 'driver' | undefined;

/**
 * The categories offered for a new direct item. A driver has no stock, vouchers or ads: they are offered
 * what a driver pays (another call app's fee, an unused membership, a fare handed back); an item saved
 * under another category keeps it.
 */
const DRIVER_CATEGORIES: readonly DirectItemCategory[] = ['substitute-fees', 'unused-prepaid-fee', 'refund', 'other'];
const categoriesFor = (who: Who, current?: DirectItemCategory): readonly DirectItemCategory[] =>
  who !== 'driver' ? DIRECT_ITEM_CATEGORIES : current && !DRIVER_CATEGORIES.includes(current) ? [...DRIVER_CATEGORIES, current] : DRIVER_CATEGORIES;

interface DirectProps {
  items: DirectItem[];
  who: Who;
  figures: ClaimEstimate['directItems'];
  takenIds: string[];
  onSave: SaveList<DirectItem>;
}

export function DirectItemsEditor({ items, who, figures, takenIds, onSave }: DirectProps) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DirectItem | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);

  async function save(next: DirectItem[]) {
    const result = await onSave(next);
    setProblems(result ?? []);
    if (!result) setEditing(null);
    return !result;
  }

  return (
    <div className="items">
      {items.length === 0 ? (
        <p className="muted">{t('estimate.direct.none')}</p>
      ) : (
        <table className="table items-table">
          <thead>
            <tr>
              <th scope="col">{t('estimate.direct.category')}</th>
              <th scope="col">{t('estimate.direct.description')}</th>
              <th scope="col" className="num">{t('estimate.amount')}</th>
              <th scope="col"><span className="visually-hidden">{t('estimate.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) =>
              editing === item.id ? (
                <tr key={item.id}>
                  <td colSpan={4}>
                    <DirectItemForm item={item} who={who} onCancel={() => setEditing(null)} onSubmit={(x) => save(items.map((i) => (i.id === x.id ? x : i)))} />
                  </td>
                </tr>
              ) : (
                <tr key={item.id}>
                  <td>{t(`estimate.directCategory.${item.category}`)}</td>
                  <td>{item.description}</td>
                  <td className="num">{formatWon(figures.find((f) => f.id === item.id)?.amount ?? item.amount, i18n.language)}</td>
                  <td className="row-actions">
                    <button type="button" className="button button-quiet" onClick={() => setEditing(item.id)} aria-label={t('estimate.editOf', { name: item.description || t(`estimate.directCategory.${item.category}`) })}>
                      {t('estimate.edit')}
                    </button>
                    <button type="button" className="button button-quiet button-danger-text" onClick={() => setDeleting(item)} aria-label={t('estimate.deleteOf', { name: item.description || t(`estimate.directCategory.${item.category}`) })}>
                      {t('estimate.delete')}
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      {editing === 'new' ? (
        <DirectItemForm
          item={{ id: newId('direct', takenIds), category: categoriesFor(who)[0]!, description: '', amount: 0, evidenceIds: [] }}
          who={who}
          isNew
          onCancel={() => setEditing(null)}
          onSubmit={(x) => save([...items, x])}
        />
      ) : (
        <button type="button" className="button" onClick={() => setEditing('new')}>{t('estimate.direct.add')}</button>
      )}
      <StepProblems problems={problems} />
      {deleting && (
        <ConfirmDialog
          danger
          title={t('estimate.deleteTitle')}
          body={t('estimate.deleteBody', { name: deleting.description || t(`estimate.directCategory.${deleting.category}`), amount: formatWon(deleting.amount, i18n.language) })}
          confirmLabel={t('estimate.deleteConfirm')}
          cancelLabel={t('estimate.cancel')}
          onConfirm={() => {
            const target = deleting;
            setDeleting(null);
            void save(items.filter((i) => i.id !== target.id));
          }}
          onCancel={() => setDeleting(null)}
        />
      )}
    </div>
  );
}

function DirectItemForm({ item, who, isNew, onSubmit, onCancel }: { item: DirectItem; who: Who; isNew?: boolean; onSubmit: (x: DirectItem) => Promise<boolean>; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const [category, setCategory] = useState<DirectItemCategory>(item.category);
  const [description, setDescription] = useState(item.description);
  const [amount, setAmount] = useState(isNew ? '' : String(item.amount));
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    const candidate = { ...item, category, description: description.trim(), amount: wholeWon(amount) };
    const result = check(directItemSchema, candidate);
    if (!result.success) {
      setErrors(fieldErrors(result.error, i18n.language));
      return;
    }
    setErrors({});
    await onSubmit(result.data);
  }

  return (
    <form className="item-form" onSubmit={(e) => void submit(e)} noValidate aria-label={isNew ? t('estimate.direct.add') : t('estimate.edit')}>
      <div className="field-grid field-grid-3">
        <Field label={t('estimate.direct.category')}>
          {({ id }) => (
            <select id={id} value={category} onChange={(e) => setCategory(e.target.value as DirectItemCategory)}>
              {categoriesFor(who, item.category).map((c) => <option key={c} value={c}>{t(`estimate.directCategory.${c}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('estimate.direct.description')} error={errors.description}>
          {({ id, describedBy, invalid }) => <input id={id} value={description} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <Field label={t('estimate.amountWon')} error={errors.amount}>
          {({ id, describedBy, invalid }) => <input id={id} inputMode="numeric" value={amount} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => setAmount(e.target.value)} />}
        </Field>
      </div>
      <div className="step-actions">
        <button type="button" className="button" onClick={onCancel}>{t('estimate.cancel')}</button>
        <button type="submit" className="button button-primary">{isNew ? t('estimate.addConfirm') : t('estimate.editConfirm')}</button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------------
// Indirect items (특별손해)

const INDIRECT_KINDS = ['claim-prep', 'extra-labour', 'lost-regulars', 'after-effect'] as const;
type IndirectKind = (typeof INDIRECT_KINDS)[number];

interface IndirectProps {
  items: IndirectItem[];
  who: Who;
  figures: ClaimEstimate['indirectItems'];
  takenIds: string[];
  /** The statutory minimum wage of the incident's year (section 5), shown where claim time is valued. */
  minimumWage: { wage: number; year: number };
  onSave: SaveList<IndirectItem>;
}

export function IndirectItemsEditor({ items, who, figures, takenIds, minimumWage, onSave }: IndirectProps) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [deleting, setDeleting] = useState<IndirectItem | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const hasAfterEffect = items.some((i) => i.kind === 'after-effect');

  async function save(next: IndirectItem[]) {
    const result = await onSave(next);
    setProblems(result ?? []);
    if (!result) setEditing(null);
    return !result;
  }

  return (
    <div className="items">
      {items.length === 0 && <p className="muted">{t('estimate.indirect.none')}</p>}
      <ul className="indirect-list">
        {items.map((item) => {
          const figure = figures.find((f) => f.id === item.id);
          if (editing === item.id) {
            return (
              <li key={item.id} className="indirect-item">
                <IndirectItemForm item={item} who={who} minimumWage={minimumWage} allowAfterEffect onCancel={() => setEditing(null)} onSubmit={(x) => save(items.map((i) => (i.id === x.id ? x : i)))} />
              </li>
            );
          }
          return (
            <li key={item.id} className="indirect-item">
              <div className="indirect-head">
                <h4>
                  {t(`estimate.indirectKind.${item.kind}`)}
                  {figure?.speculative && <span className="tag tag-warn">{t('estimate.indirect.speculative')}</span>}
                </h4>
                <span className="indirect-amount">{figure ? <Money won={figure.amount} /> : null}</span>
              </div>
              <InputsLine item={item} wage={minimumWage} />
              <p className="justification"><span className="strong">{t('estimate.indirect.justification')}</span> {pickLanguage(readJoined(item.justification), i18n.language)}</p>
              {figure?.note && <p className="field-hint">{pickLanguage(figure.note, i18n.language)}</p>}
              <div className="row-actions">
                <button type="button" className="button button-quiet" onClick={() => setEditing(item.id)} aria-label={t('estimate.editOf', { name: t(`estimate.indirectKind.${item.kind}`) })}>
                  {t('estimate.edit')}
                </button>
                <button type="button" className="button button-quiet button-danger-text" onClick={() => setDeleting(item)} aria-label={t('estimate.deleteOf', { name: t(`estimate.indirectKind.${item.kind}`) })}>
                  {t('estimate.delete')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {editing === 'new' ? (
        <IndirectItemForm
          item={null}
          newId={newId('indirect', takenIds)}
          who={who}
          minimumWage={minimumWage}
          allowAfterEffect={!hasAfterEffect}
          onCancel={() => setEditing(null)}
          onSubmit={(x) => save([...items, x])}
        />
      ) : (
        <button type="button" className="button" onClick={() => setEditing('new')}>{t('estimate.indirect.add')}</button>
      )}
      <StepProblems problems={problems} />
      {deleting && (
        <ConfirmDialog
          danger
          title={t('estimate.deleteTitle')}
          body={t('estimate.deleteBody', {
            name: t(`estimate.indirectKind.${deleting.kind}`),
            amount: formatWon(figures.find((f) => f.id === deleting.id)?.amount ?? 0, i18n.language),
          })}
          confirmLabel={t('estimate.deleteConfirm')}
          cancelLabel={t('estimate.cancel')}
          onConfirm={() => {
            const target = deleting;
            setDeleting(null);
            void save(items.filter((i) => i.id !== target.id));
          }}
          onCancel={() => setDeleting(null)}
        />
      )}
    </div>
  );
}

/** The inputs of an indirect item in one line (the amount itself is the engine's). */
function InputsLine({ item, wage }: { item: IndirectItem; wage: { wage: number; year: number } }) {
  const { t, i18n } = useTranslation();
  const won = (n: number) => formatWon(n, i18n.language);
  let text: string;
  switch (item.kind) {
    case 'claim-prep':
      text = t('estimate.indirect.claimPrepInputs', { hours: item.hours, wage: won(wage.wage), year: wage.year });
      break;
    case 'extra-labour':
      text = t('estimate.indirect.extraLabourInputs', { hours: item.hours, wage: won(item.hourlyWage) });
      break;
    case 'lost-regulars':
      text = t('estimate.indirect.lostRegularsInputs', { customers: item.customers, spend: won(item.monthlySpend), months: item.months });
      break;
    case 'after-effect':
      text = t('estimate.indirect.afterEffectInputs', { hours: item.tailHours });
      break;
  }
  return <p className="muted">{text}</p>;
}

interface IndirectFormProps {
  item: IndirectItem | null;
  who: Who;
  newId?: string;
  minimumWage: { wage: number; year: number };
  allowAfterEffect: boolean;
  onSubmit: (x: IndirectItem) => Promise<boolean>;
  onCancel: () => void;
}

function IndirectItemForm({ item, who, newId: freshId, minimumWage, allowAfterEffect, onSubmit, onCancel }: IndirectFormProps) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<IndirectKind>(item?.kind ?? 'claim-prep');
  const numbers = item as Partial<Record<'hours' | 'hourlyWage' | 'customers' | 'monthlySpend' | 'months' | 'tailHours', number>> | null;
  const [f, setF] = useState({
    hours: numbers?.hours !== undefined ? String(numbers.hours) : '',
    hourlyWage: numbers?.hourlyWage !== undefined ? String(numbers.hourlyWage) : '',
    customers: numbers?.customers !== undefined ? String(numbers.customers) : '',
    monthlySpend: numbers?.monthlySpend !== undefined ? String(numbers.monthlySpend) : '',
    months: numbers?.months !== undefined ? String(numbers.months) : '',
    tailHours: numbers?.tailHours !== undefined ? String(numbers.tailHours) : '48',
  });
  // A suggested reason in the claimant's words (a driver's calls and 수입, a shop's orders and 매출).
  const suggestion = (k: IndirectKind) => t(`estimate.indirect.defaultJustification.${k}`, { context: who });
  const [justification, setJustification] = useState(item ? item.justification : suggestion('claim-prep'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (key: keyof typeof f) => (e: { target: { value: string } }) => setF((prev) => ({ ...prev, [key]: e.target.value }));
  const kinds = INDIRECT_KINDS.filter((k) => k !== 'after-effect' || allowAfterEffect || item?.kind === 'after-effect');

  function chooseKind(next: IndirectKind) {
    // A new item's suggested justification follows its kind until the user writes their own.
    const suggested = new Set(INDIRECT_KINDS.map(suggestion));
    if (!item && (justification.trim() === '' || suggested.has(justification))) setJustification(suggestion(next));
    setKind(next);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const base = { id: item?.id ?? freshId!, justification: justification.trim(), evidenceIds: item?.evidenceIds ?? [] };
    const candidate =
      kind === 'claim-prep' ? { ...base, kind, hours: decimal(f.hours) }
      : kind === 'extra-labour' ? { ...base, kind, hours: decimal(f.hours), hourlyWage: wholeWon(f.hourlyWage) }
      : kind === 'lost-regulars' ? { ...base, kind, customers: decimal(f.customers), monthlySpend: wholeWon(f.monthlySpend), months: decimal(f.months) }
      : { ...base, kind, tailHours: decimal(f.tailHours) };
    const result = check(indirectItemSchema, candidate);
    if (!result.success) {
      setErrors(fieldErrors(result.error, i18n.language));
      return;
    }
    setErrors({});
    await onSubmit(result.data);
  }

  const num = (key: keyof typeof f, label: string, hint?: string) => (
    <Field label={label} error={errors[key]} hint={hint}>
      {({ id, describedBy, invalid }) => <input id={id} inputMode="decimal" value={f[key]} aria-invalid={invalid} aria-describedby={describedBy} onChange={set(key)} />}
    </Field>
  );

  return (
    <form className="item-form" onSubmit={(e) => void submit(e)} noValidate aria-label={item ? t('estimate.edit') : t('estimate.indirect.add')}>
      <Field label={t('estimate.indirect.kind')}>
        {({ id }) => (
          <select id={id} value={kind} disabled={!!item} onChange={(e) => chooseKind(e.target.value as IndirectKind)}>
            {kinds.map((k) => <option key={k} value={k}>{t(`estimate.indirectKind.${k}`)}</option>)}
          </select>
        )}
      </Field>
      <div className="field-grid field-grid-3">
        {kind === 'claim-prep' && num('hours', t('estimate.indirect.hours'), t('estimate.indirect.wageShown', { wage: formatWon(minimumWage.wage, i18n.language), year: minimumWage.year }))}
        {kind === 'extra-labour' && (
          <>
            {num('hours', t('estimate.indirect.hours'))}
            {num('hourlyWage', t('estimate.indirect.hourlyWage'))}
          </>
        )}
        {kind === 'lost-regulars' && (
          <>
            {num('customers', t('estimate.indirect.customers'))}
            {num('monthlySpend', t('estimate.indirect.monthlySpend'))}
            {num('months', t('estimate.indirect.months'), t('estimate.indirect.monthsHint'))}
          </>
        )}
        {kind === 'after-effect' && num('tailHours', t('estimate.indirect.tailHours'), t('estimate.indirect.tailHint', { context: who }))}
      </div>
      {kind === 'lost-regulars' && <p className="field-hint">{t('estimate.indirect.speculativeHint')}</p>}
      <Field label={t('estimate.indirect.justification')} error={errors.justification} hint={t('estimate.indirect.justificationHint')}>
        {({ id, describedBy, invalid }) => (
          <textarea id={id} rows={3} value={justification} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => setJustification(e.target.value)} />
        )}
      </Field>
      <div className="step-actions">
        <button type="button" className="button" onClick={onCancel}>{t('estimate.cancel')}</button>
        <button type="submit" className="button button-primary">{item ? t('estimate.editConfirm') : t('estimate.addConfirm')}</button>
      </div>
    </form>
  );
}
