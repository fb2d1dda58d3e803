import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchResult } from '../../core/batch/resolve';
import { reasonIn, type ItemStatus } from '../../core/batch/types';
import { formatWon } from '../format';
import { groupLabel, regionName } from './labels';

const PAGE = 200;
const STATUSES: readonly ItemStatus[] = ['ok', 'invalid', 'duplicate', 'suspected-duplicate'];

type Row = { key: string; status: ItemStatus; file: string; row?: number; who: string; kind: string; region: string; total: number | null; note: string };

/** Every item with its status; filtered by status, shown a page at a time so 10,000 rows stay quick. */
export function ItemsList({ result }: { result: BatchResult }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [filter, setFilter] = useState<ItemStatus | 'all'>('all');
  const [shown, setShown] = useState(PAGE);

  const rows: Row[] = useMemo(() => {
    const out: Row[] = result.members.map((m) => {
      const s = result.applied.status.get(m.id) ?? { status: 'ok' as const };
      const note =
        s.status === 'duplicate' ? t('batch.items.duplicateOf', { other: s.duplicateOf }) :
        s.status === 'suspected-duplicate' ? t('batch.items.suspectedWith', { list: (s.suspectedWith ?? []).join(', ') }) :
        s.mergedFrom?.length ? t('batch.items.mergedFrom', { list: s.mergedFrom.join(', ') }) : '';
      return {
        key: m.id, status: s.status, file: m.source.file, row: m.source.row,
        who: m.businessName ? `${m.businessName} · ${m.name}` : m.name,
        kind: groupLabel('kind', m.kind, t), region: regionName(m.region.sido, t, lang), total: m.figures.total, note,
      };
    });
    result.invalid.forEach((item, i) => out.push({ key: `invalid-${i}`, status: 'invalid', file: item.file, row: item.row, who: '', kind: '', region: '', total: null, note: reasonIn(item, lang) }));
    return out;
  }, [result, t, lang]);

  const counts = useMemo(() => {
    const c = new Map<ItemStatus, number>();
    for (const r of rows) c.set(r.status, (c.get(r.status) ?? 0) + 1);
    return c;
  }, [rows]);
  const visible = filter === 'all' ? rows : rows.filter((r) => r.status === filter);

  return (
    <div className="batch-items">
      <div className="batch-items-head">
        <h3>{t('batch.items.title')}</h3>
        <label className="batch-filter">
          {t('batch.items.filter')}{' '}
          <select value={filter} onChange={(e) => { setFilter(e.target.value as ItemStatus | 'all'); setShown(PAGE); }}>
            <option value="all">{t('batch.items.all', { count: rows.length })}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>{`${t(`batch.status.${s}`)} (${counts.get(s) ?? 0})`}</option>
            ))}
          </select>
        </label>
      </div>
      {visible.length === 0 ? (
        <p className="muted">{t('batch.items.empty')}</p>
      ) : (
        <div className="batch-table-wrap" tabIndex={0} role="region" aria-label={t('batch.items.title')}>
          <table className="table batch-table" data-testid="batch-items">
            <thead>
              <tr>
                <th>{t('batch.items.status')}</th>
                <th>{t('batch.items.file')}</th>
                <th>{t('batch.items.who')}</th>
                <th className="num">{t('batch.items.total')}</th>
                <th>{t('batch.items.note')}</th>
              </tr>
            </thead>
            <tbody>
              {visible.slice(0, shown).map((r) => (
                <tr key={r.key} data-status={r.status}>
                  <td><span className={`batch-status batch-status-${r.status}`}>{t(`batch.status.${r.status}`)}</span></td>
                  <td className="batch-file">{r.file}{r.row !== undefined && <span className="muted"> · {t('batch.items.row', { row: r.row })}</span>}</td>
                  <td className="batch-who">{r.who}{r.kind && <span className="muted">{[r.kind, r.region].filter(Boolean).join(' · ')}</span>}</td>
                  <td className="num">{r.total === null ? '' : formatWon(r.total, lang)}</td>
                  <td className="batch-note">{r.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {visible.length > shown && (
        <p className="batch-more">
          <span className="muted">{t('batch.items.shown', { shown, total: visible.length })}</span>{' '}
          <button type="button" className="button" onClick={() => setShown((n) => n + PAGE)}>{t('batch.items.more', { count: Math.min(PAGE, visible.length - shown) })}</button>
        </p>
      )}
    </div>
  );
}
