import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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
const INFO_MS = 6000;

export function NoticeProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);

  const notify = useCallback(
    (text: string, tone: Notice['tone'] = 'info') => {
      const id = nextId.current++;
      setNotices((list) => [...list.slice(-3), { id, tone, text }]);
      // Errors stay until closed: the user has to read them.
      if (tone === 'info') setTimeout(() => dismiss(id), INFO_MS);
    },
    [dismiss],
  );

  const reportError = useCallback(
    (err: unknown) => {
      const problem = classifyStorageError(err);
      if (problem === 'quota') notify(t('notice.quota'), 'error');
      else if (problem === 'read-only') notify(t('notice.readOnly'), 'error');
      else if (problem === 'closed') notify(t('notice.closed'), 'error');
      else notify(t('notice.unknown', { message: err instanceof Error ? err.message : String(err) }), 'error');
    },
    [notify, t],
  );

  const api = useMemo(() => ({ notify, reportError }), [notify, reportError]);
  const info = notices.filter((n) => n.tone === 'info');
  const errors = notices.filter((n) => n.tone === 'error');

  return (
    <NoticeContext.Provider value={api}>
      {children}
      <section className="notices" aria-label={t('notice.region')}>
        {/* Live regions exist from the start so screen readers announce what is added to them. */}
        <div role="alert" className="notice-stack">
          {errors.map((n) => <NoticeItem key={n.id} notice={n} onClose={dismiss} />)}
        </div>
        <div role="status" className="notice-stack">
          {info.map((n) => <NoticeItem key={n.id} notice={n} onClose={dismiss} />)}
        </div>
      </section>
    </NoticeContext.Provider>
  );
}

function NoticeItem({ notice, onClose }: { notice: Notice; onClose: (id: number) => void }) {
  const { t } = useTranslation();
  return (
    <div className={`notice notice-${notice.tone}`}>
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
