/** The reader's language of a core text (`{ ko, en }` or a "한국어 / English" message): one picker, in ui/format. */
export { pickLanguage as inLanguage } from '../format';
