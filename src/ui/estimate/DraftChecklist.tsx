import { useTranslation } from 'react-i18next';
import type { ClaimIssue } from '../../core/model';
import { earningsContext, pickLanguage } from '../format';
import { fixFor, hrefOfFix } from './readiness';

/** A draft cannot be estimated yet: each issue, in plain words, with a link to where it is fixed. */
export function DraftChecklist({ issues, kind }: { issues: ClaimIssue[]; kind?: string }) {
  const { t, i18n } = useTranslation();
  const context = earningsContext(kind);
  return (
    <section className="draft" aria-labelledby="draft-title">
      <h2 id="draft-title">{t('estimate.draft.title')}</h2>
      <p className="field-hint">{t('estimate.draft.lead', { count: issues.length })}</p>
      <ul className="checklist">
        {issues.map((issue, i) => {
          const fix = fixFor(issue.path);
          return (
            <li key={`${issue.path}-${i}`} className="is-missing">
              <span className="check-mark" aria-hidden="true">•</span>
              <span className="check-body">
                <span>
                  {issue.path && <code>{issue.path}</code>} {pickLanguage(issue.message, i18n.language)}
                </span>
                <a href={hrefOfFix(fix)}>{fix.step ? t(`estimate.draft.fixStep.${fix.step}`, { context }) : t(`estimate.draft.fixRoute.${fix.route}`)}</a>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
