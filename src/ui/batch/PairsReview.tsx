import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionAction, DuplicateDecision, DuplicatePair } from '../../core/batch/dedupe';
import type { BatchResult } from '../../core/batch/resolve';
import type { BatchMember } from '../../core/batch/types';
import { isoKst } from '../../core/packet/format';
import { formatWon } from '../format';
import { groupLabel, percent, regionName, serviceName } from './labels';

const PAGE = 20;
const FIELDS = ['file', 'source', 'businessName', 'name', 'businessNumber', 'mobile', 'region', 'account', 'services', 'total'] as const;

interface Props {
  result: BatchResult;
  onDecide: (decision: DuplicateDecision) => void;
}

/** Pairs nobody has decided yet, each shown side by side with the fields that differ marked. */
export function PairsReview({ result, onDecide }: Props) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  const open = useMemo(() => {
    const decided = new Set(result.decisions.flatMap((d) => [`${d.a}|${d.b}`, `${d.b}|${d.a}`]));
    return result.pairs.filter((p) => !decided.has(`${p.a}|${p.b}`));
  }, [result]);
  const byId = useMemo(() => new Map(result.members.map((m) => [m.id, m])), [result.members]);

  if (!open.length) return <p className="muted" data-testid="batch-pairs-none">{t('batch.pairs.none')}</p>;
  return (
    <div className="batch-pairs" data-testid="batch-pairs">
      <p className="strong">{t('batch.pairs.remaining', { count: open.length })}</p>
      {open.slice(0, shown).map((pair, i) => (
        <PairCard key={`${pair.a}|${pair.b}`} n={i + 1} pair={pair} a={byId.get(pair.a)!} b={byId.get(pair.b)!} onDecide={onDecide} />
      ))}
      {open.length > shown && (
        <button type="button" className="button" onClick={() => setShown((n) => n + PAGE)}>{t('batch.items.more', { count: Math.min(PAGE, open.length - shown) })}</button>
      )}
    </div>
  );
}

function PairCard({ n, pair, a, b, onDecide }: { n: number; pair: DuplicatePair; a: BatchMember; b: BatchMember; onDecide: (d: DuplicateDecision) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [note, setNote] = useState('');
  const value = (m: BatchMember, field: (typeof FIELDS)[number]): string => {
    switch (field) {
      case 'file': return m.source.row !== undefined ? `${m.source.file} · ${t('batch.items.row', { row: m.source.row })}` : m.source.file;
      case 'source': return groupLabel('source', m.source.kind, t);
      case 'businessName': return m.businessName ?? '';
      case 'name': return m.name;
      case 'businessNumber': return m.businessNumber ?? '';
      case 'mobile': return m.mobile ?? '';
      case 'region': return `${regionName(m.region.sido, t, lang)} ${m.region.sigungu}`.trim();
      case 'account': return m.bankAccount ? `${m.bankAccount.bank} ${m.bankAccount.number}` : '';
      case 'services': return m.services.map((s) => serviceName(s, t, lang)).join(', ');
      case 'total': return m.figures.total === null ? '' : formatWon(m.figures.total, lang);
    }
  };
  const decide = (action: DecisionAction, keep?: string) => {
    // The reason is kept in both languages, like every message the batch writes to its manifest.
    const ko = i18n.getFixedT('ko')(`batch.decisions.reasonText.${action}`);
    const en = i18n.getFixedT('en')(`batch.decisions.reasonText.${action}`);
    const extra = note.trim();
    onDecide({
      a: pair.a,
      b: pair.b,
      action,
      ...(keep ? { keep } : {}),
      reason: extra ? `${ko} — ${extra} / ${en} — ${extra}` : `${ko} / ${en}`,
      decidedAt: isoKst(new Date()),
      decidedBy: 'user',
    });
  };
  const title = t('batch.pairs.pair', { n });
  return (
    <article className="batch-pair" aria-label={title} data-testid="batch-pair">
      <header className="batch-pair-head">
        <h4>{title}</h4>
        <ul className="batch-rules">
          {pair.rules.map((r) => <li key={r} className="tag">{groupLabel('rule', r, t)}</li>)}
          {pair.similarity !== undefined && <li className="tag">{t('batch.pairs.similarity', { pct: percent(pair.similarity, lang) })}</li>}
        </ul>
      </header>
      <table className="batch-compare">
        <thead>
          <tr><th /><th scope="col">{t('batch.pairs.left')}</th><th scope="col">{t('batch.pairs.right')}</th></tr>
        </thead>
        <tbody>
          {FIELDS.map((f) => {
            const left = value(a, f);
            const right = value(b, f);
            if (!left && !right) return null;
            return (
              <tr key={f} className={left !== right && f !== 'file' ? 'is-different' : undefined}>
                <th scope="row">{t(`batch.pairs.field.${f}`)}</th>
                <td>{left}</td>
                <td>{right}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label className="batch-note-field">
        {t('batch.pairs.note')}
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={300} />
      </label>
      <div className="batch-pair-actions">
        <button type="button" className="button" onClick={() => decide('keep-one', a.id)}>{t('batch.pairs.keepLeft')}</button>
        <button type="button" className="button" onClick={() => decide('keep-one', b.id)}>{t('batch.pairs.keepRight')}</button>
        <button type="button" className="button" onClick={() => decide('keep-both')}>{t('batch.pairs.keepBoth')}</button>
        <button type="button" className="button" onClick={() => decide('merge', a.id)}>{t('batch.pairs.merge')}</button>
      </div>
    </article>
  );
}
