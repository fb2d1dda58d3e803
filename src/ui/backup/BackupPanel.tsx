import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { BridgeError, getBridge } from '../../bridge';
import type { AppInfo } from '../../bridge';
import type { AutoBackupList } from '../../bridge/contract';
import { AUTO_BACKUPS_KEPT, backupFileName, BackupError, checkNewPassphrase, isEncryptedBackup, type BackupSummary } from '../../core/backup';
import { textIn } from '../../core/model/common';
import { BROWSER_BACKUPS_KEPT } from '../../bridge/browser-auto-backups';
import { previewBackup, restoreBackup } from '../../db/backup';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useDb } from '../desk';
import { errorText, formatBytes, formatKstDateTime, pickLanguage } from '../format';
import { useNotices } from '../notices';
import { onAutoBackupAttempt, preUpgradeOutcome } from './auto';
import { BackupCancelledError, startBackup, type BackupJob } from './build';
import '../styles/backup.css';

/** Backup files can hold every evidence scan; the bridge's own cap for opening a file. */
const MAX_BACKUP_OPEN_BYTES = 500 * 1024 * 1024;

interface Problem {
  text: string;
  detail?: string;
}

/** A refused backup in the reader's words; the checker's reason, in the reader's language, goes below as the detail. */
function backupProblem(err: unknown, t: TFunction, language: string): Problem {
  if (err instanceof BackupError) {
    const text =
      err.code === 'wrong-passphrase-or-damaged'
        ? t('backup.errors.wrongPassphrase')
        : err.code === 'not-a-backup'
          ? t('backup.errors.notBackup')
          : err.code === 'newer-version'
            ? t('backup.errors.newer')
            : err.code === 'passphrase-required'
              ? t('backup.errors.passphraseRequired')
              : err.code === 'damaged' || err.code === 'unsafe-zip' || err.code === 'empty' || err.code === 'too-large'
                ? t('backup.errors.damaged')
                : t('backup.errors.other');
    // The wrong-passphrase message says all there is to say; others name the entry, row and field.
    return err.code === 'wrong-passphrase-or-damaged' || err.code === 'passphrase-required' ? { text } : { text, detail: textIn(err.text, language) };
  }
  return { text: t('backup.errors.other'), detail: err instanceof Error ? err.message : String(err) };
}

