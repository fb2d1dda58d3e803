/**
 * Screenshots read into draft records (issue 19): the shapes shared by the OCR engines (a Web Worker in the
 * app, tesseract.js in Node for the CLI) and the pure reader. Core never runs OCR itself: an engine is passed in.
 */

export type Box = { x0: number; y0: number; x1: number; y1: number };

/** One recognised word: its text, the engine's confidence (0-100) and where it sits in the image (pixels). */
export type OcrWord = { text: string; confidence: number; bbox: Box };

/** One recognition pass over a whole image. */
export type OcrPass = { words: OcrWord[] };

/**
 * An OCR engine over one image, asked for two independent readings: one with the Korean model (labels, 건,
 * 년/월, amounts) and one with the Latin model (which reads digits and times best). The reader trusts a value both read alike and flags one they disagree on.
 * The two may run at once (two workers on two cores).
 */
export type OcrModel = 'korean' | 'latin';
export type OcrEngine = {
  recognize(image: Uint8Array, model: OcrModel): Promise<OcrPass>;
};

export type ScreenLayout = 'trip-list' | 'month-summary' | 'card-sales';

/** A value read from the image, with where it was (for the review table's crop) and how sure the reading is. */
export type ReadValue<T> = {
  value: T;
  /** 0-100: the lower engine confidence of the passes that read it (0 when the value is missing). */
  confidence: number;
  /** True when the review table must ask the user: low confidence, the passes disagreed, or a check failed. */
  flagged: boolean;
  /** Why it is flagged, for people (Korean first, English). */
  reason?: { ko: string; en: string };
  bbox: Box | null;
};

/** One row of a screenshot: a trip (time and fare) or a day (date, count and amount). */
export type ScreenRow = {
  /** KST calendar date the row belongs to (a trip after midnight belongs to the next date). */
  date: ReadValue<string>;
  /** Trip lists only: the trip's time `HH:MM`. */
  time: ReadValue<string> | null;
  /** Trips or approvals on the row: 1 for a trip. */
  count: ReadValue<number>;
  /** Fare or sales amount in whole won. */
  amount: ReadValue<number>;
  /** The row's band across the image, for the crop beside the values. */
  bbox: Box;
};

export type ScreenReading = {
  layout: ScreenLayout;
  rows: ScreenRow[];
  /** The screen's own totals (trip list: the day's count and fare total), used to check the rows. */
  checks: { ko: string; en: string; ok: boolean }[];
  /** 0-100, the lowest value confidence on the page. */
  confidence: number;
};

export class ScreenshotError extends Error {
  constructor(
    readonly code: 'not-an-image' | 'too-large' | 'not-a-trip-history' | 'no-date' | 'unreadable',
    readonly ko: string,
    readonly en: string,
  ) {
    super(`${ko} / ${en}`);
    this.name = 'ScreenshotError';
  }
}
