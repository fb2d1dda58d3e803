import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { createClaim, deleteClaim, listClaims, MAX_TITLE_LENGTH, renameClaim } from '../../db';
import type { ClaimRow } from '../../db';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyState } from '../components/EmptyState';
import { ExamplesBanner, LoadExamplesButton } from '../examples/ExampleActions';
import { SetupFlow } from '../setup/SetupFlow';
import { PageHeader } from '../components/PageHeader';
import { useCurrentClaim, useDb, useFirstRead } from '../desk';
import { formatKstDateTime } from '../format';
import { useNotices } from '../notices';

/** Checks a claim name the way the repository will, so the message can be shown beside the field. */
function useTitleCheck() {
  const { t } = useTranslation();
  return (title: string): string | null => {
    const clean = title.trim();
    if (!clean) return t('claims.titleRequired');
    if (clean.length > MAX_TITLE_LENGTH) return t('claims.titleTooLong', { max: MAX_TITLE_LENGTH });
    return null;
  };
}

export default function ClaimantPage() {
  const { t } = useTranslation();
  const db = useDb();
  const claims = useLiveQuery(() => listClaims(db), [db], useFirstRead('claims'));
  const { claim: current, select } = useCurrentClaim();
  const { notify, reportError } = useNotices();
  const [deleting, setDeleting] = useState<ClaimRow | null>(null);

  async function confirmDelete() {
    const target = deleting;
    setDeleting(null);
    if (!target) return;
    try {
      await deleteClaim(db, target.id);
      if (current?.id === target.id) await select(null);
      notify(t('claims.deleted', { title: target.title }));
    } catch (err) {
      reportError(err);
    }
  }

  return (
    <>
      <PageHeader step={1} title={t('claims.title')} lead={t('claims.lead')} />
      {current && <SetupFlow key={current.id} claim={current} />}
      <NewClaimForm onCreated={async (row) => {
        await select(row.id);
        notify(t('claims.created', { title: row.title }));
      }} />
      <section className="section" aria-labelledby="claims-list-title">
        <h2 id="claims-list-title">{t('claims.listTitle')}</h2>
        <ExamplesBanner />
        {claims === undefined ? (
          <p className="muted">{t('app.loading')}</p>
        ) : claims.length === 0 ? (
          <EmptyState title={t('claims.emptyTitle')} body={t('claims.emptyBody')} action={<LoadExamplesButton />} />
        ) : (
          <ul className="claim-list">
            {claims.map((row) => (
              <ClaimItem
                key={row.id}
                claim={row}
                isCurrent={current?.id === row.id}
                onSelect={() => select(row.id).catch(reportError)}
                onDelete={() => setDeleting(row)}
              />
            ))}
          </ul>
        )}
      </section>
      {deleting && (
        <ConfirmDialog
          danger
          title={t('claims.deleteTitle')}
          body={t('claims.deleteBody', { title: deleting.title })}
          confirmLabel={t('claims.deleteConfirm')}
          cancelLabel={t('claims.cancel')}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setDeleting(null)}
        />
      )}
    </>
  );
}

function NewClaimForm({ onCreated }: { onCreated: (row: ClaimRow) => Promise<void> }) {
  const { t } = useTranslation();
  const db = useDb();
  const { reportError } = useNotices();
  const check = useTitleCheck();
  const inputId = useId();
  const errorId = useId();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = check(title);
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      const row = await createClaim(db, { title });
      setTitle('');
      await onCreated(row);
    } catch (err) {
      reportError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="new-claim" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={inputId}>{t('claims.newLabel')}</label>
      <div className="field-row">
        <input
          id={inputId}
          value={title}
          placeholder={t('claims.newPlaceholder')}
          maxLength={MAX_TITLE_LENGTH + 20}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setTitle(e.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('claims.create')}
        </button>
      </div>
      {error && <p id={errorId} className="field-error">{error}</p>}
    </form>
  );
}

interface ItemProps {
  claim: ClaimRow;
  isCurrent: boolean;
  onSelect: () => void;
  onDelete: () => void;
}

function ClaimItem({ claim, isCurrent, onSelect, onDelete }: ItemProps) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify, reportError } = useNotices();
  const check = useTitleCheck();
  const inputId = useId();
  const errorId = useId();
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(claim.title);
  const [error, setError] = useState<string | null>(null);

  async function saveRename(e: FormEvent) {
    e.preventDefault();
    const problem = check(draft);
    setError(problem);
    if (problem) return;
    try {
      await renameClaim(db, claim.id, draft);
      setRenaming(false);
      notify(t('claims.renamed', { title: draft.trim().replace(/\s+/g, ' ') }));
    } catch (err) {
      reportError(err);
    }
  }

  function cancelRename() {
    setRenaming(false);
    setDraft(claim.title);
    setError(null);
  }

  return (
    <li className={isCurrent ? 'claim-item is-current' : 'claim-item'}>
      {renaming ? (
        <form className="rename-form" onSubmit={(e) => void saveRename(e)} noValidate>
          <label htmlFor={inputId}>{t('claims.renameLabel', { title: claim.title })}</label>
          <div className="field-row">
            <input
              id={inputId}
              value={draft}
              autoFocus
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && cancelRename()}
            />
            <button type="submit" className="button button-primary">{t('claims.save')}</button>
            <button type="button" className="button" onClick={cancelRename}>{t('claims.cancel')}</button>
          </div>
          {error && <p id={errorId} className="field-error">{error}</p>}
        </form>
      ) : (
        <>
          <div className="claim-main">
            <h3 className="claim-title">
              {claim.title}
              {claim.example === 1 && <span className="tag tag-example">{t('claims.example')}</span>}
              {isCurrent && <span className="tag tag-current">{t('claims.current')}</span>}
            </h3>
            <p className="muted">{t('claims.updatedAt', { date: formatKstDateTime(claim.updatedAt, i18n.language) })}</p>
          </div>
          <div className="claim-actions">
            {!isCurrent && (
              <button type="button" className="button" onClick={onSelect}>{t('claims.open')}</button>
            )}
            <button type="button" className="button button-quiet" onClick={() => setRenaming(true)} aria-label={`${t('claims.rename')}: ${claim.title}`}>
              {t('claims.rename')}
            </button>
            <button type="button" className="button button-quiet button-danger-text" onClick={onDelete} aria-label={`${t('claims.delete')}: ${claim.title}`}>
              {t('claims.delete')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
