import { useTranslation } from 'react-i18next';
import type { DuplicateDecision, DuplicatePair } from '../../core/batch/dedupe';
import { formatKstDateTime } from '../format';
import { groupLabel, reasonIn } from './labels';

interface Props {
  decisions: readonly DuplicateDecision[];
  pairs: readonly DuplicatePair[];
  onUndo: (decision: DuplicateDecision) => void;
}

/** Every decision, automatic or a person's, with its time and reason; a person's can be undone. */
export function DecisionsLog({ decisions, pairs, onUndo }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rulesOf = new Map(pairs.map((p) => [`${p.a}|${p.b}`, p.rules]));
  // A rule's decision is told in the reader's words from the pair's rules; a person's reason as written.
  const reason = (d: DuplicateDecision) => {
    const rules = d.decidedBy === 'rule' ? rulesOf.get(`${d.a}|${d.b}`) : undefined;
    if (!rules) return reasonIn(d.reason, lang);
    return t('batch.decisions.ruleReason', { rules: rules.filter((r) => r !== 'similar-name').map((r) => groupLabel('rule', r, t)).join(', ') });
  };
  if (!decisions.length) return <p className="muted">{t('batch.decisions.empty')}</p>;
  return (
    <div className="batch-table-wrap batch-decisions" tabIndex={0} role="region" aria-label={t('batch.decisions.title')}>
      <table className="table batch-table" data-testid="batch-decisions">
        <thead>
          <tr>
            <th>{t('batch.decisions.pair')}</th>
            <th>{t('batch.decisions.action')}</th>
            <th>{t('batch.decisions.kept')}</th>
            <th>{t('batch.decisions.reason')}</th>
            <th>{t('batch.decisions.at')}</th>
            <th><span className="batch-sr">{t('batch.decisions.undo')}</span></th>
          </tr>
        </thead>
        <tbody>
          {decisions.map((d) => (
            <tr key={`${d.decidedBy}|${d.a}|${d.b}`} data-by={d.decidedBy}>
              <td className="batch-file">{d.a}<br />{d.b}</td>
              <td className="batch-who">{t(`batch.decisions.actionLabel.${d.action}`)}<span className="muted">{d.decidedBy === 'rule' ? t('batch.decisions.byRule') : t('batch.decisions.byUser')}</span></td>
              <td className="batch-file">{d.action === 'keep-both' ? '' : d.keep}</td>
              <td className="batch-note">{reason(d)}</td>
              <td className="batch-when">{formatKstDateTime(d.decidedAt, lang)}</td>
              <td>{d.decidedBy === 'user' && <button type="button" className="button button-quiet" onClick={() => onUndo(d)}>{t('batch.decisions.undo')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
