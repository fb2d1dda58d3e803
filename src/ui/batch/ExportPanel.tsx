import { useTranslation } from 'react-i18next';
import type { ExportKind } from './protocol';

interface Props {
  disabled: boolean;
  suspectedLeft: number;
  /** The page's one redaction switch: the group-mediation roster follows it too. */
  redact: boolean;
  onRedact: (redact: boolean) => void;
  onExport: (kind: ExportKind, redact: boolean) => void;
}

const KINDS: readonly ExportKind[] = ['csv', 'xlsx', 'pdf', 'zip'];

/** One redaction switch for every output, then the four exports. */
export function ExportPanel({ disabled, suspectedLeft, redact, onRedact, onExport }: Props) {
  const { t } = useTranslation();
  return (
    <div className="batch-export">
      <label className="batch-redact">
        <input type="checkbox" checked={redact} onChange={(e) => onRedact(e.target.checked)} />
        <span>
          <span className="strong">{t('batch.export.redact')}</span>
          <span className="muted">{t('batch.export.redactHint')}</span>
          {redact && <span className="batch-warn-inline">{t('batch.export.redactZipNote')}</span>}
        </span>
      </label>
      {suspectedLeft > 0 && <p className="batch-warn" role="note">{t('batch.export.suspectedLeft', { count: suspectedLeft })}</p>}
      <div className="batch-export-actions">
        {KINDS.map((kind) => (
          <button key={kind} type="button" className={`button${kind === 'zip' ? ' button-primary' : ''}`} disabled={disabled} onClick={() => onExport(kind, redact)}>
            {t(`batch.export.${kind}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
