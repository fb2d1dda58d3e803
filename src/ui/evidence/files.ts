/** One evidence file at most: a screenshot or a statement PDF is far smaller; a video is not evidence here. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', heic: 'image/heic', gif: 'image/gif',
  pdf: 'application/pdf', csv: 'text/csv', txt: 'text/plain', zip: 'application/zip',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The type by the name's extension: the Electron picker gives no type, and a dropped file's may be empty. */
export function mimeOf(name: string, given?: string): string {
  if (given) return given;
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  return MIME_BY_EXTENSION[ext] ?? 'application/octet-stream';
}

/** Images a browser can show as they are (HEIC it cannot). */
export function isPreviewableImage(mimeType: string): boolean {
  return ['image/png', 'image/jpeg', 'image/webp', 'image/gif'].includes(mimeType);
}
