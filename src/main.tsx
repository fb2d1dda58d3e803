// The renderer entry: the bundled Korean font first (no CJK font can be assumed on the machine, and
// nothing may load from the network), then the app's styles, then the database, then the first render.
import '@fontsource-variable/noto-sans-kr/index.css';
import './ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getSetting, openDesk, readFirst, requestPersistentStorage, type FirstReads } from './db';
import { App } from './ui/App';
import { backupBeforeUpgrade, startAutoBackups } from './ui/backup/auto';
import { createI18n, isLanguage } from './ui/i18n';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from index.html');
  // Ask once, early: the answer is shown in settings.
  const persistence = requestPersistentStorage();
  // An older database is copied (automatic backup) before the new schema upgrades it.
  const opened = await openDesk(undefined, { beforeUpgrade: (upgrade) => backupBeforeUpgrade(upgrade) });
  let language: 'ko' | 'en' = 'ko';
  let first: FirstReads | null = null;
  if (opened.kind === 'ready') {
    // The first screen's data with the language, so the first render shows the claims, not "loading…".
    const [saved, reads] = await Promise.all([getSetting(opened.db, 'language').catch(() => undefined), readFirst(opened.db)]);
    first = reads;
    if (isLanguage(saved)) language = saved;
    // On quit and daily (desktop shell only); never in the way of the first render.
    startAutoBackups({ db: opened.db });
  }
  const i18n = createI18n(language);
  createRoot(container).render(
    <StrictMode>
      <App opened={opened} i18n={i18n} persistence={persistence} first={first} />
    </StrictMode>,
  );
}

/**
 * The phone app (issue 19): on http(s) the service worker keeps the app working offline after the first
 * load; a narrow screen opened without a page goes straight to the quick log. Never in the Electron shell.
 */
function phoneApp(): void {
  if (/^https?:$/.test(window.location.protocol) && 'serviceWorker' in navigator) {
    void navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  }
  const noPage = window.location.hash === '' || window.location.hash === '#' || window.location.hash === '#/';
  if (noPage && window.matchMedia('(max-width: 480px)').matches) window.location.hash = '#/records/quick';
}

phoneApp();
void start();
