import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { listImportedFiles, removeImportedFile, type ImportRow } from '../../db';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useDb } from '../desk';
import { formatKstDateTime } from '../format';
import { useNotices } from '../notices';

/** The files imported into this claim, with their fingerprints, newest first. */
export function ImportedFiles({ claimId }: { claimId: string }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify, reportError } = useNotices();
  const [removing, setRemoving] = useState<ImportRow | null>(null);
  const rows = useLiveQuery(() => listImportedFiles(db, claimId), [db, claimId]);
  if (!rows || rows.length === 0) return null;

  async function confirm() {
    const target = removing;
    setRemoving(null);
    if (!target) return;
    try {
      const n = await removeImportedFile(db, claimId, target.sha256);
      notify(t('records.imports.removed', { name: target.fileName, count: n }));
    } catch (err) {
      reportError(err);
    }
  }

  return (
    <section className="section" aria-labelledby="imported-files-title">
      <h2 id="imported-files-title">{t('records.imports.title')}</h2>
      <table className="table imported-files">
        <thead>
          <tr>
            <th scope="col">{t('records.imports.file')}</th>
            <th scope="col">{t('records.imports.when')}</th>
            <th scope="col" className="num">{t('records.imports.records')}</th>
            <th scope="col">{t('records.imports.sha')}</th>
            <th scope="col"><span className="records-sr-only">{t('records.imports.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.sha256}>
              <th scope="row">{r.fileName}</th>
              <td>{formatKstDateTime(r.importedAt, i18n.language)}</td>
              <td className="num">{r.recordCount.toLocaleString('ko-KR')}</td>
              <td><code title={r.sha256}>{r.sha256.slice(0, 12)}…</code></td>
              <td>
                <button type="button" className="button button-quiet button-danger-text" onClick={() => setRemoving(r)} aria-label={t('records.imports.removeLabel', { name: r.fileName })}>
                  {t('records.imports.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {removing && (
        <ConfirmDialog
          danger
          title={t('records.imports.removeTitle')}
          body={t('records.imports.removeBody', { name: removing.fileName })}
          confirmLabel={t('records.imports.removeConfirm')}
          cancelLabel={t('claims.cancel')}
          onConfirm={() => void confirm()}
          onCancel={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
