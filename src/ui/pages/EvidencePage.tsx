import { useState } from 'react';
import type { DragEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { BridgeError, DEFAULT_MAX_OPEN_BYTES, getBridge } from '../../bridge';
import { fileDateOf, fileTiming, provenanceForTiming } from '../../core/time/file-timing';
import { addEvidenceFile, getClaim, itemsCiting, listEvidence, recordDateSpan, removeEvidence, uploadTimingWindow } from '../../db';
import type { EvidenceRow, OutageDeskDB } from '../../db';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { NeedsClaim } from '../components/NeedsClaim';
import { PageHeader } from '../components/PageHeader';
import { useDb } from '../desk';
import { EvidenceCard } from '../evidence/EvidenceCard';
import { MAX_EVIDENCE_BYTES, mimeOf } from '../evidence/files';
import type { LinkableItem, LinkContext } from '../evidence/LinkEditor';
import { errorText, formatBytes, pickLanguage } from '../format';
import { useNotices } from '../notices';
import '../styles/evidence.css';

/** A file from the picker or a drop, read only once it passes the size check. */
type Incoming = { name: string; type?: string; size: number; lastModified?: number | undefined; read: () => Promise<Uint8Array> };

type ItemLike = { id?: unknown; description?: unknown; category?: unknown; justification?: unknown; kind?: unknown };

function shorten(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Channels, items and the record days the link editor offers, read from the claim as it is now. */
async function linkContext(db: OutageDeskDB, claimId: string): Promise<LinkContext> {
  const row = await getClaim(db, claimId);
  const body = (row?.body ?? {}) as { claimant?: { salesChannels?: { id: string; label: string }[] }; directItems?: ItemLike[]; indirectItems?: ItemLike[] };
  const span = await recordDateSpan(db, claimId);
  const items: LinkableItem[] = [
    ...(body.directItems ?? []).map((i) => ({ id: String(i.id), side: 'direct' as const, name: shorten(String(i.description || i.category || i.id)) })),
    ...(body.indirectItems ?? []).map((i) => ({ id: String(i.id), side: 'indirect' as const, name: shorten(String(i.justification || i.kind || i.id)) })),
  ];
  return {
    claimId,
    channels: (body.claimant?.salesChannels ?? []).map((c) => ({ id: c.id, label: c.label })),
    items,
    span,
  };
}

function Vault({ claimId }: { claimId: string }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify, reportError } = useNotices();
  const rows = useLiveQuery(() => listEvidence(db, claimId), [db, claimId]);
  const context = useLiveQuery(() => linkContext(db, claimId), [db, claimId]);
  const citing = useLiveQuery(async () => (await getClaim(db, claimId))?.body, [db, claimId]);
  const [removing, setRemoving] = useState<EvidenceRow | null>(null);
  const [dragging, setDragging] = useState(false);
  const max = formatBytes(MAX_EVIDENCE_BYTES, t);

  async function keep(files: Incoming[]) {
    let added = 0;
    // A file's own date, set against the outage, gives its timing; never "made during the outage" by default.
    const window = await uploadTimingWindow(db, claimId).catch(() => null);
    for (const file of files) {
      // Checked before reading: a 2 GB video must not be pulled into memory to be refused.
      if (file.size > MAX_EVIDENCE_BYTES) {
        notify(t('evidence.tooLarge', { name: file.name, size: formatBytes(file.size, t), max }), 'error');
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = await file.read();
      } catch (err) {
        notify(t('evidence.readFailed', { name: file.name, message: pickLanguage(errorText(err), i18n.language) }), 'error');
        continue;
      }
      try {
        const fileDate = fileDateOf(file.lastModified);
        const timing = fileDate !== null && window ? fileTiming(file.lastModified!, window) : null;
        const details = { provenance: provenanceForTiming(timing), label: '', ...(fileDate ? { fileDate } : {}), ...(timing ? { fileTiming: timing } : {}) };
        const { row, duplicate } = await addEvidenceFile(db, claimId, { name: file.name, type: mimeOf(file.name, file.type), bytes }, details);
        if (duplicate) notify(t('evidence.duplicate', { name: file.name, existing: row.fileName }));
        else {
          added += 1;
          if (row.fileName !== file.name.normalize('NFC')) notify(t('evidence.addedRenamed', { name: row.fileName }));
        }
      } catch (err) {
        reportError(err);
        return;
      }
    }
    if (added > 0) notify(t('evidence.added', { count: added }));
  }

  async function pick() {
    try {
      // The bridge refuses only what is far too big; the vault's own, smaller cap names each file.
      const files = await getBridge().openFiles({ multiple: true, maxBytes: DEFAULT_MAX_OPEN_BYTES });
      await keep(files.map((f) => ({ name: f.name, size: f.size, lastModified: f.lastModified, read: async () => f.bytes })));
    } catch (err) {
      // The bridge's messages are already plain Korean / English.
      if (err instanceof BridgeError) notify(err.message, 'error');
      else reportError(err);
    }
  }

  function onDragOver(e: DragEvent) {
    if (!Array.from(e.dataTransfer.types).includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const files = Array.from(e.dataTransfer.files);
    if (files.length === 0) return;
    void keep(files.map((f) => ({ name: f.name, type: f.type, size: f.size, lastModified: f.lastModified, read: async () => new Uint8Array(await f.arrayBuffer()) })));
  }

  async function confirmRemove() {
    const target = removing;
    setRemoving(null);
    if (!target) return;
    try {
      await removeEvidence(db, claimId, target.id);
      notify(t('evidence.removed', { name: target.fileName }));
    } catch (err) {
      reportError(err);
    }
  }

  if (rows === undefined || context === undefined) return <p className="muted">{t('app.loading')}</p>;
  const linkedItems = removing ? itemsCiting(citing, removing.id).length : 0;
  return (
    <div
      className={`vault${dragging ? ' is-dragging' : ''}`}
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <section className={`dropzone${rows.length === 0 ? ' is-empty' : ''}`} aria-label={t('evidence.add')}>
        {rows.length === 0 && (
          <>
            <h2>{t('evidence.emptyTitle')}</h2>
            <p>{t('evidence.emptyBody')}</p>
          </>
        )}
        <div className="dropzone-row">
          <button type="button" className="button button-primary" onClick={() => void pick()}>
            {t('evidence.add')}
          </button>
          <p className="muted">{dragging ? t('evidence.dropNow') : t('evidence.dropHint', { max })}</p>
        </div>
      </section>
      {rows.length > 0 && (
        <section className="section">
          <h2>{t('evidence.listTitle', { count: rows.length })}</h2>
          <ul className="evidence-cards">
            {rows.map((row) => (
              <EvidenceCard key={row.id} row={row} context={context} onRemove={setRemoving} />
            ))}
          </ul>
        </section>
      )}
      {removing && (
        <ConfirmDialog
          danger
          title={t('evidence.removeTitle')}
          body={linkedItems > 0 ? t('evidence.removeBodyLinked', { name: removing.fileName, count: linkedItems }) : t('evidence.removeBody', { name: removing.fileName })}
          confirmLabel={t('evidence.remove')}
          cancelLabel={t('evidence.cancel')}
          onConfirm={() => void confirmRemove()}
          onCancel={() => setRemoving(null)}
        />
      )}
    </div>
  );
}

export default function EvidencePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader step={6} title={t('nav.evidence')} lead={t('evidence.lead')} />
      <NeedsClaim>{(claim) => <Vault claimId={claim.id} />}</NeedsClaim>
    </>
  );
}
