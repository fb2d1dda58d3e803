import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import {
  AUTHORED_RULE_KINDS,
  BUNDLED_PACKS,
  draftToPack,
  GENERIC_CHANNEL_KINDS,
  packFileName,
  packFileText,
  type GenericChannelKind,
  type PackDraft,
  type PackIssue,
  type RuleDraft,
  type ServiceDraft,
} from '../../core/incidents';
import { SERVICE_KINDS } from '../../core/model/incident-pack';
import { pickLanguage } from '../format';
import { useNotices } from '../notices';
import { PackPreview } from './PackPreview';
import type { IncidentPack } from '../../core/model/incident-pack';
import { kstDateOfMs } from '../../core/time/kst';
import { DateField, DateTimeField } from '../components/DateField';

const today = () => kstDateOfMs(Date.now());
const emptyService = (): ServiceDraft => ({ name: { ko: '', en: '' }, kind: '', intervals: [{ start: '', end: '', region: '' }] });
const emptyRule = (): RuleDraft => ({
  kind: 'fixed-amount', name: { ko: '', en: '' }, claimantKinds: ['merchant'], amount: 0, basis: 'outage-multiple', duration: 10,
  outageWeekStart: '', periodFrom: '', periodTo: '', payment: 'unknown',
});
const CLAIMANTS = ['merchant', 'taxi', 'designated-driver', 'rider', 'individual'] as const;

/** `2026-12-04T11:00` from the date-and-time field -> a KST instant; empty stays empty. */
const toKst = (local: string) => (local ? `${local.slice(0, 16)}+09:00` : '');
const fromKst = (instant: string) => instant.slice(0, 16);

/**
 * The association's pack form: the incident, services and intervals, sources, where to claim, and the
 * simple rule kinds; exported as the pack file its members import. Checked by the same parser as an import.
 */