function ProblemBox({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  return (
    <div className="backup-problem" role="alert">
      <p>{problem.text}</p>
      {problem.detail && <p className="muted backup-detail">{t('backup.errors.detail', { message: problem.detail })}</p>}
    </div>
  );
}

function Working({ label, onCancel }: { label: string; onCancel?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="backup-progress" role="status">
      <label htmlFor={id}>{label}</label>
      {/* No finer measure exists (one zip, one transaction): an indeterminate bar, honestly. */}
      <progress id={id} />
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          {t('backup.make.cancel')}
        </button>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

function MakeBackup() {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify } = useNotices();
  const ids = useId();
  const [lock, setLock] = useState(false);
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [job, setJob] = useState<BackupJob | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);

  async function make(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    setSavedAt(null);
    setFieldError(null);
    if (lock) {
      try {
        checkNewPassphrase(first);
      } catch {
        setFieldError(t('backup.make.tooShort'));
        return;
      }
      if (first.normalize('NFC') !== second.normalize('NFC')) {
        setFieldError(t('backup.make.mismatch'));
        return;
      }
    }
    const started = startBackup(db, lock ? { passphrase: first } : {});
    setJob(started);
    try {
      const bytes = await started.done;
      const name = backupFileName(new Date());
      const saved = await getBridge().saveFile({
        suggestedName: name,
        bytes,
        filters: [{ name: t('backup.make.fileKind'), extensions: ['odbackup'] }],
      });
      if (!saved.saved) notify(t('backup.make.notSaved'));
      else {
        notify(t('backup.make.saved', { name }));
        if (saved.path) setSavedAt(saved.path);
        setFirst('');
        setSecond('');
      }
    } catch (err) {
      if (err instanceof BackupCancelledError) notify(t('backup.make.cancelled'));
      else setProblem({ text: t('backup.make.failed', { message: pickLanguage(errorText(err), i18n.language) }) });
    } finally {
      setJob(null);
    }
  }

  return (
    <form className="backup-card" onSubmit={(e) => void make(e)} aria-labelledby={`${ids}-t`}>
      <h3 id={`${ids}-t`}>{t('backup.make.title')}</h3>
      <label className="backup-check">
        <input type="checkbox" checked={lock} onChange={(e) => setLock(e.target.checked)} disabled={job !== null} />
        {t('backup.make.lock')}
      </label>
      {lock && (
        <div className="backup-lock">
          <p className="muted">{t('backup.make.lockHint')}</p>
          <div className="backup-fields">
            <label>
              <span>{t('backup.make.passphrase')}</span>
              <input type="password" autoComplete="new-password" value={first} onChange={(e) => setFirst(e.target.value)} aria-invalid={fieldError !== null} />
            </label>
            <label>
              <span>{t('backup.make.passphraseAgain')}</span>
              <input type="password" autoComplete="new-password" value={second} onChange={(e) => setSecond(e.target.value)} aria-invalid={fieldError !== null} />
            </label>
          </div>
          <p className="backup-warning" role="note">
            {t('backup.make.warning')}
          </p>
          {fieldError && (
            <p className="field-error" role="alert">
              {fieldError}
            </p>
          )}
        </div>
      )}
      {job ? (
        <Working label={t('backup.make.building')} onCancel={() => job.cancel()} />
      ) : (
        <div className="backup-actions">
          <button type="submit" className="button button-primary">
            {t('backup.make.button')}
          </button>
        </div>
      )}
      {savedAt && <p className="muted backup-detail">{t('backup.make.savedWhere', { path: savedAt })}</p>}
      {problem && <ProblemBox problem={problem} />}
    </form>
  );
}

// ---------------------------------------------------------------------------------------------

interface ChosenFile {
  name: string;
  bytes: Uint8Array;
}

type RestoreState =
  | { kind: 'idle' }
  | { kind: 'checking'; file: ChosenFile }
  | { kind: 'locked'; file: ChosenFile; problem?: Problem }
  | { kind: 'preview'; file: ChosenFile; summary: BackupSummary; passphrase?: string }
  | { kind: 'refused'; file: ChosenFile; problem: Problem }
  | { kind: 'working'; stage: 'safety' | 'restoring' };

function Preview({ file, summary }: { file: ChosenFile; summary: BackupSummary }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => value.toLocaleString(i18n.language === 'en' ? 'en-US' : 'ko-KR');
  const ids = useId();
  return (
    <div className="backup-preview" aria-labelledby={`${ids}-t`}>
      <h4 id={`${ids}-t`}>{t('backup.restore.previewTitle')}</h4>
      <dl className="facts">
        <dt>{t('backup.restore.file')}</dt>
        <dd className="backup-file-name">{file.name}</dd>
        <dt>{t('backup.restore.createdAt')}</dt>
        <dd data-testid="backup-created">{formatKstDateTime(summary.createdAt, i18n.language)}</dd>
        <dt>{t('backup.restore.appVersion')}</dt>
        <dd>{summary.appVersion}</dd>
        <dt>{t('backup.restore.encrypted')}</dt>
        <dd>{summary.encrypted ? t('backup.restore.encryptedYes') : t('backup.restore.encryptedNo')}</dd>
      </dl>
      <p className="strong" data-testid="backup-totals">
        {t('backup.restore.claims', { n: n(summary.claims.length) })} · {t('backup.restore.recordTotal', { n: n(summary.recordCount) })} ·{' '}
        {t('backup.restore.evidenceTotal', { n: n(summary.evidenceCount), size: formatBytes(summary.evidenceBytes, t) })}
      </p>
      {summary.packCount > 0 && <p className="muted" data-testid="backup-packs">{t('backup.restore.packTotal', { n: n(summary.packCount) })}</p>}
      {summary.claims.length === 0 ? (
        <p className="muted">{t('backup.restore.noClaims')}</p>
      ) : (
        <table className="table backup-claims">
          <thead>
            <tr>
              <th scope="col">{t('backup.restore.claimTitle')}</th>
              <th scope="col" className="num">{t('backup.restore.records')}</th>
              <th scope="col" className="num">{t('backup.restore.evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.claims.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  {c.title}
                  {c.draft && <span className="tag">{t('backup.restore.draft')}</span>}
                  {c.example && <span className="tag">{t('backup.restore.example')}</span>}
                </th>
                <td className="num">{n(c.recordCount)}</td>
                <td className="num">{n(c.evidenceCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Check, preview, confirm, safety backup, restore. `incoming` is a file to start with (an automatic backup). */
function RestoreFlow({ incoming, onIncomingTaken, onRestored }: { incoming: ChosenFile | null; onIncomingTaken: () => void; onRestored: () => void }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify } = useNotices();
  const ids = useId();
  const [state, setState] = useState<RestoreState>({ kind: 'idle' });
  const [passphrase, setPassphrase] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const passRef = useRef<HTMLInputElement>(null);

  const check = useCallback(
    async (file: ChosenFile, pass?: string) => {
      setProblem(null);
      if (pass === undefined && isEncryptedBackup(file.bytes)) {
        setPassphrase('');
        setState({ kind: 'locked', file });
        return;
      }
      setState({ kind: 'checking', file });
      const preview = await previewBackup(file.bytes, pass);
      if (preview.ok) setState({ kind: 'preview', file, summary: preview.summary, ...(pass !== undefined ? { passphrase: pass } : {}) });
      else if (pass !== undefined && preview.error.code === 'wrong-passphrase-or-damaged') setState({ kind: 'locked', file, problem: backupProblem(preview.error, t, i18n.language) });
      else setState({ kind: 'refused', file, problem: backupProblem(preview.error, t, i18n.language) });
    },
    [t, i18n.language],
  );

  useEffect(() => {
    if (!incoming) return;
    onIncomingTaken();
    void check(incoming);
  }, [incoming, onIncomingTaken, check]);

  useEffect(() => {
    if (state.kind === 'locked') passRef.current?.focus();
  }, [state]);

  async function choose() {
    setProblem(null);
    try {
      const [picked] = await getBridge().openFiles({ accept: ['odbackup'], maxBytes: MAX_BACKUP_OPEN_BYTES });
      if (picked) await check({ name: picked.name, bytes: picked.bytes });
    } catch (err) {
      setProblem({ text: err instanceof BridgeError ? pickLanguage(errorText(err), i18n.language) : t('backup.errors.other'), ...(err instanceof BridgeError ? {} : { detail: String(err) }) });
    }
  }

  async function replace() {
    if (state.kind !== 'preview') return;
    setConfirming(false);
    const { file, passphrase: pass } = state;
    const bridge = getBridge();
    // The current data first: restore replaces it, and this copy is the way back.
    setState({ kind: 'working', stage: 'safety' });
    let safety: string;
    try {
      const bytes = await startBackup(db).done;
      safety = (await bridge.writeAutoBackup({ bytes, reason: 'before-restore' })).name;
    } catch (err) {
      setState({ kind: 'preview', file, summary: state.summary, ...(pass !== undefined ? { passphrase: pass } : {}) });
      setProblem({ text: t('backup.restore.safetyFailed', { message: pickLanguage(errorText(err), i18n.language) }) });
      return;
    }
    setState({ kind: 'working', stage: 'restoring' });
    try {
      const summary = await restoreBackup(db, file.bytes, { mode: 'replace-all', ...(pass !== undefined ? { passphrase: pass } : {}) });
      setState({ kind: 'idle' });
      const n = (value: number) => value.toLocaleString(i18n.language === 'en' ? 'en-US' : 'ko-KR');
      notify(t('backup.restore.done', { claims: n(summary.claims.length), records: n(summary.recordCount), evidence: n(summary.evidenceCount), safety }));
      onRestored();
    } catch (err) {
      setState({ kind: 'idle' });
      const p = err instanceof BackupError ? backupProblem(err, t, i18n.language) : { text: t('backup.restore.failed', { message: pickLanguage(errorText(err), i18n.language) }) };
      setProblem(p);
      onRestored();
    }
  }

  function unlock(e: FormEvent) {
    e.preventDefault();
    if (state.kind !== 'locked') return;
    if (passphrase === '') {
      setState({ ...state, problem: { text: t('backup.errors.passphraseRequired') } });
      return;
    }
    void check(state.file, passphrase);
  }

  return (
    <div className="backup-card" aria-labelledby={`${ids}-t`} role="group">
      <h3 id={`${ids}-t`}>{t('backup.restore.title')}</h3>
      <p className="muted">{t('backup.restore.lead')}</p>
      {(state.kind === 'idle' || state.kind === 'refused') && (
        <div className="backup-actions">
          <button type="button" className="button button-primary" onClick={() => void choose()}>
            {t('backup.restore.choose')}
          </button>
        </div>
      )}
      {state.kind === 'checking' && <Working label={t('backup.restore.checking')} />}
      {state.kind === 'working' && <Working label={state.stage === 'safety' ? t('backup.restore.safety') : t('backup.restore.restoring')} />}
      {state.kind === 'refused' && <ProblemBox problem={state.problem} />}
      {state.kind === 'locked' && (
        <form className="backup-unlock" onSubmit={unlock}>
          <p>{t('backup.restore.locked', { name: state.file.name })}</p>
          <div className="backup-fields">
            <label>
              <span>{t('backup.restore.passphrase')}</span>
              <input ref={passRef} type="password" autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
            </label>
          </div>
          {state.problem && <ProblemBox problem={state.problem} />}
          <div className="backup-actions">
            <button type="button" className="button" onClick={() => setState({ kind: 'idle' })}>
              {t('backup.restore.cancel')}
            </button>
            <button type="submit" className="button button-primary">
              {t('backup.restore.open')}
            </button>
          </div>
        </form>
      )}
      {state.kind === 'preview' && (
        <>
          <Preview file={state.file} summary={state.summary} />
          <div className="backup-actions">
            <button type="button" className="button" onClick={() => setState({ kind: 'idle' })}>
              {t('backup.restore.another')}
            </button>
            <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
              {t('backup.restore.replace')}
            </button>
          </div>
        </>
      )}
      {problem && <ProblemBox problem={problem} />}
      {confirming && (
        <ConfirmDialog
          title={t('backup.restore.confirmTitle')}
          body={t('backup.restore.confirmBody')}
          confirmLabel={t('backup.restore.confirm')}
          cancelLabel={t('backup.restore.cancel')}
          danger
          onConfirm={() => void replace()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

function AutoBackups({ info, refreshKey, onRestore }: { info: AppInfo | null; refreshKey: number; onRestore: (file: ChosenFile) => void }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const [list, setList] = useState<AutoBackupList | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => onAutoBackupAttempt(() => setTick((n) => n + 1)), []);

  useEffect(() => {
    let live = true;
    getBridge()
      .listAutoBackups()
      .then(
        (l) => live && (setList(l), setProblem(null)),
        (err: unknown) => live && setProblem(t('backup.auto.loadFailed', { message: pickLanguage(errorText(err), i18n.language) })),
      );
    return () => {
      live = false;
    };
  }, [refreshKey, tick, t, i18n.language]);

  async function open(name: string) {
    try {
      const file = await getBridge().readAutoBackup({ name });
      onRestore({ name: file.name, bytes: file.bytes });
    } catch (err) {
      setProblem(pickLanguage(errorText(err), i18n.language));
    }
  }

  const desktop = info?.isElectron === true;
  const upgrade = preUpgradeOutcome;
  const newest = list?.backups[0];

  return (
    <div className="backup-card" role="group" aria-labelledby={`${ids}-t`}>
      <h3 id={`${ids}-t`}>{t('backup.auto.title')}</h3>
      <p className="muted">
        {desktop ? t('backup.auto.leadDesktop', { count: AUTO_BACKUPS_KEPT }) : t('backup.auto.leadBrowser', { count: BROWSER_BACKUPS_KEPT })}
      </p>
      {upgrade && (
        <p className={upgrade.error ? 'backup-warning' : 'backup-note'} role={upgrade.error ? 'alert' : undefined}>
          {upgrade.error
            ? t('backup.auto.upgradeFailed', { message: upgrade.error })
            : upgrade.kind === 'raw-dump'
              ? t('backup.auto.upgradeRaw', { name: upgrade.name })
              : t('backup.auto.upgradeSaved', { from: upgrade.fromVersion, to: upgrade.toVersion, name: upgrade.name })}
        </p>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {list && list.backups.length === 0 && <p className="muted">{t('backup.auto.none')}</p>}
      {list && list.backups.length > 0 && (
        <table className="table backup-auto-list">
          <thead>
            <tr>
              <th scope="col">{t('backup.auto.taken')}</th>
              <th scope="col" className="num">{t('backup.auto.size')}</th>
              <th scope="col">
                <span className="backup-sr-only">{t('backup.auto.restore')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map((b) => (
              <tr key={b.name}>
                <th scope="row" title={b.name}>
                  {formatKstDateTime(b.takenAt, i18n.language)}
                </th>
                <td className="num">{formatBytes(b.size, t)}</td>
                <td className="backup-row-action">
                  <button type="button" className="button" onClick={() => void open(b.name)} aria-label={`${t('backup.auto.restore')} ${formatKstDateTime(b.takenAt, i18n.language)}`}>
                    {t('backup.auto.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {desktop && newest?.path && (
        <div className="backup-actions">
          <button type="button" className="button" onClick={() => void getBridge().revealFile({ path: newest.path! }).catch((err: unknown) => setProblem(pickLanguage(errorText(err), i18n.language)))}>
            {t('backup.auto.showFolder')}
          </button>
        </div>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

/** Backup and restore, rendered in settings. */
export function BackupPanel() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [incoming, setIncoming] = useState<ChosenFile | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const restoreRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    getBridge()
      .appInfo()
      .then((i) => live && setInfo(i), () => undefined);
    return () => {
      live = false;
    };
  }, []);

  const taken = useCallback(() => setIncoming(null), []);
  const restored = useCallback(() => setRefreshKey((n) => n + 1), []);

  return (
    <section className="section backup" aria-labelledby="settings-backup">
      <h2 id="settings-backup">{t('backup.title')}</h2>
      <p className="lead">{t('backup.lead')}</p>
      <MakeBackup />
      <div ref={restoreRef}>
        <RestoreFlow incoming={incoming} onIncomingTaken={taken} onRestored={restored} />
      </div>
      <AutoBackups
        info={info}
        refreshKey={refreshKey}
        onRestore={(file) => {
          setIncoming(file);
          restoreRef.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
        }}
      />
    </section>
  );
}
