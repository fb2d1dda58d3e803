import { businessNumberKey, mobileKey } from './normalise';
import type { BatchMember } from './types';

/**
 * Redaction for everything a batch shares (roster, summary, manifest): 010-****-1234, 123-45-*****, and an
 * account with only its last four digits. Names stay: an association has to know who its members are.
 */

export function maskMobile(text: string): string {
  const d = mobileKey(text);
  if (!d) return text.replace(/\d/g, '*');
  const middle = d.length - 7;
  return `${d.slice(0, 3)}-${'*'.repeat(middle)}-${d.slice(-4)}`;
}

export function maskBusinessNumber(text: string): string {
  const d = businessNumberKey(text);
  return d ? `${d.slice(0, 3)}-${d.slice(3, 5)}-*****` : text.replace(/\d/g, '*');
}

/** Every digit but the last four becomes *, separators stay: 123456-01-234567 -> ******-**-**4567. */
export function maskAccount(text: string): string {
  const total = (text.match(/\d/g) ?? []).length;
  let seen = 0;
  return text.replace(/\d/g, (d) => (++seen > total - 4 ? d : '*'));
}

const MOBILE_IN_TEXT = /(?<!\d)01[016789][-\s.]?\d{3,4}[-\s.]?\d{4}(?!\d)/g;
const BUSINESS_NUMBER_IN_TEXT = /(?<!\d)\d{3}-\d{2}-\d{5}(?!\d)/g;

/** Numbers a member typed into free text (complaints) are masked the same way. */
export function maskFreeText(text: string): string {
  return text.replace(MOBILE_IN_TEXT, (m) => maskMobile(m)).replace(BUSINESS_NUMBER_IN_TEXT, (m) => maskBusinessNumber(m));
}

export function redactMember(member: BatchMember): BatchMember {
  const out: BatchMember = { ...member };
  if (out.mobile) out.mobile = maskMobile(out.mobile);
  if (out.businessNumber) out.businessNumber = maskBusinessNumber(out.businessNumber);
  if (out.bankAccount) out.bankAccount = { ...out.bankAccount, number: maskAccount(out.bankAccount.number) };
  if (out.complaints) out.complaints = maskFreeText(out.complaints);
  return out;
}
