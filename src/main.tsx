// The renderer entry: the bundled Korean font first (no CJK font can be assumed on the machine, and
// nothing may load from the network), then the app's styles, then the database, then the first render.
import '@fontsource-variable/noto-sans-kr/index.css';
import './ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getSetting, openDesk, readFirst, requestPersistentStorage, type FirstReads } from './db';
import { App } from './ui/App';
import { createI18n, isLanguage } from './ui/i18n';

let workerAsked = false;

/**
 * The automatic backups (a zip writer, the backup reader and the database copy) load beside the first
 * screen, not before it: the copy before an upgrade waits for them, the daily one never needs to.
 */
const autoBackups = () => import('./ui/backup/auto');

/**
 * The phone app's service worker (issue 19): on http(s) it keeps the app working offline after the first
 * load. Registered once the first screen is shown and the page has loaded, never before: its install
 * fetches and caches every asset, and beside a fresh start that took ~0.3 s of its ~1.8 s on 2 cores
 * (docs/benchmarks.md, "First render"). Offline use begins on the next load either way. Never in the
 * Electron shell.
 */
function registerServiceWorker(): void {
  if (workerAsked || !/^https?:$/.test(window.location.protocol) || !('serviceWorker' in navigator)) return;
  workerAsked = true;
  const register = () => void navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  if (document.readyState === 'complete') setTimeout(register, 0);
  else window.addEventListener('load', () => setTimeout(register, 0), { once: true });
}

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from index.html');
  // Ask once, early: the answer is shown in settings.
  const persistence = requestPersistentStorage();
  // An older database is copied (automatic backup) before the new schema upgrades it.
  const opened = await openDesk(undefined, { beforeUpgrade: async (upgrade) => (await autoBackups()).backupBeforeUpgrade(upgrade) });
  let language: 'ko' | 'en' = 'ko';
  let first: FirstReads | null = null;
  if (opened.kind === 'ready') {
    // The first screen's data with the language, so the first render shows the claims, not "loading…".
    const [saved, reads] = await Promise.all([getSetting(opened.db, 'language').catch(() => undefined), readFirst(opened.db)]);
    first = reads;
    if (isLanguage(saved)) language = saved;
    // On quit and daily (desktop shell only); never in the way of the first render.
    const db = opened.db;
    void autoBackups().then(({ startAutoBackups }) => startAutoBackups({ db }));
  }
  const i18n = createI18n(language);
  createRoot(container).render(
    <StrictMode>
      <App opened={opened} i18n={i18n} persistence={persistence} first={first} onShown={registerServiceWorker} />
    </StrictMode>,
  );
}

/**
 * The phone app (issue 19): a narrow screen opened without a page goes straight to the quick log. Never in
 * the Electron shell.
 */
function phoneApp(): void {
  const noPage = window.location.hash === '' || window.location.hash === '#' || window.location.hash === '#/';
  if (noPage && window.matchMedia('(max-width: 480px)').matches) window.location.hash = '#/records/quick';
}

phoneApp();
void start();
