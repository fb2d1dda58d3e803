/**
 * Fitting generated text into a form field's limit. Lengths count UTF-16 code units, the way a browser's
 * `maxlength` does (every Hangul syllable is one).
 */

export const TRUNCATION_NOTE_KO = ' (이하 생략: 전체 내용은 첨부한 보고서에 있어요)';

export type FittedText = { text: string; truncated: boolean; fullLength: number };

/** Where a sentence may end: after . ! ? 。 or at a line break. */
const SENTENCE_END = /[.!?。](?=\s|$)|\n/g;

/**
 * Returns the text unchanged when it fits. Otherwise keeps whole sentences (or whole paragraphs) that fit
 * together with the note; if not even one sentence fits, cuts at the last space and adds "…" before the note.
 */
export function fitToLimit(text: string, maxLength: number | undefined, note: string = TRUNCATION_NOTE_KO): FittedText {
  const trimmed = text.trim();
  if (maxLength === undefined || trimmed.length <= maxLength) {
    return { text: trimmed, truncated: false, fullLength: trimmed.length };
  }
  const usableNote = note.length < maxLength / 2 ? note : '';
  const budget = maxLength - usableNote.length;
  let cut = -1;
  for (const match of trimmed.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (end > budget) break;
    cut = end;
  }
  let kept: string;
  if (cut > 0) {
    kept = trimmed.slice(0, cut).trimEnd();
  } else {
    const hard = trimmed.slice(0, Math.max(0, budget - 1));
    const space = hard.lastIndexOf(' ');
    kept = `${(space > budget / 2 ? hard.slice(0, space) : hard).trimEnd()}…`;
  }
  const out = `${kept}${usableNote}`;
  return { text: out.length <= maxLength ? out : out.slice(0, maxLength), truncated: true, fullLength: trimmed.length };
}
