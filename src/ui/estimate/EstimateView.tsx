import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { minimumWageFor, wageYearOf } from '../../core/estimate';
import type { Assumption, ClaimEstimate } from '../../core/estimate';
import type { Claim, DirectItem, IndirectItem } from '../../core/model';
import type { IncidentPack } from '../../core/model/incident-pack';
import { textIn } from '../../core/model/common';
import type { ClaimBody, ClaimRow } from '../../db';
import { estimatorKo } from '../../core/packet/format';
import { earningsContext, formatCount, formatKstWindow, formatShare, formatWon, pickLanguage } from '../format';
import { hrefOf } from '../routes';
import { useSaveBody } from '../setup/save';
import { DirectItemsEditor, IndirectItemsEditor } from './ItemsEditor';
import { Money } from './Money';
import { hrefOfFix, readinessOf } from './readiness';
import { RulesView } from './RulesView';

interface Props {
  row: ClaimRow;
  claim: Claim;
  estimate: ClaimEstimate;
  /** The claim's pack when it is stored here, not bundled. */
  pack?: IncidentPack | undefined;
}

/** Every figure of the engine for one claim, laid out like the packet's summary page. */
export function EstimateView({ row, claim, estimate: e, pack }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const save = useSaveBody(row.id);
  const body = (row.body ?? {}) as Partial<ClaimBody>;
  const [busyAlpha, setBusyAlpha] = useState(false);
  const range = e.lostProfitRange;
  const wage = minimumWageFor(wageYearOf(claim.incident));
  const takenIds = [...claim.directItems.map((i) => i.id), ...claim.indirectItems.map((i) => i.id)];

  /** Saves a changed document; a refusal comes back as problems for the editor to show. */
  async function saveBody(next: Partial<ClaimBody>) {
    const outcome = await save(next, {});
    return outcome.ok ? null : outcome.problems;
  }

  async function setWideRange(wide: boolean) {
    setBusyAlpha(true);
    await saveBody({ ...body, parameters: { ...(body.parameters ?? {}), alpha: wide ? 0.05 : 0.2 } });
    setBusyAlpha(false);
  }

  const revenueKnown = e.revenue.computable;
  // A driver earns fares (수입, 평균 요금), a shop makes sales (매출, 평균 객단가): i18next's `_driver` keys.
  const who = earningsContext(claim.claimant.kind);
  const readiness = readinessOf(claim, e, pack);
  const readyCount = readiness.filter((r) => r.ok).length;

  return (
    <div className="estimate">
      <section className="total-box" aria-labelledby="total-title">
        <h2 id="total-title" className="total-label">{t('estimate.total')}</h2>
        <p className="total-figure" data-testid="claim-total"><Money won={e.claimTotal} reading /></p>
        {!revenueKnown && <p className="field-hint" data-testid="total-without-lp">{t('estimate.notComputable.total', { context: who })}</p>}
        <dl className="split">
          <div>
            <dt>{t('estimate.direct.title')}</dt>
            <dd data-testid="direct-total">
              <Money won={e.directTotal} />
              {!revenueKnown && <span className="muted"> {t('estimate.notComputable.directWithout')}</span>}
            </dd>
          </div>
          {/* The "+" between the two is drawn by CSS: a <dl> may hold only dt/dd groups (axe definition-list). */}
          <div className="split-plus">
            <dt>{t('estimate.indirect.title')}</dt>
            <dd data-testid="indirect-total"><Money won={e.indirectTotal} /></dd>
          </div>
        </dl>
      </section>

      <section className="section" aria-labelledby="lp-title">
        <h2 id="lp-title">{t('estimate.lostProfit.title')}</h2>
        {revenueKnown ? (
          <>
            <div className="lp-line">
              <span className="lp-figure" data-testid="lost-profit"><Money won={e.lostProfit} /></span>
              <span className="lp-range" data-testid="lost-profit-range">
                {t('estimate.lostProfit.range', { level: formatShare(range.level), low: formatWon(range.low, lang), high: formatWon(range.high, lang) })}
              </span>
            </div>
            <p className="field-hint" data-testid="range-driver">
              {range.driver === 'reference-weeks'
                ? t('estimate.lostProfit.driverWeeks', { driver: pickLanguage(range.driverLabel, lang) })
                : t('estimate.lostProfit.driverAssumed', { pct: formatShare(range.bandPct ?? 0), context: who })}
            </p>
            <label className="check-row range-toggle">
              <input type="checkbox" checked={range.alpha === 0.05} disabled={busyAlpha} onChange={(ev) => void setWideRange(ev.target.checked)} />
              <span>{t('estimate.lostProfit.wide')}</span>
            </label>
          </>
        ) : (
          // Section 1: counts only and no ticket. The words and the counts; no revenue shown as 0.
          <div className="notice-inline" role="status" data-testid="revenue-not-computable">
            <p className="lp-figure" data-testid="lost-profit">{t('estimate.notComputable.figure')}</p>
            <p>{e.revenue.message && pickLanguage(e.revenue.message, lang)}</p>
          </div>
        )}

        <dl className="facts calc-facts">
          <dt>{t('estimate.calc.E')}</dt>
          <dd data-testid="fig-E">{revenueKnown ? formatWon(e.expectedRevenue, lang) : t('estimate.notComputable.short')} <span className="muted">{t('estimate.calc.Ehint', { count: formatCount(e.expectedCount) })}</span></dd>
          <dt>{t('estimate.calc.A')}</dt>
          <dd data-testid="fig-A">{revenueKnown ? formatWon(e.actualRevenue, lang) : t('estimate.notComputable.short')} <span className="muted">{t('estimate.calc.Ahint', { count: formatCount(e.actualCount) })}</span></dd>
          <dt>{t('estimate.calc.lostCount')}</dt>
          <dd data-testid="fig-lost-count">{t('estimate.calc.count', { count: formatCount(e.lostCount) })}</dd>
          <dt>{t('estimate.calc.LR', { context: who })}</dt>
          <dd data-testid="fig-LR">{revenueKnown ? formatWon(e.lostRevenue, lang) : t('estimate.notComputable.short')}</dd>
          <dt>{t('estimate.calc.m')}</dt>
          <dd data-testid="fig-m">
            {t('estimate.calc.mValue', { m: formatShare(e.margin.m), v: formatShare(e.margin.v), c: formatShare(e.margin.c) })}{' '}
            <span className={e.margin.vConfirmed && e.margin.cConfirmed ? 'tag tag-ok' : 'tag tag-warn'}>
              {e.margin.vConfirmed && e.margin.cConfirmed ? t('estimate.confirmed') : t('estimate.notConfirmed')}
            </span>
          </dd>
          <dt>{t('estimate.calc.LP')}</dt>
          <dd>{revenueKnown ? t('estimate.calc.LPvalue', { lr: formatWon(e.lostRevenue, lang), m: formatShare(e.margin.m), lp: formatWon(e.lostProfit, lang) }) : t('estimate.notComputable.short')}</dd>
        </dl>
        <p className="field-hint">
          {t('estimate.calc.window', { buckets: e.claimWindow.bucketCount, unit: t(`estimate.unit.${e.granularity}`) })}
        </p>
      </section>

      <section className="section" aria-labelledby="direct-title">
        <h2 id="direct-title">{t('estimate.direct.itemsTitle')}</h2>
        <p className="field-hint">{t('estimate.direct.lead', { context: who })}</p>
        <DirectItemsEditor
          items={claim.directItems}
          who={who}
          figures={e.directItems}
          takenIds={takenIds}
          onSave={(items: DirectItem[]) => saveBody({ ...body, directItems: items })}
        />
      </section>

      <section className="section" aria-labelledby="indirect-title">
        <h2 id="indirect-title">{t('estimate.indirect.itemsTitle')}</h2>
        <p className="field-hint">{t('estimate.indirect.lead')}</p>
        <IndirectItemsEditor
          items={claim.indirectItems}
          who={who}
          figures={e.indirectItems}
          takenIds={takenIds}
          minimumWage={{ wage: wage.wage, year: wage.tableYear }}
          onSave={(items: IndirectItem[]) => saveBody({ ...body, indirectItems: items })}
        />
      </section>

      <section className="section" aria-labelledby="rules-title">
        <h2 id="rules-title">{t('estimate.rules.title')}</h2>
        <p className="field-hint">{t('estimate.rules.lead')}</p>
        <RulesView
          rules={e.rules}
          appEstimate={revenueKnown ? e.lostProfit : null}
          claim={claim}
          onSaveInputs={(ruleInputs) => saveBody({ ...body, ruleInputs })}
        />
      </section>

      <section className="section" aria-labelledby="assumptions-title">
        <h2 id="assumptions-title">{t('estimate.assumptions.title')}</h2>
        <table className="table assumptions-table">
          <thead>
            <tr>
              <th scope="col">{t('estimate.assumptions.what')}</th>
              <th scope="col">{t('estimate.assumptions.value')}</th>
              <th scope="col">{t('estimate.assumptions.source')}</th>
              <th scope="col">{t('estimate.assumptions.confirmed')}</th>
            </tr>
          </thead>
          <tbody>
            {e.assumptions.map((a) => (
              <tr key={a.id}>
                <th scope="row">{textIn(a.label, lang)}</th>
                <td>{assumptionValue(a, lang, t)}</td>
                <td className="source-cell">{pickLanguage(a.source, lang)}</td>
                <td>{a.confirmed === null ? <span className="muted">{t(`estimate.assumptions.${a.basis ?? 'method'}`)}</span> : a.confirmed ? t('estimate.confirmed') : <span className="tag tag-warn">{t('estimate.notConfirmed')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {e.warnings.some((w) => w.code !== 'revenue-not-computable') && (
        <section className="section" aria-labelledby="warnings-title">
          <h2 id="warnings-title">{t('estimate.warnings')}</h2>
          <ul className="warnings">
            {e.warnings.filter((w) => w.code !== 'revenue-not-computable').map((w, i) => <li key={`${w.code}-${i}`}>{pickLanguage(w.message, lang)}</li>)}
          </ul>
        </section>
      )}

      <section className="section" aria-labelledby="readiness-title">
        <h2 id="readiness-title">{t('estimate.readiness.title', { done: readyCount, total: readiness.length })}</h2>
        <p className="field-hint">{t('estimate.readiness.lead')}</p>
        <ul className="checklist">
          {readiness.map((r) => (
            <li key={r.key} className={r.ok ? 'is-ok' : 'is-missing'} data-readiness={r.id}>
              <span className="check-mark" aria-hidden="true">{r.ok ? '✓' : '•'}</span>
              <span className="visually-hidden">{r.ok ? t('estimate.readiness.ok') : t('estimate.readiness.missing')}</span>
              <span className="check-body">
                <span>{t(`estimate.readiness.item.${r.id}`, { ...r.values, ...(lang === 'en' ? { name: r.values.nameEn || r.values.name, channel: r.values.channelEn || r.values.channel } : {}), ...(r.context ? { context: r.context } : {}) })}</span>
                {!r.ok && <a href={hrefOfFix(r.fix)}>{t(`estimate.readiness.fix.${r.id}`, r.context ? { context: r.context } : {})}</a>}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <nav className="next-steps" aria-label={t('estimate.nextLabel')}>
        <a className="button" href={hrefOf('baseline')}>{t('estimate.backToBaseline')}</a>
        <a className="button button-primary" href={hrefOf('evidence')}>{t('estimate.action')}</a>
      </nav>
    </div>
  );
}

/** An assumption's value in words: shares as percents, won as won. */
/** An assumption's value in words, as the packet words it: the estimator by name, a service window as KST dates and times. */
function assumptionValue(a: Assumption, lang: string, t: TFunction): string {
  if (typeof a.value === 'boolean') return a.value ? t('estimate.assumptions.yes') : t('estimate.assumptions.no');
  if (typeof a.value === 'object') return textIn(a.value, lang);
  if (typeof a.value === 'string') {
    if (a.id === 'estimator') return lang === 'en' ? t(`baseline.settings.${a.value}`, { defaultValue: a.value }) : estimatorKo(a.value);
    const span = a.id.startsWith('window:') ? /^(\S+) – (\S+)$/.exec(a.value) : null;
    if (span) return formatKstWindow(span[1]!, span[2]!, lang);
    return a.value;
  }
  if (a.id === 'margin-v' || a.id === 'margin-c' || a.id === 'alpha' || a.id === 'assumed-band') return formatShare(a.value);
  if (a.id === 'average-ticket' || a.id === 'minimum-wage' || a.id.startsWith('average-fare:')) return formatWon(a.value, lang);
  if (a.id === 'trend-factor') return a.value.toFixed(3);
  return String(a.value);
}
