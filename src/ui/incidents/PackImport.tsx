import { useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackIssue } from '../../core/incidents';
import { bt } from '../../core/model/common';
import type { IncidentPack } from '../../core/model/incident-pack';
import { previewPackImport, saveImportedPack, PackRefusedError } from '../../db';
import type { PackImportPreview } from '../../db';
import { useDb } from '../desk';
import { pickLanguage } from '../format';
import { useNotices } from '../notices';
import { PackPreview } from './PackPreview';
import { pick } from './packs';

type Ready = Extract<PackImportPreview, { ok: true }>;

/** "Import an incident pack file" (a button, or a file dropped on it): checked, previewed, then stored. */
export function PackImport({ onImported }: { onImported: (pack: IncidentPack) => void }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify, reportError } = useNotices();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<{ fileName: string; ready: Ready } | null>(null);
  const [refused, setRefused] = useState<{ fileName: string; issues: PackIssue[] } | null>(null);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);

  async function read(file: File) {
    setPreview(null);
    setRefused(null);
    let text: string;
    try {
      text = await file.text();
    } catch {
      setRefused({ fileName: file.name, issues: [{ path: '', message: bt(t('packs.importReadFailed'), '') }] });
      return;
    }
    const result = await previewPackImport(db, text);
    if (result.ok) setPreview({ fileName: file.name, ready: result });
    else setRefused({ fileName: file.name, issues: result.issues });
  }

  async function accept() {
    if (!preview) return;
    setBusy(true);
    try {
      await saveImportedPack(db, preview.ready.pack);
      notify(t('packs.imported_done', { name: pick(preview.ready.pack.incident.name, i18n.language) }));
      onImported(preview.ready.pack);
      setPreview(null);
    } catch (err) {
      if (err instanceof PackRefusedError) setRefused({ fileName: preview.fileName, issues: err.issues });
      else reportError(err);
    } finally {
      setBusy(false);
    }
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void read(file);
  };

  return (
    <div
      className={over ? 'pack-import is-over' : 'pack-import'}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <div className="pack-import-row">
        <button type="button" className="button" onClick={() => input.current?.click()}>{t('packs.importButton')}</button>
        <span className="field-hint">{t('packs.importDrop')}</span>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="pack-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void read(file);
          }}
        />
      </div>
      {refused && (
        <div className="notice-inline notice-error" role="alert">
          <p className="strong">{t('packs.importRefused')} ({refused.fileName})</p>
          <ul className="pack-issues">
            {refused.issues.map((i, n) => (
              <li key={n}>
                {i.path && <code>{i.path}</code>} {pickLanguage(i.message, i18n.language)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview && (
        <section className="pack-import-preview" aria-labelledby="pack-preview-title">
          <h3 id="pack-preview-title">{t('packs.previewTitle')}</h3>
          <p className="field-hint">{t(`packs.previewStatus.${preview.ready.status}`)}</p>
          {preview.ready.claimsOnOtherVersions.length > 0 && (
            <p className="field-hint">{t('packs.previewClaims', { list: preview.ready.claimsOnOtherVersions.map((c) => c.title).join(', ') })}</p>
          )}
          <PackPreview pack={preview.ready.pack} />
          <div className="step-actions">
            <button type="button" className="button" onClick={() => setPreview(null)}>{t('packs.cancel')}</button>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void accept()}>{t('packs.accept')}</button>
          </div>
        </section>
      )}
    </div>
  );
}
