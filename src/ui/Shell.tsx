import { lazy, Suspense, useEffect } from 'react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './components/LanguageSwitch';
import { useCurrentClaim } from './desk';
import { hrefOf, navigate, ROUTES, useRoute } from './routes';
import type { RouteId } from './routes';
import ClaimantPage from './pages/ClaimantPage';
import NotFoundPage from './pages/NotFoundPage';
import { DeadlineWarning } from './tracker/DeadlineWarning';
import { NoticeOutlet } from './notices';

// The first page renders at once; the others load when first opened, so heavy steps (charts, PDF)
// never slow down the start.
const pages: Record<RouteId, ComponentType> = {
  claimant: ClaimantPage,
  incident: lazy(() => import('./pages/IncidentPage')),
  records: lazy(() => import('./pages/RecordsPage')),
  baseline: lazy(() => import('./pages/BaselinePage')),
  estimate: lazy(() => import('./pages/EstimatePage')),
  evidence: lazy(() => import('./pages/EvidencePage')),
  export: lazy(() => import('./pages/ExportPage')),
  tracker: lazy(() => import('./pages/TrackerPage')),
  batch: lazy(() => import('./pages/BatchPage')),
  settings: lazy(() => import('./pages/SettingsPage')),
};

/** Alt+1..9 and Alt+0 jump to the ten areas (Digit codes, so it works whatever Alt does to the key). */
function useAltDigitShortcuts() {
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const match = /^Digit([0-9])$/.exec(e.code);
      const route = match ? ROUTES[(Number(match[1]) + 9) % 10] : undefined;
      if (!route) return;
      e.preventDefault();
      navigate(route);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

export function Shell() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const { claim } = useCurrentClaim();
  useAltDigitShortcuts();

  const pageTitle = route === 'not-found' ? t('app.notFoundTitle') : t(`nav.${route}`);
  useEffect(() => {
    document.title = `${pageTitle} · ${t('app.name')}`;
    document.documentElement.lang = i18n.language;
  }, [pageTitle, t, i18n.language]);

  const Page = route === 'not-found' ? NotFoundPage : pages[route];

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">{t('app.mark')}</span>
          <div>
            <p className="brand-name">{t('app.name')}</p>
            <p className="brand-tagline">{t('app.tagline')}</p>
          </div>
        </div>
        <div className="topbar-side">
          <p className="current-claim">
            <span className="muted">{t('app.currentClaim')}</span>{' '}
            <strong>{claim ? claim.title : t('app.noCurrentClaim')}</strong>
            {claim?.example === 1 && <span className="tag tag-example">{t('claims.example')}</span>}
          </p>
          <LanguageSwitch />
        </div>
      </header>
      <div className="body">
        <nav className="sidenav" aria-label={t('app.navLabel')}>
          <ol>
            {ROUTES.map((id, i) => (
              <li key={id}>
                <a href={hrefOf(id)} aria-current={route === id ? 'page' : undefined} aria-keyshortcuts={`Alt+${(i + 1) % 10}`}>
                  <span className="nav-num" aria-hidden="true">{i + 1}</span>
                  <span className="nav-text">
                    <span className="nav-label">{t(`nav.${id}`)}</span>
                    <span className="nav-hint">{t(`navHint.${id}`)}</span>
                  </span>
                </a>
              </li>
            ))}
          </ol>
        </nav>
        <main id="main" tabIndex={-1} className="page">
          <NoticeOutlet />
          <DeadlineWarning />
          <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
            <Page />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
