import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { listRecords } from '../../db';
import type { RecordRow } from '../../db';
import { EmptyState } from '../components/EmptyState';
import { NeedsClaim } from '../components/NeedsClaim';
import { PageHeader } from '../components/PageHeader';
import { useDb } from '../desk';
import { formatWon } from '../format';

interface ChannelSummary {
  channel: string;
  buckets: number;
  count: number;
  revenue: number;
}

function summarise(rows: RecordRow[]): ChannelSummary[] {
  const by = new Map<string, ChannelSummary>();
  for (const r of rows) {
    const s = by.get(r.channel) ?? { channel: r.channel, buckets: 0, count: 0, revenue: 0 };
    s.buckets += 1;
    s.count += r.count;
    s.revenue += r.revenue ?? 0;
    by.set(r.channel, s);
  }
  return [...by.values()].sort((a, b) => a.channel.localeCompare(b.channel));
}

function Records({ claimId }: { claimId: string }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const rows = useLiveQuery(() => listRecords(db, claimId), [db, claimId]);
  if (rows === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (rows.length === 0) {
    return <EmptyState title={t('records.emptyTitle')} body={t('records.emptyBody')} action={{ label: t('records.action'), to: 'evidence' }} />;
  }
  return (
    <section className="section">
      <h2>{t('records.summaryTitle')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('records.channel')}</th>
            <th scope="col" className="num">{t('records.buckets')}</th>
            <th scope="col" className="num">{t('records.count')}</th>
            <th scope="col" className="num">{t('records.revenue')}</th>
          </tr>
        </thead>
        <tbody>
          {summarise(rows).map((s) => (
            <tr key={s.channel}>
              <th scope="row">{s.channel}</th>
              <td className="num">{s.buckets.toLocaleString('ko-KR')}</td>
              <td className="num">{s.count.toLocaleString('ko-KR')}</td>
              <td className="num">{formatWon(s.revenue, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('records.total', { count: rows.length })}</p>
      <p><a className="button button-primary" href="#/baseline">{t('app.nextStep', { step: t('nav.baseline') })}</a></p>
    </section>
  );
}

export default function RecordsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader step={3} title={t('nav.records')} lead={t('records.lead')} />
      <NeedsClaim>{(claim) => <Records claimId={claim.id} />}</NeedsClaim>
    </>
  );
}
