import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ESTIMATORS } from '../../core/model/claim';
import type { Claim, Estimator } from '../../core/model/claim';
import type { ClaimEstimate } from '../../core/estimate/types';
import { earningsContext, formatWon } from '../format';
import { bucketLabel } from './dates';

interface MethodProps {
  claim: Claim;
  estimate: ClaimEstimate;
  disabled: boolean;
  onMethod: (method: 'same-slot' | 'declared') => void;
}

/** Same-slot (records) or declared (section 3.1 / 3.2); `auto` shows as what it resolved to. */
export function BaselineMethod({ claim, estimate, disabled, onMethod }: MethodProps) {
  const { t } = useTranslation();
  const name = useId();
  const chosen = claim.parameters.baseline;
  const shown = chosen === 'auto' ? (estimate.baseline === 'declared' || claim.records.length === 0 ? 'declared' : 'same-slot') : chosen;
  const pct = Math.round(claim.parameters.assumedBandPct * 100);
  const context = earningsContext(claim.claimant.kind);
  return (
    <fieldset className="bl-choice-group">
      {/* The section heading above says the same: the legend stays for screen readers. */}
      <legend className="visually-hidden">{t('baseline.method.title')}</legend>
      <label className="bl-choice">
        <input type="radio" name={name} checked={shown === 'same-slot'} disabled={disabled} onChange={() => onMethod('same-slot')} />
        <span>
          <span className="bl-choice-label">{t('baseline.method.sameSlot')}</span>
          <span className="bl-choice-help">{t('baseline.method.sameSlotHelp')}</span>
        </span>
      </label>
      <label className="bl-choice">
        <input type="radio" name={name} checked={shown === 'declared'} disabled={disabled} onChange={() => onMethod('declared')} />
        <span>
          <span className="bl-choice-label">
            {t('baseline.method.declared', { context })} <span className="tag tag-declared">{t('baseline.declaredTag')}</span>
          </span>
          <span className="bl-choice-help">{t('baseline.method.declaredHelp', { pct, context })}</span>
        </span>
      </label>
      {chosen === 'auto' && <p className="muted">{t('baseline.method.autoNote', { context })}</p>}
    </fieldset>
  );
}

interface SettingsProps {
  claim: Claim;
  estimate: ClaimEstimate;
  disabled: boolean;
  onEstimator: (e: Estimator) => void;
  onK: (k: number) => void;
  onTrend: (on: boolean) => void;
}

const K_CHOICES = Array.from({ length: 11 }, (_, i) => i + 2);

/** Estimator, K and the trend factor (section 3.1), each explained where it is chosen. */
export function EstimateSettings({ claim, estimate, disabled, onEstimator, onK, onTrend }: SettingsProps) {
  const { t, i18n } = useTranslation();
  const name = useId();
  const kId = useId();
  const kHelpId = useId();
  const trendHelpId = useId();
  const p = claim.parameters;
  const money = (n: number) => formatWon(n, i18n.language);
  const trend = estimate.trend;
  const lastBefore = trend.hours[trend.hours.length - 1];
  const firstWindow = estimate.buckets[0]?.bucket;
  return (
    <div className="bl-settings-grid">
      <fieldset className="bl-choice-group">
        <legend>{t('baseline.settings.estimator')}</legend>
        {ESTIMATORS.map((e) => {
          const needsK = e === 'trimmed' && p.k < 4;
          return (
            <label className="bl-choice" key={e}>
              <input type="radio" name={name} value={e} checked={p.estimator === e} disabled={disabled || needsK} onChange={() => onEstimator(e)} />
              <span>
                <span className="bl-choice-label">{t(`baseline.settings.${e}`)}</span>
                <span className="bl-choice-help">{t(`baseline.settings.${e}Help`)}</span>
                {needsK && <span className="bl-choice-help bl-choice-warn">{t('baseline.settings.trimmedNeedsK')}</span>}
              </span>
            </label>
          );
        })}
      </fieldset>
      <div className="bl-settings-side">
        <div className="bl-field">
          <label htmlFor={kId}>{t('baseline.settings.k')}</label>
          <select id={kId} value={p.k} disabled={disabled} aria-describedby={kHelpId} onChange={(e) => onK(Number(e.target.value))}>
            {K_CHOICES.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
          <p className="bl-choice-help" id={kHelpId}>{t('baseline.settings.kHelp')}</p>
        </div>
        <div className="bl-field">
          <label className="bl-choice">
            <input type="checkbox" checked={p.trendFactor} disabled={disabled} aria-describedby={trendHelpId} onChange={(e) => onTrend(e.target.checked)} />
            <span className="bl-choice-label">{t('baseline.settings.trend')}</span>
          </label>
          <p className="bl-choice-help" id={trendHelpId}>{t('baseline.settings.trendHelp', { context: earningsContext(claim.claimant.kind) })}</p>
          {p.trendFactor && (
            trend.applied && lastBefore && firstWindow ? (
              <div className="trend-figures" data-testid="trend-figures">
                <p className="strong">{t('baseline.settings.trendFactor', { factor: trend.factor.toFixed(3) })}</p>
                <p className="bl-choice-help">
                  {t('baseline.settings.trendHours', {
                    count: trend.hours.length,
                    from: bucketLabel(trend.hours[0]!, t),
                    to: bucketLabel(firstWindow, t),
                    actual: money(trend.actualBefore),
                    expected: money(trend.expectedBefore),
                  })}
                </p>
                {trend.rawFactor !== null && trend.rawFactor !== trend.factor && (
                  <p className="bl-choice-help">{t('baseline.settings.trendRaw', { raw: trend.rawFactor.toFixed(3) })}</p>
                )}
              </div>
            ) : (
              <p className="bl-choice-help bl-choice-warn">{t('baseline.settings.trendNotApplied')}</p>
            )
          )}
        </div>
      </div>
    </div>
  );
}
