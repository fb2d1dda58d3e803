/** The half of a "한국어 / English" message for the reader's language (the whole text when it has no halves). */
export function inLanguage(text: string, language: string): string {
  const i = text.indexOf(' / ');
  if (i < 0) return text;
  return language === 'en' ? text.slice(i + 3) : text.slice(0, i);
}
