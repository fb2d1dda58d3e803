import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { estimateClaim } from '../../core/estimate/estimate-claim';
import type { ClaimEstimate } from '../../core/estimate/types';
import type { Claim } from '../../core/model/claim';
import { ClaimValidationError, loadClaim, saveClaimDocument } from '../../db';
import type { ClaimBody, LoadedClaim } from '../../db';
import { EmptyState } from '../components/EmptyState';
import { useDb } from '../desk';
import { earningsContext, formatWon } from '../format';
import { useNotices } from '../notices';
import { hrefOf } from '../routes';
import type { RouteId } from '../routes';
import { ExpectedActualChart } from '../charts/ExpectedActualChart';
import type { ExpectedActualPoint } from '../charts/ExpectedActualChart';
import { WEEK_COLORS, WeeklyTotalsChart } from '../charts/WeeklyTotalsChart';
import type { WeeklyTotal } from '../charts/WeeklyTotalsChart';
import { formatAxisWon, formatShortWon } from '../charts/format';
import { DeclaredBaselineForm } from './DeclaredBaselineForm';
import { BaselineMethod, EstimateSettings } from './MethodSettings';
import { ReferenceCalendar } from './ReferenceCalendar';
import { bucketLabel, inLanguage, longDate, shortDate } from './dates';
import { changeK, pickReferenceDates, referencePlan, resetAll, resetWindowDate, toggleAbnormal } from './reference-plan';
import type { BaselineChange } from './reference-plan';
import { KAKAO_2022 } from '../../core/incidents/ids';

const BEST_WEEK_RULE = KAKAO_2022.smbBestWeekRule;

/** Loads the claim live (any change anywhere re-renders), keeps an undo history of this page's saves. */
function useBaselineClaim(claimId: string) {
  const db = useDb();
  const { notify, reportError } = useNotices();
  const loaded = useLiveQuery(() => loadClaim(db, claimId), [db, claimId]);
  const history = useRef<Partial<ClaimBody>[]>([]);
  const [depth, setDepth] = useState(0);
  const [saving, setSaving] = useState(false);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    history.current = [];
    setDepth(0);
  }, [claimId]);

  const write = useCallback(
    async (body: Partial<ClaimBody>) => {
      try {
        await saveClaimDocument(db, claimId, body);
        return true;
      } catch (err) {
        if (err instanceof ClaimValidationError) notify(err.message, 'error');
        else reportError(err);
        return false;
      }
    },
    [db, claimId, notify, reportError],
  );

  /** Changes are computed from the freshest stored claim, one at a time, so quick clicks never race. */
  const apply = useCallback(
    (make: (claim: Claim) => BaselineChange, message?: string): Promise<boolean> => {
      const run = async () => {
        setSaving(true);
        try {
          const fresh = await loadClaim(db, claimId);
          if (fresh.status !== 'ready') return false;
          const before = fresh.row.body as Partial<ClaimBody>;
          const ok = await write({ ...before, ...make(fresh.claim) });
          if (ok) {
            history.current.push(before);
            setDepth(history.current.length);
            if (message) notify(message);
          }
          return ok;
        } finally {
          setSaving(false);
        }
      };
      const next = queue.current.then(run, run);
      queue.current = next;
      return next;
    },
    [db, claimId, write, notify],
  );

  const undo = useCallback(async () => {
    const previous = history.current.pop();
    setDepth(history.current.length);
    if (previous && (await write(previous))) return true;
    return false;
  }, [write]);

  return { loaded, apply, undo, canUndo: depth > 0, saving };
}

const ROUTE_OF_FIELD: Record<string, RouteId> = {
  claimant: 'claimant', incident: 'incident', records: 'records', evidence: 'evidence', directItems: 'evidence', indirectItems: 'estimate',
};

