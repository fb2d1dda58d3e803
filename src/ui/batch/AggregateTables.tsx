import { useTranslation } from 'react-i18next';
import type { BatchAggregates, CountRow, LossStat } from '../../core/batch/aggregate';
import { CHART_COLORS } from '../charts/ExpectedActualChart';
import { formatWon } from '../format';
import { groupLabel, percent, regionName, serviceName } from './labels';
import { ShareChart } from './ShareChart';

/** The associations' tables, each with its chart where a chart helps; every number is from `aggregate`. */
export function AggregateTables({ aggregates: a }: { aggregates: BatchAggregates }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const pct = (share: number) => percent(share, lang);
  const num = (n: number) => n.toLocaleString(lang === 'en' ? 'en-US' : 'ko-KR');
  const labelled = (rows: readonly CountRow[], label: (key: string) => string) => rows.map((r) => ({ ...r, label: label(r.key) }));
  const sector = labelled(a.bySector, (k) => groupLabel('sector', k, t));
  const industry = labelled(a.byIndustry, (k) => groupLabel('industry', k, t));
  const service = labelled(a.byService, (k) => serviceName(k, t, lang));
  const region = labelled(a.byRegion, (k) => regionName(k, t, lang));
  const kind = labelled(a.byKind, (k) => groupLabel('kind', k, t));

  const countTable = (id: string, title: string, rows: readonly CountRow[], note?: string) => (
    <div className="batch-count-table">
      <h3 id={id}>{title}</h3>
      {note && <p className="muted">{note}</p>}
      <table className="table batch-table" aria-labelledby={id} data-testid={id}>
        <thead>
          <tr><th>{t('batch.tables.group')}</th><th className="num">{t('batch.tables.count')}</th><th className="num">{t('batch.tables.share')}</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}><td>{r.label}</td><td className="num">{num(r.count)}</td><td className="num">{pct(r.share)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  const lossRow = (label: string, s: LossStat) => (
    <tr key={label}>
      <td>{label}</td>
      <td className="num">{num(s.n)}</td>
      <td className="num">{formatWon(s.sum, lang)}</td>
      <td className="num">{s.median === null ? '–' : formatWon(s.median, lang)}</td>
    </tr>
  );

  return (
    <div className="batch-tables">
      <div className="batch-pair-grid">
        {countTable('batch-by-sector', t('batch.tables.sector'), sector)}
        <ShareChart title={t('batch.tables.chartSector')} description={t('batch.tables.chartDescription')} rows={sector} color={CHART_COLORS.expected} formatShare={pct} />
      </div>
      <div className="batch-pair-grid">
        {countTable('batch-by-service', t('batch.tables.service'), service, t('batch.tables.serviceNote'))}
        <ShareChart title={t('batch.tables.chartService')} description={t('batch.tables.chartDescription')} rows={service} color={CHART_COLORS.expected} formatShare={pct} />
      </div>
      <div className="batch-pair-grid">
        {countTable('batch-by-region', t('batch.tables.region'), region)}
        <ShareChart title={t('batch.tables.chartRegion')} description={t('batch.tables.chartDescription')} rows={region} color={CHART_COLORS.actual} formatShare={pct} />
      </div>
      <div className="batch-pair-grid">
        {countTable('batch-by-industry', t('batch.tables.industry'), industry)}
        {countTable('batch-by-kind', t('batch.tables.kind'), kind)}
      </div>

      <h3 id="batch-loss">{t('batch.tables.loss')}</h3>
      <p className="muted">{t('batch.tables.lossNote', { engine: num(a.basis.engine), declared: num(a.basis.declared), none: num(a.basis.none) })}</p>
      <table className="table batch-table" aria-labelledby="batch-loss" data-testid="batch-loss">
        <thead>
          <tr><th>{t('batch.tables.item')}</th><th className="num">{t('batch.tables.n')}</th><th className="num">{t('batch.tables.sum')}</th><th className="num">{t('batch.tables.median')}</th></tr>
        </thead>
        <tbody>
          {lossRow(t('batch.tables.direct'), a.loss.direct)}
          {lossRow(t('batch.tables.indirect'), a.loss.indirect)}
          {lossRow(t('batch.tables.total'), a.loss.total)}
          {lossRow(t('batch.tables.salesLoss'), a.loss.salesLoss)}
        </tbody>
      </table>

      <h3 id="batch-bands">{t('batch.tables.band')}</h3>
      <p className="muted">{t('batch.tables.bandNote')}</p>
      <table className="table batch-table" aria-labelledby="batch-bands" data-testid="batch-bands">
        <thead>
          <tr><th>{t('batch.tables.group')}</th><th className="num">{t('batch.tables.count')}</th><th className="num">{t('batch.tables.share')}</th><th className="num">{t('batch.tables.payout')}</th></tr>
        </thead>
        <tbody>
          {a.bands.map((b) => (
            <tr key={b.key}>
              <td>{groupLabel('band', b.key, t)}</td>
              <td className="num">{num(b.count)}</td>
              <td className="num">{pct(b.share)}</td>
              <td className="num">{b.payoutSum === null ? '–' : formatWon(b.payoutSum, lang)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th scope="row" colSpan={3}>{t('batch.tables.fixedPayout')}</th><td className="num strong">{formatWon(a.fixedBandPayout, lang)}</td></tr>
        </tfoot>
      </table>
    </div>
  );
}
