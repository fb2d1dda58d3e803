import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { BridgeError, getBridge } from '../../bridge';
import { addEvidence, deleteEvidence, listEvidence } from '../../db';
import type { EvidenceRow } from '../../db';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyState } from '../components/EmptyState';
import { NeedsClaim } from '../components/NeedsClaim';
import { PageHeader } from '../components/PageHeader';
import { useDb } from '../desk';
import { formatBytes, formatKstDateTime } from '../format';
import { useNotices } from '../notices';

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', heic: 'image/heic', gif: 'image/gif',
  pdf: 'application/pdf', csv: 'text/csv', txt: 'text/plain', zip: 'application/zip',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function mimeOf(name: string): string {
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  return MIME_BY_EXTENSION[ext] ?? 'application/octet-stream';
}

function Evidence({ claimId }: { claimId: string }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify, reportError } = useNotices();
  const rows = useLiveQuery(() => listEvidence(db, claimId), [db, claimId]);
  const [removing, setRemoving] = useState<EvidenceRow | null>(null);

  async function addFiles() {
    try {
      const files = await getBridge().openFiles({ multiple: true });
      if (files.length === 0) return;
      for (const file of files) await addEvidence(db, claimId, { name: file.name, type: mimeOf(file.name), bytes: file.bytes });
      notify(t('evidence.added', { count: files.length }));
    } catch (err) {
      // The bridge's messages are already plain Korean / English.
      if (err instanceof BridgeError) notify(err.message, 'error');
      else reportError(err);
    }
  }

  async function confirmRemove() {
    const target = removing;
    setRemoving(null);
    if (!target) return;
    try {
      await deleteEvidence(db, target.id);
    } catch (err) {
      reportError(err);
    }
  }

  const addButton = (
    <button type="button" className="button button-primary" onClick={() => void addFiles()}>
      {t('evidence.add')}
    </button>
  );

  if (rows === undefined) return <p className="muted">{t('app.loading')}</p>;
  return (
    <>
      {rows.length === 0 ? (
        <EmptyState title={t('evidence.emptyTitle')} body={t('evidence.emptyBody')} action={addButton} />
      ) : (
        <section className="section">
          <h2>{t('evidence.listTitle')}</h2>
          <ul className="evidence-list">
            {rows.map((row) => (
              <li key={row.id} className="evidence-item">
                <div>
                  <p className="evidence-name">{row.fileName}</p>
                  <p className="muted">
                    {formatBytes(row.size, t)} · {formatKstDateTime(row.addedAt, i18n.language)} · {t('evidence.fingerprint')}{' '}
                    <code title={row.sha256}>{row.sha256.slice(0, 12)}</code>
                  </p>
                </div>
                <button type="button" className="button button-quiet button-danger-text" aria-label={`${t('evidence.remove')}: ${row.fileName}`} onClick={() => setRemoving(row)}>
                  {t('evidence.remove')}
                </button>
              </li>
            ))}
          </ul>
          <p>{addButton}</p>
        </section>
      )}
      {removing && (
        <ConfirmDialog
          danger
          title={t('evidence.removeTitle')}
          body={t('evidence.removeBody', { name: removing.fileName })}
          confirmLabel={t('evidence.remove')}
          cancelLabel={t('claims.cancel')}
          onConfirm={() => void confirmRemove()}
          onCancel={() => setRemoving(null)}
        />
      )}
    </>
  );
}

export default function EvidencePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader step={6} title={t('nav.evidence')} lead={t('evidence.lead')} />
      <NeedsClaim>{(claim) => <Evidence claimId={claim.id} />}</NeedsClaim>
    </>
  );
}