export function PackAuthor({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { notify, reportError } = useNotices();
  const [d, setD] = useState<PackDraft>(() => ({
    id: '', version: 1, publishedAt: today(), publisher: '', name: { ko: '', en: '' }, summary: { ko: '', en: '' },
    sources: [{ publication: '', ref: '', date: today() }], services: [emptyService()], channels: [...GENERIC_CHANNEL_KINDS], rules: [],
  }));
  const [issues, setIssues] = useState<PackIssue[]>([]);
  const [made, setMade] = useState<IncidentPack | null>(null);
  const patch = (p: Partial<PackDraft>) => setD((x) => ({ ...x, ...p }));
  const setService = (i: number, s: Partial<ServiceDraft>) => patch({ services: d.services.map((x, j) => (j === i ? { ...x, ...s } : x)) });
  const setRule = (i: number, r: Partial<RuleDraft>) => patch({ rules: d.rules.map((x, j) => (j === i ? { ...x, ...r } : x)) });

  async function exportFile(e: FormEvent) {
    e.preventDefault();
    const r = draftToPack(d, { bundled: BUNDLED_PACKS });
    if (!r.ok) {
      setIssues(r.issues);
      setMade(null);
      return;
    }
    setIssues([]);
    setMade(r.pack);
    try {
      const saved = await getBridge().saveFile({ suggestedName: packFileName(r.pack), bytes: new TextEncoder().encode(packFileText(r.pack)) });
      if (saved.saved) notify(t('packs.author.exported'));
    } catch (err) {
      reportError(err);
    }
  }

  const text = (label: string, value: string, onChange: (v: string) => void, type = 'text') =>
    type === 'date' || type === 'datetime-local' ? (
      // Not wrapped in the label: a date field's inline error must not become part of the field's name.
      <div className="stacked">
        <span>{label}</span>
        {type === 'date'
          ? <DateField aria-label={label} value={value} onChange={onChange} />
          : <DateTimeField aria-label={label} value={value} onChange={onChange} />}
      </div>
    ) : (
      <label className="stacked">
        <span>{label}</span>
        <input type={type} value={value} onChange={(e) => onChange(e.target.value)} />
      </label>
    );

  return (
    <form className="pack-author" onSubmit={(e) => void exportFile(e)} noValidate aria-labelledby="pack-author-title">
      <h2 id="pack-author-title">{t('packs.author.title')}</h2>
      <p className="field-hint">{t('packs.author.lead')}</p>
      <div className="author-row">
        {text(t('packs.author.id'), d.id, (v) => patch({ id: v }))}
        <label className="stacked">
          <span>{t('packs.author.version')}</span>
          <input type="number" min={1} value={d.version} onChange={(e) => patch({ version: Number(e.target.value) || 1 })} />
        </label>
        {text(t('packs.author.publishedAt'), d.publishedAt, (v) => patch({ publishedAt: v }), 'date')}
        {text(t('packs.author.publisher'), d.publisher, (v) => patch({ publisher: v }))}
      </div>
      <div className="author-row">
        {text(t('packs.author.nameKo'), d.name.ko, (v) => patch({ name: { ...d.name, ko: v } }))}
        {text(t('packs.author.nameEn'), d.name.en, (v) => patch({ name: { ...d.name, en: v } }))}
        {text(t('packs.author.summaryKo'), d.summary.ko, (v) => patch({ summary: { ...d.summary, ko: v } }))}
        {text(t('packs.author.summaryEn'), d.summary.en, (v) => patch({ summary: { ...d.summary, en: v } }))}
      </div>
      <fieldset>
        <legend>{t('packs.author.sources')}</legend>
        {d.sources.map((s, i) => (
          <div key={i} className="author-row">
            {text(t('packs.author.sourcePublication', { n: i + 1 }), s.publication, (v) => patch({ sources: d.sources.map((x, j) => (j === i ? { ...x, publication: v } : x)) }))}
            {text(t('packs.author.sourceRef', { n: i + 1 }), s.ref, (v) => patch({ sources: d.sources.map((x, j) => (j === i ? { ...x, ref: v } : x)) }))}
            {text(t('packs.author.sourceDate', { n: i + 1 }), s.date ?? '', (v) => patch({ sources: d.sources.map((x, j) => (j === i ? { ...x, date: v } : x)) }), 'date')}
          </div>
        ))}
        <div><button type="button" className="button" onClick={() => patch({ sources: [...d.sources, { publication: '', ref: '', date: '' }] })}>{t('packs.author.addSource')}</button></div>
      </fieldset>
      <fieldset>
        <legend>{t('packs.author.services')}</legend>
        {d.services.map((s, i) => {
          const n = i + 1;
          const w = s.intervals[0]!;
          return (
            <div key={i} className="author-item">
              <div className="author-row">
                {text(t('packs.author.serviceNameKo', { n }), s.name.ko, (v) => setService(i, { name: { ...s.name, ko: v } }))}
                {text(t('packs.author.serviceNameEn', { n }), s.name.en, (v) => setService(i, { name: { ...s.name, en: v } }))}
                <label className="stacked">
                  <span>{t('packs.author.serviceKind', { n })}</span>
                  <select value={s.kind} onChange={(e) => setService(i, { kind: e.target.value as ServiceDraft['kind'] })}>
                    <option value="">{t('packs.author.kindNone')}</option>
                    {SERVICE_KINDS.map((k) => <option key={k} value={k}>{t(`packs.serviceKind.${k}`)}</option>)}
                  </select>
                </label>
              </div>
              <div className="author-row">
                {text(t('packs.author.intervalStart', { n }), fromKst(w.start), (v) => setService(i, { intervals: [{ ...w, start: toKst(v) }] }), 'datetime-local')}
                {text(t('packs.author.intervalEnd', { n }), fromKst(w.end), (v) => setService(i, { intervals: [{ ...w, end: toKst(v) }] }), 'datetime-local')}
                {text(t('packs.author.intervalRegion', { n }), w.region, (v) => setService(i, { intervals: [{ ...w, region: v }] }))}
              </div>
              {d.services.length > 1 && (
                <div><button type="button" className="button button-quiet button-danger-text" onClick={() => patch({ services: d.services.filter((_, j) => j !== i) })}>{t('packs.author.removeService', { n })}</button></div>
              )}
            </div>
          );
        })}
        <div><button type="button" className="button" onClick={() => patch({ services: [...d.services, emptyService()] })}>{t('packs.author.addService')}</button></div>
      </fieldset>
      <fieldset>
        <legend>{t('packs.author.channels')}</legend>
        <div className="inline-choices">
          {GENERIC_CHANNEL_KINDS.map((k) => (
            <label key={k} className="inline-choice">
              <input
                type="checkbox"
                checked={d.channels.includes(k)}
                onChange={(e) => patch({ channels: GENERIC_CHANNEL_KINDS.filter((x) => (x === k ? e.target.checked : d.channels.includes(x))) as GenericChannelKind[] })}
              />
              {t(`packs.channelKind.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('packs.author.rules')}</legend>
        {d.rules.map((r, i) => {
          const n = i + 1;
          return (
            <div key={i} className="author-item">
              <div className="author-row">
                <label className="stacked">
                  <span>{t('packs.author.ruleKind', { n })}</span>
                  <select value={r.kind} onChange={(e) => setRule(i, { kind: e.target.value as RuleDraft['kind'] })}>
                    {AUTHORED_RULE_KINDS.map((k) => <option key={k} value={k}>{t(`packs.ruleKind.${k}`)}</option>)}
                  </select>
                </label>
                {text(t('packs.author.ruleNameKo', { n }), r.name.ko, (v) => setRule(i, { name: { ...r.name, ko: v } }))}
                {text(t('packs.author.ruleNameEn', { n }), r.name.en, (v) => setRule(i, { name: { ...r.name, en: v } }))}
                <label className="stacked">
                  <span>{t('packs.author.rulePayment', { n })}</span>
                  <select value={r.payment} onChange={(e) => setRule(i, { payment: e.target.value as RuleDraft['payment'] })}>
                    {(['automatic', 'on-request', 'unknown'] as const).map((k) => <option key={k} value={k}>{t(`packs.payment.${k}`)}</option>)}
                  </select>
                </label>
              </div>
              <fieldset className="sub-fieldset">
                <legend>{t('packs.author.ruleWho', { n })}</legend>
                <div className="inline-choices">
                  {CLAIMANTS.map((k) => (
                    <label key={k} className="inline-choice">
                      <input type="checkbox" checked={r.claimantKinds.includes(k)} onChange={(e) => setRule(i, { claimantKinds: CLAIMANTS.filter((x) => (x === k ? e.target.checked : r.claimantKinds.includes(x))) })} />
                      {t(`packs.who.${k}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
              <div className="author-row">
                {r.kind === 'fixed-amount' && text(t('packs.author.ruleAmount', { n }), String(r.amount || ''), (v) => setRule(i, { amount: Number(v.replace(/[^0-9]/g, '')) || 0 }))}
                {r.kind === 'fee-for-duration' && (
                  <>
                    <label className="stacked">
                      <span>{t('packs.author.ruleBasis', { n })}</span>
                      <select value={r.basis} onChange={(e) => setRule(i, { basis: e.target.value as RuleDraft['basis'] })}>
                        {(['outage-multiple', 'hours', 'days', 'months'] as const).map((k) => <option key={k} value={k}>{t(`packs.basis.${k}`)}</option>)}
                      </select>
                    </label>
                    {text(t('packs.author.ruleDuration', { n }), String(r.duration || ''), (v) => setRule(i, { duration: Number(v) || 0 }))}
                  </>
                )}
                {r.kind === 'best-week' && (
                  <>
                    {text(t('packs.author.ruleWeekStart', { n }), r.outageWeekStart, (v) => setRule(i, { outageWeekStart: v }), 'date')}
                    {text(t('packs.author.rulePeriodFrom', { n }), r.periodFrom, (v) => setRule(i, { periodFrom: v }), 'date')}
                    {text(t('packs.author.rulePeriodTo', { n }), r.periodTo, (v) => setRule(i, { periodTo: v }), 'date')}
                  </>
                )}
              </div>
              <div><button type="button" className="button button-quiet button-danger-text" onClick={() => patch({ rules: d.rules.filter((_, j) => j !== i) })}>{t('packs.author.removeRule', { n })}</button></div>
            </div>
          );
        })}
        <div><button type="button" className="button" onClick={() => patch({ rules: [...d.rules, emptyRule()] })}>{t('packs.author.addRule')}</button></div>
      </fieldset>
      {issues.length > 0 && (
        <div className="step-problems" role="alert">
          <p className="strong">{t('packs.author.invalid')}</p>
          <ul className="pack-issues">
            {issues.map((i, n) => <li key={n}>{i.path && <code>{i.path}</code>} {pickLanguage(i.message, i18n.language)}</li>)}
          </ul>
        </div>
      )}
      {made && <PackPreview pack={made} />}
      <div className="step-actions">
        <button type="button" className="button" onClick={onClose}>{t('packs.author.close')}</button>
        <button type="submit" className="button button-primary">{t('packs.author.export')}</button>
      </div>
    </form>
  );
}
