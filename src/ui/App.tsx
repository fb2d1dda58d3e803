import { useEffect, useState } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import type { FirstReads, OpenResult, PersistenceState } from '../db';
import { DeskProvider } from './desk';
import { NoticeProvider } from './notices';
import { Shell } from './Shell';
import { OpenFailedPage, UpdateRequiredPage } from './pages/BlockingPages';

interface Props {
  opened: OpenResult;
  i18n: I18n;
  /** The answer to navigator.storage.persist(), asked once at start. */
  persistence?: Promise<PersistenceState>;
  /** The first screen's reads, made before the first render (db/first-reads.ts). */
  first?: FirstReads | null;
  /** Called once the first screen has been committed (the effects after it run after its paint). */
  onShown?: () => void;
}

export function App({ opened, i18n, persistence, first = null, onShown }: Props) {
  const [persisted, setPersisted] = useState<PersistenceState | 'pending'>('pending');
  useEffect(() => {
    onShown?.();
  }, [onShown]);
  useEffect(() => {
    let live = true;
    persistence?.then((state) => live && setPersisted(state));
    return () => {
      live = false;
    };
  }, [persistence]);

  return (
    <I18nextProvider i18n={i18n}>
      {opened.kind === 'ready' ? (
        <DeskProvider db={opened.db} persistence={persistence ? persisted : 'unsupported'} first={first}>
          <NoticeProvider>
            <Shell />
          </NoticeProvider>
        </DeskProvider>
      ) : opened.kind === 'newer' ? (
        <UpdateRequiredPage found={opened.foundVersion} supported={opened.supportedVersion} snapshot={opened.snapshot} />
      ) : (
        <OpenFailedPage error={opened.error} />
      )}
    </I18nextProvider>
  );
}
