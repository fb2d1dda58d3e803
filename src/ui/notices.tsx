import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { errorText, pickLanguage } from './format';
import { classifyStorageError } from '../db';

export interface Notice {
  id: number;
  tone: 'info' | 'error';
  text: string;
}

interface NoticeApi {
  notify: (text: string, tone?: Notice['tone']) => void;
  /** Shows a storage failure in plain words (full disk, read-only, closed connection, other). */
  reportError: (err: unknown) => void;
}

const NoticeContext = createContext<NoticeApi | null>(null);
/** Where the shell reserves room for notices (the top of main); without one they follow the children. */
const OutletContext = createContext<((el: HTMLElement | null) => void) | null>(null);
const INFO_MS = 6000;

export function NoticeProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [notices, setNotices] = useState<Notice[]>([]);
  const [outlet, setOutlet] = useState<HTMLElement | null>(null);
  const nextId = useRef(1);
  // Auto-dismiss timers, cleared when a notice is closed and when the provider unmounts, so none fires
  // into a torn-down tree.
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer !== undefined) clearTimeout(timer);
    timers.current.delete(id);
    setNotices((list) => list.filter((n) => n.id !== id));
  }, []);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  const notify = useCallback(
    (text: string, tone: Notice['tone'] = 'info') => {
      const id = nextId.current++;
      setNotices((list) => [...list.slice(-3), { id, tone, text }]);
      // Errors stay until closed: the user has to read them.
      if (tone === 'info') timers.current.set(id, setTimeout(() => dismiss(id), INFO_MS));
    },
    [dismiss],
  );

  const reportError = useCallback(
    (err: unknown) => {
      const problem = classifyStorageError(err);
      if (problem === 'quota') notify(t('notice.quota'), 'error');
      else if (problem === 'read-only') notify(t('notice.readOnly'), 'error');
      else if (problem === 'closed') notify(t('notice.closed'), 'error');
      else notify(t('notice.unknown', { message: pickLanguage(errorText(err), i18n.language) }), 'error');
    },
    [notify, t, i18n],
  );

  // Esc closes the newest notice when nothing else wants the key (a dialog, a field, the grid).
  useEffect(() => {
    const latest = notices[notices.length - 1];
    if (!latest) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (target && target !== document.body && !target.closest('.notices, main, .page')) return;
      if (target?.closest('input, textarea, select, [role="dialog"], [role="alertdialog"], [role="grid"]')) return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      dismiss(latest.id);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [notices, dismiss]);

  const api = useMemo(() => ({ notify, reportError }), [notify, reportError]);
  const info = notices.filter((n) => n.tone === 'info');
  const errors = notices.filter((n) => n.tone === 'error');

  const region = (
    <section className="notices" aria-label={t('notice.region')}>
      {/* Live regions exist from the start so screen readers announce what is added to them. */}
      <div role="alert" className="notice-stack">
        {errors.map((n) => <NoticeItem key={n.id} notice={n} onClose={dismiss} />)}
      </div>
      <div role="status" className="notice-stack">
        {info.map((n) => <NoticeItem key={n.id} notice={n} onClose={dismiss} />)}
      </div>
    </section>
  );

  return (
    <NoticeContext.Provider value={api}>
      <OutletContext.Provider value={setOutlet}>
        {children}
        {outlet ? createPortal(region, outlet) : region}
      </OutletContext.Provider>
    </NoticeContext.Provider>
  );
}

/**
 * The room reserved for notices at the top of the page's main area: they push the page down instead of
 * covering its content or its buttons.
 */
export function NoticeOutlet() {
  const register = useContext(OutletContext);
  return <div className="notice-outlet" ref={register ?? undefined} />;
}

function NoticeItem({ notice, onClose }: { notice: Notice; onClose: (id: number) => void }) {
  const { t } = useTranslation();
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    onClose(notice.id);
  };
  return (
    <div className={`notice notice-${notice.tone}`} onKeyDown={onKeyDown}>
      <p>{notice.text}</p>
      <button type="button" className="notice-close" aria-label={t('notice.close')} onClick={() => onClose(notice.id)}>
        ×
      </button>
    </div>
  );
}

export function useNotices(): NoticeApi {
  const api = useContext(NoticeContext);
  if (!api) throw new Error('useNotices outside NoticeProvider');
  return api;
}
