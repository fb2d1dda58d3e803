import { useTranslation } from 'react-i18next';
import type { ReadOnlySnapshot } from '../../db';
import { formatKstDateTime } from '../format';

/**
 * Shown instead of the app when the data on this machine was saved by a newer version: it lists
 * what is there, read-only, and offers nothing that writes.
 */
export function UpdateRequiredPage({ found, supported, snapshot }: { found: number; supported: number; snapshot: ReadOnlySnapshot }) {
  const { t, i18n } = useTranslation();
  return (
    <main className="blocking" id="main">
      <div className="blocking-card" role="alert" aria-labelledby="update-title">
        <h1 id="update-title">{t('updateRequired.title')}</h1>
        <p>{t('updateRequired.body', { found, supported })}</p>
        <p className="strong">{t('updateRequired.action')}</p>
      </div>
      <section className="blocking-card" aria-labelledby="update-claims">
        <h2 id="update-claims">{t('updateRequired.claimsTitle')}</h2>
        {snapshot.claims.length === 0 ? (
          <p className="muted">{t('updateRequired.noClaims')}</p>
        ) : (
          <ul className="plain-list">
            {snapshot.claims.map((c) => (
              <li key={c.id}>
                <strong>{c.title}</strong>
                {c.updatedAt && <span className="muted"> · {formatKstDateTime(c.updatedAt, i18n.language)}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

export function OpenFailedPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <main className="blocking" id="main">
      <div className="blocking-card" role="alert">
        <h1>{t('app.openFailedTitle')}</h1>
        <p>{t('app.openFailedBody')}</p>
        <p className="muted"><code>{error instanceof Error ? `${error.name}: ${error.message}` : String(error)}</code></p>
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </button>
      </div>
    </main>
  );
}
