/**
 * The bilingual text values, with no imports: the lowest modules (core/time, the record and money models) use
 * them too, and core/model/common re-exports them with the schema and the reader of the joined shape.
 */

/** Korean always, English when written (empty otherwise). */
export type BilingualText = { ko: string; en: string };

/** A text in both languages, as a value: `{ ko, en }` (textIn picks one when shown). */
export const bt = (ko: string, en: string): BilingualText => ({ ko, en });

/**
 * The joined "한국어 / English" shape of a `{ ko, en }` text, only where a written format keeps it (the CLI's
 * --json output, the batch files): the serialized shape stays what it was.
 */
export const joined = (text: BilingualText): string => (text.en ? `${text.ko} / ${text.en}` : text.ko);

/**
 * A reason for an API that only takes a string: a zod issue message, an `Error`'s message, a line of a written
 * file (batch outputs). It is `joined(bt(ko, en))`; everything else carries `bt(ko, en)` and picks with textIn.
 */
export const bi = (ko: string, en: string): string => joined(bt(ko, en));
