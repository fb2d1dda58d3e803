import { useTranslation } from 'react-i18next';
import type { RuleInputShown, RuleResult } from '../../core/estimate';
import { compareRule, SMB_BEST_WEEK_DATA, undeclaredPlanRule } from '../../core/estimate';
import { fareWords } from '../../core/estimate/channel-fares';
import type { Claim } from '../../core/model';
import { formatShare, formatWon, pickLanguage } from '../format';
import type { Problem } from '../setup/save';
import { Money } from './Money';
import { RuleInputsEditor, type RuleInputs } from './RuleInputsEditor';

interface WeekUsed { start: string; end: string; sales: number }
interface WeekSkipped { start: string; end: string; missingDays: string[] }

const isWeekList = <T,>(x: unknown): x is T[] => Array.isArray(x);

interface Props {
  rules: Record<string, RuleResult>;
  /** The app's lost profit, or null when it cannot be computed (counts only, no average ticket). */
  appEstimate: number | null;
  /** With both, the inputs the rules need are declared here (saved into the claim). */
  claim?: Claim;
  onSaveInputs?: (next: RuleInputs) => Promise<Problem[] | null>;
}

/** A declared input's value in words. */
function inputValue(input: RuleInputShown, lang: string): string | null {
  const v = input.value;
  if (v === null) return null;
  if (Array.isArray(v)) return v.join(', ');
  const n = Number(v);
  if (input.unit === 'won') return formatWon(n, lang);
  if (input.unit === 'rate') return formatShare(n);
  return n.toLocaleString('en-US');
}

/** What each claim channel's own rule gives (loss model section 3.3), beside the estimate, with the gap in words. */
export function RulesView({ rules, appEstimate, claim, onSaveInputs }: Props) {
  const { t, i18n } = useTranslation();
  // A paid plan's rule for a claimant outside its sub-kinds (Pro was never a franchise taxi's plan) is not
  // offered at all unless they declared its fee anyway.
  const list = Object.values(rules).filter((r) => r.eligible || !undeclaredPlanRule(r));
  if (list.length === 0) return <p className="muted">{t('estimate.rules.none')}</p>;
  const lang = i18n.language;
  return (
    <div className="rules">
      {claim && onSaveInputs && <RuleInputsEditor rules={list} claim={claim} onSave={onSaveInputs} />}
      {list.map((rule) => {
        const used = isWeekList<WeekUsed>(rule.details.weeksUsed) ? rule.details.weeksUsed : [];
        const skipped = isWeekList<WeekSkipped>(rule.details.weeksSkipped) ? rule.details.weeksSkipped : [];
        const isSmb = rule.id === SMB_BEST_WEEK_DATA.id;
        return (
          <article key={rule.id} className="rule" aria-labelledby={`rule-${rule.id}`}>
            <h3 id={`rule-${rule.id}`}>{i18n.language === 'en' ? rule.title.en : rule.title.ko}</h3>
            {rule.computable && rule.loss !== null ? (
              <p className="rule-figure">
                <span className="muted">{t('estimate.rules.loss')}</span> <Money won={rule.loss} />
                {rule.band && (
                  <span className="rule-band">
                    {' → '}
                    {rule.band.payout !== null ? (
                      <strong>{t('estimate.rules.payout', { amount: formatWon(rule.band.payout, i18n.language) })}</strong>
                    ) : (
                      <strong>{t('estimate.rules.review')}</strong>
                    )}
                  </span>
                )}
              </p>
            ) : (
              <p className="rule-figure muted">{rule.inputs.some((i) => i.value === null) ? t('estimate.rules.notComputableInputs') : t('estimate.rules.notComputable')}</p>
            )}
            {isSmb && (
              <ol className="band-scale" aria-label={t('estimate.rules.bands')}>
                {SMB_BEST_WEEK_DATA.bands.map((b) => (
                  <li key={b.id} className={rule.band?.id === b.id ? 'is-current' : undefined} aria-current={rule.band?.id === b.id ? 'true' : undefined}>
                    <span className="band-range">{pickLanguage(b.label, i18n.language).split(':')[0]}</span>
                    <span className="band-payout">{b.payout !== null ? formatWon(b.payout, i18n.language) : t('estimate.rules.review')}</span>
                  </li>
                ))}
              </ol>
            )}
            {!isSmb && rule.band && <p className="muted">{pickLanguage(rule.band.label, i18n.language)}</p>}
            {(used.length > 0 || skipped.length > 0) && (
              <table className="table weeks-table">
                <caption>{t('estimate.rules.weeksCaption', { used: used.length, skipped: skipped.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('estimate.rules.week')}</th>
                    <th scope="col" className="num">{t('estimate.rules.sales')}</th>
                  </tr>
                </thead>
                <tbody>
                  {used.map((w) => (
                    <tr key={w.start}>
                      <th scope="row">{w.start} – {w.end}</th>
                      <td className="num">{formatWon(w.sales, i18n.language)}</td>
                    </tr>
                  ))}
                  {skipped.map((w) => (
                    <tr key={w.start} className="is-skipped">
                      <th scope="row">{w.start} – {w.end}</th>
                      <td className="num muted">{t('estimate.rules.skipped', { days: w.missingDays.length })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {typeof rule.details.earningsDuring === 'number' && typeof rule.details.earningsWeekBefore === 'number' && (
              <p className="muted">
                {t('estimate.rules.taxiCompare', {
                  during: formatWon(rule.details.earningsDuring, i18n.language),
                  before: formatWon(rule.details.earningsWeekBefore, i18n.language),
                })}
              </p>
            )}
            {rule.inputs.length > 0 && (
              <ul className="rule-declared" aria-label={t('estimate.rules.inputs.declaredLabel')}>
                {rule.inputs.map((input) => {
                  const value = inputValue(input, lang);
                  const name = lang === 'en' && input.name.en ? input.name.en : input.name.ko;
                  return (
                    <li key={input.id}>
                      {value === null
                        ? t('estimate.rules.inputs.missing', { name })
                        : t('estimate.rules.inputs.declared', { name, value, count: input.evidenceIds.length })}
                    </li>
                  );
                })}
              </ul>
            )}
            <p className="rule-gap" data-testid={`rule-gap-${rule.id}`}>
              {(() => {
                const words = compareRule(rule, appEstimate, claim ? { ticket: fareWords(claim.claimant.kind).name } : {}).words;
                return lang === 'en' ? words.en : words.ko;
              })()}
            </p>
            {rule.notes.map((n, i) => (
              <p key={i} className="field-hint">{pickLanguage(n, i18n.language)}</p>
            ))}
            <p className="source">{t('estimate.source', { source: rule.source })}</p>
          </article>
        );
      })}
    </div>
  );
}
