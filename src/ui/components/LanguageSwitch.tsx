import { useTranslation } from 'react-i18next';
import { setSetting } from '../../db';
import { useDesk } from '../desk';
import { LANGUAGES } from '../i18n';
import type { Language } from '../i18n';
import { useNotices } from '../notices';

/** 한국어 | English. The choice is kept in settings, so a reload keeps it. */
export function LanguageSwitch({ id }: { id?: string }) {
  const { t, i18n } = useTranslation();
  const { db } = useDesk();
  const { reportError } = useNotices();

  async function choose(language: Language) {
    await i18n.changeLanguage(language);
    try {
      await setSetting(db, 'language', language);
    } catch (err) {
      reportError(err);
    }
  }

  return (
    <div className="segmented" role="group" aria-label={t('language.label')} id={id}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => void choose(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
