import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRow } from '../../db';
import { isPreviewableImage } from './files';

/**
 * An object URL for a file's Blob, revoked when the preview goes away. Keyed by the file's fingerprint: each
 * database read gives a new Blob object for the same bytes, and those must not make a new URL every time.
 */
function useObjectUrl(blob: Blob | undefined, key: string, enabled: boolean): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const blobRef = useRef(blob);
  blobRef.current = blob;
  useEffect(() => {
    const current = blobRef.current;
    if (!enabled || !current || typeof URL.createObjectURL !== 'function') return;
    const made = URL.createObjectURL(current);
    setUrl(made);
    return () => {
      URL.revokeObjectURL(made);
      setUrl(null);
    };
  }, [key, enabled]);
  return url;
}

/** A thumbnail for images; a labelled icon for PDFs and other files. */
export function EvidencePreview({ row }: { row: EvidenceRow }) {
  const { t } = useTranslation();
  const image = isPreviewableImage(row.mimeType);
  const url = useObjectUrl(row.blob, row.sha256, image);
  if (image && url) {
    return (
      <div className="evidence-thumb">
        <img src={url} alt={t('evidence.previewAlt', { name: row.fileName })} />
      </div>
    );
  }
  const pdf = row.mimeType === 'application/pdf';
  return (
    <div className={`evidence-thumb evidence-icon${pdf ? ' is-pdf' : ''}`} aria-hidden="true">
      <svg viewBox="0 0 24 30" width="28" height="35" focusable="false">
        <path d="M2 1h14l6 6v22H2z" fill="#fff" stroke="currentColor" strokeWidth="1.5" />
        <path d="M16 1v6h6" fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
      <span>{pdf ? t('evidence.pdfBadge') : t('evidence.fileBadge')}</span>
    </div>
  );
}
