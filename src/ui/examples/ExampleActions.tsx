import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useCurrentClaim, useDb } from '../desk';
import { useNotices } from '../notices';
import { countExampleClaims, removeExampleClaims } from '../../db';
import { addExampleClaims } from './examples';

/** "예시로 둘러보기": adds the bundled example claims and opens the first one. */
export function LoadExamplesButton() {
  const { t } = useTranslation();
  const db = useDb();
  const { select } = useCurrentClaim();
  const { notify, reportError } = useNotices();
  const [busy, setBusy] = useState(false);

  async function load() {
    setBusy(true);
    try {
      const ids = await addExampleClaims(db);
      if (ids[0]) await select(ids[0]);
      notify(t('examples.added', { count: ids.length }));
    } catch (err) {
      if (err instanceof Error && err.name === 'ExampleFileError') notify(err.message, 'error');
      else reportError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="examples-offer">
      <button type="button" className="button" onClick={() => void load()} disabled={busy} aria-describedby="examples-offer-hint">
        {busy ? t('examples.loading') : t('examples.load')}
      </button>
      <p id="examples-offer-hint" className="muted">{t('examples.loadHint')}</p>
    </div>
  );
}

/** Shown while example claims exist: they are examples, and one click (confirmed) removes them all. */
export function ExamplesBanner() {
  const { t } = useTranslation();
  const db = useDb();
  const { claim, select } = useCurrentClaim();
  const { notify, reportError } = useNotices();
  const count = useLiveQuery(() => countExampleClaims(db), [db]);
  const [asking, setAsking] = useState(false);
  if (!count) return null;

  async function remove() {
    setAsking(false);
    try {
      const removed = await removeExampleClaims(db);
      if (claim?.example === 1) await select(null);
      notify(t('examples.removed', { count: removed }));
    } catch (err) {
      reportError(err);
    }
  }

  return (
    <div className="examples-banner">
      <p>
        <span className="tag tag-example">{t('examples.badge')}</span> {t('examples.bannerText', { count })}
      </p>
      <button type="button" className="button button-quiet button-danger-text" onClick={() => setAsking(true)}>
        {t('examples.remove')}
      </button>
      {asking && (
        <ConfirmDialog
          danger
          title={t('examples.removeTitle')}
          body={t('examples.removeBody', { count })}
          confirmLabel={t('examples.removeConfirm')}
          cancelLabel={t('examples.cancel')}
          onConfirm={() => void remove()}
          onCancel={() => setAsking(false)}
        />
      )}
    </div>
  );
}
