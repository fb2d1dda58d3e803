import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRow } from '../../db';
import { updateEvidenceDetails } from '../../db';
import { useDb } from '../desk';
import { formatBytes, formatKstDateTime } from '../format';
import { useNotices } from '../notices';
import { isFreeTextLabel, kindOfLabel, labelOfKind, VAULT_KINDS } from './kinds';
import type { VaultKindId } from './kinds';
import { LinkEditor } from './LinkEditor';
import type { LinkContext } from './LinkEditor';
import { EvidencePreview } from './Preview';

const PROVENANCES = ['at-the-time', 'reconstructed'] as const;

/** One kept file: preview, facts, what it shows, when it was made, what it supports, remove. */
export function EvidenceCard({ row, context, onRemove }: { row: EvidenceRow; context: LinkContext; onRemove: (row: EvidenceRow) => void }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { reportError } = useNotices();
  const id = useId();
  const kind = kindOfLabel(row.label ?? row.note);
  const provenance = row.provenance ?? 'at-the-time';

  async function save(details: Parameters<typeof updateEvidenceDetails>[2]) {
    try {
      await updateEvidenceDetails(db, row.id, details);
    } catch (err) {
      reportError(err);
    }
  }

  return (
    <li className="evidence-card" aria-labelledby={`${id}-name`}>
      <EvidencePreview row={row} />
      <div className="evidence-body">
        <div className="evidence-head">
          <div>
            <p className="evidence-name" id={`${id}-name`}>{row.fileName}</p>
            <p className="muted">
              {formatBytes(row.size, t)} · {t('evidence.addedAt', { date: formatKstDateTime(row.addedAt, i18n.language) })} · {t('evidence.fingerprint')}{' '}
              <code title={row.sha256}>{row.sha256.slice(0, 12)}</code>
            </p>
            {row.fileDate && (
              <p className="muted" data-testid="file-timing">
                {row.fileTiming
                  ? t('evidence.fileDate', { date: formatKstDateTime(row.fileDate, i18n.language), timing: t(`evidence.timing.${row.fileTiming}`) })
                  : t('evidence.fileDateOnly', { date: formatKstDateTime(row.fileDate, i18n.language) })}
              </p>
            )}
            {isFreeTextLabel(row.label) && <p className="muted">{t('evidence.ownLabel', { label: row.label ?? '' })}</p>}
          </div>
          <button type="button" className="button button-quiet button-danger-text" aria-label={t('evidence.removeLabel', { name: row.fileName })} onClick={() => onRemove(row)}>
            {t('evidence.remove')}
          </button>
        </div>
        <div className="evidence-fields">
          <span className="ev-field">
            <label htmlFor={`${id}-kind`}>{t('evidence.kindLabel')}</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => void save({ label: labelOfKind(e.target.value as VaultKindId) })}>
              {VAULT_KINDS.map((k) => (
                <option key={k.id} value={k.id}>{t(`evidence.kinds.${k.id}`)}</option>
              ))}
            </select>
          </span>
          <fieldset className="ev-field provenance">
            <legend>{t('evidence.provenanceLabel')}</legend>
            {PROVENANCES.map((p) => (
              <label key={p} className="ev-check">
                <input type="radio" name={`${id}-provenance`} value={p} checked={provenance === p} onChange={() => void save({ provenance: p })} />
                <span>{t(`evidence.provenance.${p}`)}</span>
              </label>
            ))}
          </fieldset>
        </div>
        {provenance === 'reconstructed' && <p className="muted">{t('evidence.provenanceHint')}</p>}
        <LinkEditor row={row} context={context} />
      </div>
    </li>
  );
}
