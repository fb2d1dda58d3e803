/**
 * Evidence document kinds a channel can require. A claim's evidence item carries a free-text `label`; it
 * counts as a kind when the label contains the kind's id or one of its Korean or English names (case, spaces
 * and dashes ignored), so "소상공인 확인서", "smb-certificate" and "10월 15일 운행 내역 캡처" all match.
 */

export type DocumentKind = { id: string; ko: string; en: string; aliases: string[] };

export const DOCUMENT_KINDS: ReadonlyArray<DocumentKind> = [
  { id: 'smb-certificate', ko: '소상공인 확인서', en: 'Small-business certificate', aliases: ['소상공인확인서', 'smb certificate'] },
  { id: 'sales-loss-proof', ko: '매출 손실 증빙', en: 'Proof of sales loss', aliases: ['매출 증빙', '매출자료', '카드 매출', 'sales statement', 'pos export'] },
  { id: 'kakao-service-proof', ko: '카카오 서비스 이용 증빙', en: 'Proof of using the Kakao service', aliases: ['서비스 이용 증빙', '이용 화면', 'kakao screenshot', 'service screenshot'] },
  { id: 'bank-account-copy', ko: '통장 사본', en: 'Bank account copy', aliases: ['통장사본', 'bank copy', 'bankbook'] },
  { id: 'trip-history', ko: '운행 내역', en: 'Trip history', aliases: ['운행내역', '운행 기록', 'driver app history', 'trip screenshot'] },
  { id: 'call-log', ko: '콜 기록', en: 'Call log', aliases: ['콜기록', 'missed calls'] },
];

const normalise = (s: string) => s.normalize('NFC').toLowerCase().replace(/[\s_-]+/g, '');

/** The document kind id an evidence label names, or null. */
export function documentKindOfLabel(label: string): string | null {
  const key = normalise(label);
  if (!key) return null;
  for (const kind of DOCUMENT_KINDS) {
    if ([kind.id, kind.ko, kind.en, ...kind.aliases].some((name) => key.includes(normalise(name)))) return kind.id;
  }
  return null;
}

/** Korean name for an evidence label: the kind's name when it is one, else the label itself. */
export function documentLabelKo(label: string): string {
  const id = documentKindOfLabel(label);
  return DOCUMENT_KINDS.find((k) => k.id === id)?.ko ?? (label || '기타');
}
