import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { businessNumberSchema, CLAIMANT_KINDS, MERCHANT_INDUSTRIES, TAXI_TYPES } from '../../core/model';
import type { ClaimantKind, MerchantIndustry, TaxiType } from '../../core/model';
import type { ClaimBody } from '../../db';
import { pickLanguage } from '../format';
import { readJoined } from '../../core/model/common';
import { Field, StepActions, StepProblems } from './Field';
import { SIDO, SIDO_EN } from './regions';
import { useSaveBody } from './save';
import type { Problem } from './save';
import { check, fieldErrors, identitySchemas } from './steps';

type Draft = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** `1234567891` -> `123-45-67891` while typing; anything else is left as typed. */
export function formatBusinessNumber(input: string): string {
  const digits = input.replace(/\D/g, '').slice(0, 10);
  if (digits.length <= 3) return digits;
  if (digits.length <= 5) return `${digits.slice(0, 3)}-${digits.slice(3)}`;
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

/** `01012345678` -> `010-1234-5678`; other shapes stay as typed (the schema explains what it wants). */
function formatMobile(input: string): string {
  const digits = input.replace(/\D/g, '');
  if (/^01[016789]\d{7,8}$/.test(digits)) {
    const mid = digits.length === 11 ? 4 : 3;
    return `${digits.slice(0, 3)}-${digits.slice(3, 3 + mid)}-${digits.slice(3 + mid)}`;
  }
  return input.trim();
}

interface Props {
  body: Partial<ClaimBody>;
  claimId: string;
  /** Called with the document as saved, so the next step starts from it at once. */
  onDone: (saved: Partial<ClaimBody>) => void;
}

/** Step 1: who the claimant is, validated with the claim schema's own rules. */
export function WhoStep({ body, claimId, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const save = useSaveBody(claimId);
  const saved = (body.claimant ?? {}) as Draft;
  const bank = (saved.bankAccount ?? {}) as Draft;
  const region = (saved.region ?? {}) as Draft;
  const [kind, setKind] = useState<ClaimantKind | ''>((saved.kind as ClaimantKind | undefined) ?? '');
  const [industry, setIndustry] = useState<MerchantIndustry>((saved.industry as MerchantIndustry | undefined) ?? 'restaurant');
  const [taxiType, setTaxiType] = useState<TaxiType>((saved.taxiType as TaxiType | undefined) ?? 'corporate');
  const [f, setF] = useState({
    name: str(saved.name),
    businessName: str(saved.businessName),
    businessNumber: str(saved.businessNumber),
    mobile: str(saved.mobile),
    email: str(saved.email),
    sido: str(region.sido),
    sigungu: str(region.sigungu),
    bank: str(bank.bank),
    accountNumber: str(bank.number),
    holder: str(bank.holder),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const set = (key: keyof typeof f) => (value: string) => setF((prev) => ({ ...prev, [key]: value }));

  /** Live check of 사업자등록번호 once all ten digits are there (or the field is left). */
  function checkBusinessNumber(value: string, final: boolean) {
    const digits = value.replace(/\D/g, '').length;
    setErrors((prev) => {
      const next = { ...prev };
      delete next.businessNumber;
      if (value && (digits === 10 || final)) {
        const r = businessNumberSchema.safeParse(value);
        if (!r.success) next.businessNumber = pickLanguage(readJoined(r.error.issues[0]!.message), i18n.language);
      }
      return next;
    });
  }

  function candidate(): Draft {
    const out: Draft = { kind, name: f.name.trim(), mobile: f.mobile.trim() };
    if (f.email.trim()) out.email = f.email.trim();
    if (f.businessNumber.trim()) out.businessNumber = f.businessNumber.trim();
    if (kind === 'merchant') {
      out.industry = industry;
      if (f.businessName.trim()) out.businessName = f.businessName.trim();
    }
    if (kind === 'taxi') out.taxiType = taxiType;
    if (f.sido) out.region = { sido: f.sido, sigungu: f.sigungu.trim() };
    if (f.bank.trim() || f.accountNumber.trim() || f.holder.trim()) {
      out.bankAccount = { bank: f.bank.trim(), number: f.accountNumber.trim(), holder: f.holder.trim() };
    }
    return out;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblems([]);
    if (!kind) {
      setErrors({ kind: t('setup.who.kindRequired') });
      return;
    }
    const value = candidate();
    const result = check(identitySchemas[kind], value);
    if (!result.success) {
      setErrors(fieldErrors(result.error, i18n.language));
      // Focus the first field that needs fixing, so Enter-then-type just works.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    setBusy(true);
    // The later steps' fields stay as they were.
    const claimant = {
      ...value,
      ...(saved.servicesUsed !== undefined ? { servicesUsed: saved.servicesUsed } : {}),
      ...(saved.salesChannels !== undefined ? { salesChannels: saved.salesChannels } : {}),
    };
    const next = { ...body, claimant: claimant as ClaimBody['claimant'] };
    const outcome = await save(next);
    setBusy(false);
    if (outcome.ok) onDone(next);
    else setProblems(outcome.problems);
  }

  const businessNumberRequired = kind === 'merchant';

  return (
    <form ref={formRef} className="setup-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="choice-group" aria-describedby={errors.kind ? 'who-kind-error' : undefined}>
        <legend>{t('setup.who.kindLegend')}</legend>
        <div className="choice-cards">
          {CLAIMANT_KINDS.map((k) => (
            <label key={k} className={kind === k ? 'choice-card is-chosen' : 'choice-card'}>
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              <span className="choice-title">{t(`setup.kind.${k}`)}</span>
              <span className="choice-hint">{t(`setup.kindHint.${k}`)}</span>
            </label>
          ))}
        </div>
        {errors.kind && <p id="who-kind-error" className="field-error">{errors.kind}</p>}
      </fieldset>

      {kind === 'merchant' && (
        <Field label={t('setup.who.industry')}>
          {({ id }) => (
            <select id={id} value={industry} onChange={(e) => setIndustry(e.target.value as MerchantIndustry)}>
              {MERCHANT_INDUSTRIES.map((x) => (
                <option key={x} value={x}>{t(`setup.industry.${x}`)}</option>
              ))}
            </select>
          )}
        </Field>
      )}
      {kind === 'taxi' && (
        <fieldset className="choice-group">
          <legend>{t('setup.who.taxiType')}</legend>
          <div className="inline-choices">
            {TAXI_TYPES.map((x) => (
              <label key={x} className="inline-choice">
                <input type="radio" name="taxiType" value={x} checked={taxiType === x} onChange={() => setTaxiType(x)} />
                {t(`setup.taxiType.${x}`)}
              </label>
            ))}
          </div>
        </fieldset>
      )}

      {kind && (
        <>
          <div className="field-grid">
            <Field label={kind === 'merchant' ? t('setup.who.ownerName') : t('setup.who.name')} error={errors.name}>
              {({ id, describedBy, invalid }) => (
                <input id={id} value={f.name} autoComplete="name" aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => set('name')(e.target.value)} />
              )}
            </Field>
            {kind === 'merchant' && (
              <Field label={t('setup.who.businessName')} optional error={errors.businessName}>
                {({ id, describedBy, invalid }) => (
                  <input id={id} value={f.businessName} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => set('businessName')(e.target.value)} />
                )}
              </Field>
            )}
            <Field label={t('setup.who.mobile')} error={errors.mobile} hint={t('setup.who.mobileHint')}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel"
                  value={f.mobile}
                  aria-invalid={invalid}
                  aria-describedby={describedBy}
                  onChange={(e) => set('mobile')(e.target.value)}
                  onBlur={(e) => set('mobile')(formatMobile(e.target.value))}
                />
              )}
            </Field>
            <Field label={t('setup.who.email')} optional error={errors.email}>
              {({ id, describedBy, invalid }) => (
                <input id={id} type="email" autoComplete="email" value={f.email} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => set('email')(e.target.value)} />
              )}
            </Field>
            <Field
              label={t('setup.who.businessNumber')}
              optional={!businessNumberRequired}
              error={errors.businessNumber}
              hint={t('setup.who.businessNumberHint')}
            >
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  inputMode="numeric"
                  placeholder="123-45-67891"
                  value={f.businessNumber}
                  aria-invalid={invalid}
                  aria-describedby={describedBy}
                  aria-required={businessNumberRequired || undefined}
                  onChange={(e) => {
                    const value = formatBusinessNumber(e.target.value);
                    set('businessNumber')(value);
                    checkBusinessNumber(value, false);
                  }}
                  onBlur={(e) => checkBusinessNumber(e.target.value, true)}
                />
              )}
            </Field>
          </div>

          <fieldset className="sub-fieldset">
            <legend>{t('setup.who.region')}</legend>
            <div className="field-grid">
              <Field label={t('setup.who.sido')} optional error={errors['region.sido']}>
                {({ id, describedBy, invalid }) => (
                  <select id={id} value={f.sido} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => set('sido')(e.target.value)}>
                    <option value="">{t('setup.who.sidoNone')}</option>
                    {SIDO.map((s) => (
                      <option key={s} value={s}>{i18n.language === 'en' ? `${SIDO_EN[s]} (${s})` : s}</option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('setup.who.sigungu')} optional error={errors['region.sigungu']}>
                {({ id, describedBy, invalid }) => (
                  <input id={id} value={f.sigungu} placeholder={t('setup.who.sigunguPlaceholder')} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => set('sigungu')(e.target.value)} />
                )}
              </Field>
            </div>
          </fieldset>

          <fieldset className="sub-fieldset">
            <legend>{t('setup.who.bankAccount')}</legend>
            <p className="field-hint">{t('setup.who.bankHint')}</p>
            <div className="field-grid field-grid-3">
              <Field label={t('setup.who.bank')} error={errors['bankAccount.bank']}>
                {({ id, describedBy, invalid }) => (
                  <input id={id} value={f.bank} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => set('bank')(e.target.value)} />
                )}
              </Field>
              <Field label={t('setup.who.accountNumber')} error={errors['bankAccount.number']}>
                {({ id, describedBy, invalid }) => (
                  <input id={id} inputMode="numeric" value={f.accountNumber} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => set('accountNumber')(e.target.value)} />
                )}
              </Field>
              <Field label={t('setup.who.holder')} error={errors['bankAccount.holder']}>
                {({ id, describedBy, invalid }) => (
                  <input id={id} value={f.holder} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => set('holder')(e.target.value)} />
                )}
              </Field>
            </div>
          </fieldset>
        </>
      )}
      <StepProblems problems={problems} />
      <StepActions nextLabel={t('setup.next')} busy={busy} />
    </form>
  );
}