function DraftNotice({ loaded }: { loaded: Extract<LoadedClaim, { status: 'draft' }> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const shown = loaded.issues.slice(0, 6);
  const first = loaded.issues[0]?.path.split(/[.[]/)[0] ?? '';
  const route: RouteId = ROUTE_OF_FIELD[first] ?? 'claimant';
  return (
    <section className="empty-state" data-testid="baseline-draft">
      <h2>{t('baseline.draftTitle')}</h2>
      <p>{t('baseline.draftBody')}</p>
      <ul className="draft-issues">
        {shown.map((i) => (
          <li key={`${i.path}:${i.message.ko}`}>
            <code>{i.path || '—'}</code> {inLanguage(i.message, lang)}
          </li>
        ))}
      </ul>
      {loaded.issues.length > shown.length && <p className="muted">{t('baseline.draftMore', { count: loaded.issues.length - shown.length })}</p>}
      <a className="button button-primary" href={hrefOf(route)}>
        {t('baseline.draftAction', { page: t(`nav.${route}`) })}
      </a>
    </section>
  );
}

export function BaselineView({ claimId }: { claimId: string }) {
  const { t } = useTranslation();
  const { loaded, apply, undo, canUndo, saving } = useBaselineClaim(claimId);
  if (loaded === undefined) return <p className="muted">{t('baseline.loading')}</p>;
  if (loaded.status === 'missing') return <EmptyState title={t('baseline.missingTitle')} body={t('baseline.missingBody')} action={{ label: t('nav.claimant'), to: 'claimant' }} />;
  if (loaded.status === 'draft') return <DraftNotice loaded={loaded} />;
  return <ReadyBaseline claim={loaded.claim} apply={apply} undo={undo} canUndo={canUndo} saving={saving} />;
}

interface ReadyProps {
  claim: Claim;
  apply: (make: (claim: Claim) => BaselineChange, message?: string) => Promise<boolean>;
  undo: () => Promise<boolean>;
  canUndo: boolean;
  saving: boolean;
}

function ReadyBaseline({ claim, apply, undo, canUndo, saving }: ReadyProps) {
  const { t, i18n } = useTranslation();
  const { notify } = useNotices();
  const lang = i18n.language;
  // Every figure on this page comes from the one engine call (architecture: nothing recomputes a figure).
  const estimate = useMemo(() => estimateClaim(claim), [claim]);
  const plans = useMemo(() => referencePlan(claim, estimate), [claim, estimate]);
  const money = (n: number) => formatWon(n, lang);
  const hasRecords = claim.records.length > 0;
  const declared = estimate.baseline === 'declared' || claim.parameters.baseline === 'declared' || !hasRecords;
  const range = estimate.lostProfitRange;
  const earnings = earningsContext(claim.claimant.kind);

  const onUndo = async () => {
    if (await undo()) notify(t('baseline.undo.undone'));
  };

  return (
    <div className="baseline">
      <section className="baseline-summary" aria-labelledby="baseline-summary-title">
        <h2 id="baseline-summary-title">{t('baseline.summary.title')}</h2>
        <dl className="bl-figure-row">
          <div className="bl-figure" data-testid="figure-expected">
            <dt>
              {t('baseline.summary.expected', { context: earnings })}
              {estimate.baseline === 'declared' && <span className="tag tag-declared">{t('baseline.declaredTag')}</span>}
            </dt>
            <dd className="bl-figure-big">{money(estimate.expectedRevenue)}</dd>
          </div>
          <div className="bl-figure" data-testid="figure-actual">
            <dt>{t('baseline.summary.actual', { context: earnings })}</dt>
            <dd className="bl-figure-big">{money(estimate.actualRevenue)}</dd>
          </div>
          <div className="bl-figure" data-testid="figure-lost-profit">
            <dt>{t('baseline.summary.lostProfit')}</dt>
            <dd className="bl-figure-big">{money(estimate.lostProfit)}</dd>
            <dd className="bl-figure-range">
              {t('baseline.summary.range', { level: Math.round(range.level * 100), low: money(range.low), high: money(range.high) })}
            </dd>
          </div>
        </dl>
        <p className="muted">
          {estimate.baseline === 'same-slot' && <>{t('baseline.summary.kUsed', { k: estimate.referenceDates.k, requested: estimate.referenceDates.requestedK })} </>}
          {t('baseline.summary.driver', { driver: inLanguage(range.driverLabel, lang) })}
        </p>
        <div className="baseline-actions">
          <button type="button" className="button" disabled={!canUndo || saving} onClick={() => void onUndo()}>
            {t('baseline.undo.undo')}
          </button>
          <button type="button" className="button button-quiet" disabled={saving} onClick={() => void apply(resetAll, t('baseline.undo.resetAllDone'))}>
            {t('baseline.undo.resetAll')}
          </button>
          <span className="muted" role="status">{saving ? t('baseline.summary.saving') : t('baseline.summary.saved')}</span>
        </div>
      </section>

      <ExpectedActualSection estimate={estimate} kind={claim.claimant.kind} />

      {estimate.warnings.length > 0 && (
        <section className="section baseline-warnings" aria-labelledby="baseline-warnings-title">
          <h2 id="baseline-warnings-title">{t('baseline.warningsTitle')}</h2>
          <ul>
            {estimate.warnings.map((w) => <li key={w.code + w.message.ko}>{inLanguage(w.message, lang)}</li>)}
          </ul>
        </section>
      )}

      <section className="section" aria-labelledby="baseline-method-title">
        <h2 id="baseline-method-title">{t('baseline.method.title')}</h2>
        {!hasRecords && (
          <div className="bl-callout">
            <p className="strong">{t('baseline.noRecordsTitle', { context: earnings })}</p>
            <p>{t('baseline.noRecordsBody', { context: earnings })}</p>
            <a href={hrefOf('records')}>{t('baseline.noRecordsAction')}</a>
          </div>
        )}
        <BaselineMethod
          claim={claim}
          estimate={estimate}
          disabled={saving}
          onMethod={(method) => void apply((c) => ({ parameters: { ...c.parameters, baseline: method } }))}
        />
      </section>

      {declared ? (
        <section className="section" aria-labelledby="baseline-declared-title">
          <h2 id="baseline-declared-title">
            {t('baseline.declared.title', { context: earnings })} <span className="tag tag-declared">{t('baseline.declaredTag')}</span>
          </h2>
          <p className="bl-callout">{t('baseline.declared.noStatRange', { pct: Math.round(claim.parameters.assumedBandPct * 100), context: earnings })}</p>
          <DeclaredBaselineForm
            declared={claim.declaredBaseline}
            kind={claim.claimant.kind}
            onSave={(value) => apply(() => ({ declaredBaseline: value }), t('baseline.declared.saved', { context: earnings }))}
          />
        </section>
      ) : (
        <>
          <section className="section" aria-labelledby="baseline-settings-title">
            <h2 id="baseline-settings-title">{t('baseline.settings.title')}</h2>
            <EstimateSettings
              claim={claim}
              estimate={estimate}
              disabled={saving}
              onEstimator={(e) => void apply((c) => ({ parameters: { ...c.parameters, estimator: e } }))}
              onK={(k) => {
                const switched = changeK(claim, k).estimatorSwitched;
                void apply((c) => changeK(c, k).change, switched ? t('baseline.settings.kTrimmedSwitched') : undefined);
              }}
              onTrend={(on) => void apply((c) => ({ parameters: { ...c.parameters, trendFactor: on } }))}
            />
          </section>
          <section className="section" aria-labelledby="baseline-calendar-title">
            <h2 id="baseline-calendar-title">{t('baseline.calendar.title')}</h2>
            <ReferenceCalendar
              plans={plans}
              abnormalDates={claim.referenceDates.abnormalDates}
              disabled={saving}
              onToggleAbnormal={(date) => {
                const marking = !claim.referenceDates.abnormalDates.includes(date);
                void apply(
                  (c) => toggleAbnormal(c, date),
                  t(marking ? 'baseline.calendar.abnormalMarked' : 'baseline.calendar.abnormalUnmarked', { date: longDate(date, t) }),
                );
              }}
              onPick={(windowDate, dates) => void apply((c) => pickReferenceDates(c, windowDate, dates))}
              onResetDate={(windowDate) => void apply((c) => resetWindowDate(c, windowDate))}
            />
          </section>
        </>
      )}

      <WeeklySection estimate={estimate} />

      <p className="bl-next-step">
        <a className="button button-primary" href={hrefOf('estimate')}>{t('baseline.action')}</a>
        <span className="muted">{t('baseline.summary.next')}</span>
      </p>
    </div>
  );
}

/** Per-bucket band, derived honestly: min–max of the reference values, or the assumed ±band when declared. */
export function expectedActualPoints(estimate: ClaimEstimate, label: (bucket: string) => string): ExpectedActualPoint[] {
  const assumed = estimate.baseline === 'declared' ? estimate.lostProfitRange.bandPct : null;
  return estimate.buckets.map((b) => {
    let band: [number, number] | null = null;
    if (b.referenceRevenue.length > 0) band = [Math.min(...b.referenceRevenue), Math.max(...b.referenceRevenue)];
    else if (assumed !== null) band = [b.expectedRevenue * (1 - assumed), b.expectedRevenue * (1 + assumed)];
    return { key: b.bucket, label: label(b.bucket), expected: b.expectedRevenue, actual: b.actualRevenue, band };
  });
}

function ExpectedActualSection({ estimate, kind }: { estimate: ClaimEstimate; kind: string }) {
  const { t, i18n } = useTranslation();
  const context = earningsContext(kind);
  const lang = i18n.language;
  const points = expectedActualPoints(estimate, (b) => bucketLabel(b, t));
  const declared = estimate.baseline === 'declared';
  const pct = Math.round((estimate.lostProfitRange.bandPct ?? 0) * 100);
  const bandText = declared ? t('baseline.chart.bandAssumed', { pct }) : t('baseline.chart.band');
  const hasBand = points.some((p) => p.band);
  return (
    <section className="section" aria-labelledby="baseline-chart-title">
      <h2 id="baseline-chart-title">{t('baseline.chart.title', { context })}</h2>
      <ExpectedActualChart
        points={points}
        formatMoney={(n) => formatWon(n, lang)}
        formatAxis={(n) => formatAxisWon(n, lang)}
        titleHidden
        texts={{
          title: t('baseline.chart.title', { context }),
          description: t('baseline.chart.description', { count: points.length, band: bandText, context }),
          expected: declared ? t('baseline.chart.expectedDeclared', { context }) : t('baseline.chart.expected', { context }),
          actual: t('baseline.chart.actual', { context }),
          band: bandText,
          bucket: t('baseline.chart.bucket'),
          tableCaption: t('baseline.chart.tableCaption', { context }),
          none: t('baseline.chart.none'),
        }}
      />
      <p className="bl-chart-note">
        {!hasBand ? t('baseline.chart.noBand') : declared ? t('baseline.chart.bandAssumedNote', { pct, context }) : t('baseline.chart.bandNote', { k: estimate.referenceDates.k })}
      </p>
    </section>
  );
}

interface BestWeekDetails {
  outageWeek: { start: string; end: string; sales: number; missingDays: string[] };
  bestWeek?: { start: string; end: string; sales: number };
  weeksUsed: { start: string; end: string; sales: number }[];
  weeksSkipped: { start: string; end: string; missingDays: string[] }[];
}

/** Section 3.3's weekly view, drawn only from the rule's own figures. */
export function weeklyTotals(
  details: BestWeekDetails,
  label: (start: string, end: string) => string,
  skippedNote: (days: string[]) => string,
  axisLines?: (start: string, end: string) => string[],
): WeeklyTotal[] {
  const lines = (start: string, end: string) => (axisLines ? { axisLines: axisLines(start, end) } : {});
  const weeks: WeeklyTotal[] = [
    ...details.weeksUsed.map((w) => ({
      key: w.start,
      label: label(w.start, w.end),
      ...lines(w.start, w.end),
      sales: w.sales,
      kind: details.bestWeek?.start === w.start ? ('best' as const) : ('used' as const),
      note: '',
    })),
    ...details.weeksSkipped.map((w) => ({ key: w.start, label: label(w.start, w.end), ...lines(w.start, w.end), sales: null, kind: 'skipped' as const, note: skippedNote(w.missingDays) })),
    { key: details.outageWeek.start, label: label(details.outageWeek.start, details.outageWeek.end), ...lines(details.outageWeek.start, details.outageWeek.end), sales: details.outageWeek.sales, kind: 'outage' as const, note: '' },
  ];
  return weeks.sort((a, b) => a.key.localeCompare(b.key));
}

function WeeklySection({ estimate }: { estimate: ClaimEstimate }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rule = estimate.rules[BEST_WEEK_RULE];
  if (!rule) return null;
  const details = rule.details as unknown as BestWeekDetails;
  if (!details.outageWeek) return null;
  const money = (n: number) => formatWon(n, lang);
  const weeks = weeklyTotals(
    details,
    (from, to) => t('baseline.weekly.weekLabel', { from: shortDate(from, t), to: shortDate(to, t) }),
    (days) => t('baseline.weekly.skippedReason', { count: days.length, days: days.map((d) => shortDate(d, t)).join(', ') }),
    (from, to) => [t('baseline.weekly.axisFrom', { from: shortDate(from, t) }), shortDate(to, t)],
  );
  return (
    <section className="section" aria-labelledby="baseline-weekly-title" data-testid="weekly-section">
      <h2 id="baseline-weekly-title">{t('baseline.weekly.title')}</h2>
      <WeeklyTotalsChart
        weeks={weeks}
        formatMoney={money}
        formatAxis={(n) => formatAxisWon(n, lang)}
        formatLabel={(n) => formatShortWon(n, lang)}
        titleHidden
        texts={{
          title: t('baseline.weekly.title'),
          description: t('baseline.weekly.description'),
          best: t('baseline.weekly.best'),
          outage: t('baseline.weekly.outage'),
          used: t('baseline.weekly.used'),
          skipped: t('baseline.weekly.skipped'),
          week: t('baseline.weekly.week'),
          sales: t('baseline.weekly.sales'),
          status: t('baseline.weekly.status'),
          tableCaption: t('baseline.weekly.tableCaption'),
          bestLine: details.bestWeek ? t('baseline.weekly.bestLine', { value: formatShortWon(details.bestWeek.sales, lang) }) : '',
        }}
      />
      <ul className="weekly-facts">
        {details.bestWeek && (
          <li>
            <span className="desk-chart-swatch" style={{ background: WEEK_COLORS.best }} aria-hidden="true" />
            {t('baseline.weekly.best')} {t('baseline.weekly.weekLabel', { from: shortDate(details.bestWeek.start, t), to: shortDate(details.bestWeek.end, t) })}:{' '}
            <strong data-testid="best-week-sales">{money(details.bestWeek.sales)}</strong>
          </li>
        )}
        <li>
          <span className="desk-chart-swatch" style={{ background: WEEK_COLORS.outage }} aria-hidden="true" />
          {t('baseline.weekly.outage')} {t('baseline.weekly.weekLabel', { from: shortDate(details.outageWeek.start, t), to: shortDate(details.outageWeek.end, t) })}:{' '}
          <strong data-testid="outage-week-sales">{money(details.outageWeek.sales)}</strong>
        </li>
        {details.weeksSkipped.map((w) => (
          <li key={w.start} className="muted">
            {t('baseline.weekly.skipped')} {t('baseline.weekly.weekLabel', { from: shortDate(w.start, t), to: shortDate(w.end, t) })}:{' '}
            {t('baseline.weekly.skippedReason', { count: w.missingDays.length, days: w.missingDays.map((d) => shortDate(d, t)).join(', ') })}
          </li>
        ))}
      </ul>
      <p className="weekly-loss">
        {rule.computable && rule.loss !== null && rule.band
          ? t('baseline.weekly.loss', { loss: money(rule.loss), band: inLanguage(rule.band.label, lang) })
          : t('baseline.weekly.notComputable')}
      </p>
      {rule.notes.map((n) => <p key={n.ko} className="muted">{inLanguage(n, lang)}</p>)}
      <p className="muted">{t('baseline.weekly.source', { source: rule.source })}</p>
    </section>
  );
}
