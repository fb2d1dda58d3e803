import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { durationText } from '../../core/batch/progress';
import { batchCounts } from '../../core/batch/resolve';
import { isoKst } from '../../core/packet/format';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { errorText, pickLanguage } from '../format';
import { useNotices } from '../notices';
import { associationTrackerOf, groupMediationRosterOf } from '../../core/tracker/association';
import { AggregateTables } from './AggregateTables';
import { associationMembers } from './association';
import { AssociationView } from './AssociationView';
import type { BatchRunner } from './client';
import { decisionsFileBytes, parseDecisionsFile } from './decisions';
import { DecisionsLog } from './DecisionsLog';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { ItemsList } from './ItemsList';
import { PairsReview } from './PairsReview';
import type { BatchFile, ExportKind } from './protocol';
import { useBatchWorkspace } from './useBatchWorkspace';
import '../styles/batch.css';

const EXTENSION: Record<ExportKind, string> = { csv: 'csv', xlsx: 'xlsx', pdf: 'pdf', zip: 'zip' };
const STEM: Record<ExportKind, string> = { csv: 'batch-roster', xlsx: 'batch-roster', pdf: 'batch-summary', zip: 'batch' };

/** `20221101-0930` in KST, for file names. */
function stamp(now: Date): string {
  return isoKst(now).slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

/** The association batch workspace: bring in, check, decide, count, export. */
export function BatchWorkspace({ runner }: { runner: BatchRunner }) {
  const { t, i18n } = useTranslation();
  const { notify } = useNotices();
  const ws = useBatchWorkspace(runner);
  const [confirmClear, setConfirmClear] = useState(false);
  const [redact, setRedact] = useState(false);
  const { workspace, result, job } = ws;
  const counts = batchCounts(result);
  const hasItems = counts.items > 0;
  const busy = job !== null;

  const failed = (err: unknown) => {
    notify(t('batch.progress.failed', { message: pickLanguage(errorText(err), i18n.language) }), 'error');
  };

  const onFiles = async (files: BatchFile[]) => {
    if (!files.length) {
      notify(t('batch.import.nothing'), 'error');
      return;
    }
    try {
      const added = await ws.addFiles(files);
      if (added) notify(t('batch.import.added', added));
      else notify(t('batch.progress.readCancelled'));
    } catch (err) {
      failed(err);
    }
  };

  const save = async (name: string, bytes: Uint8Array) => {
    const saved = await getBridge().saveFile({ suggestedName: name, bytes });
    notify(saved.saved ? t('batch.export.saved', { name }) : t('batch.export.notSaved'));
  };

  const onExport = async (kind: ExportKind, redact: boolean) => {
    try {
      const now = new Date();
      const info = await getBridge().appInfo();
      const bytes = await ws.exportFile(kind, { redact, appVersion: info.version, now });
      if (!bytes) {
        notify(t('batch.progress.exportCancelled'));
        return;
      }
      await save(`${STEM[kind]}-${stamp(now)}${redact ? '-redacted' : ''}.${EXTENSION[kind]}`, bytes);
    } catch (err) {
      failed(err);
    }
  };

  /** The group-mediation roster (CSV with BOM) of one harm group, masked when the page's switch says so. */
  const onGroupRoster = async (groupKey: string, serviceId: string) => {
    try {
      const members = associationMembers(result.applied.kept, { redact });
      const csv = groupMediationRosterOf(associationTrackerOf(members), members, groupKey);
      await save(`group-mediation-${serviceId}-${stamp(new Date())}${redact ? '-redacted' : ''}.csv`, new TextEncoder().encode(csv));
    } catch (err) {
      failed(err);
    }
  };

  const saveDecisions = async () => {
    const mine = workspace.decisions;
    if (!mine.length) {
      notify(t('batch.decisions.nothingToSave'));
      return;
    }
    const now = new Date();
    try {
      await save(`batch-decisions-${stamp(now)}.json`, decisionsFileBytes(mine, now));
    } catch (err) {
      failed(err);
    }
  };

  const loadDecisions = async () => {
    try {
      const [file] = await getBridge().openFiles({ accept: ['json'] });
      if (!file) return;
      const parsed = parseDecisionsFile(file.bytes);
      if (!parsed.ok) {
        notify(t('batch.decisions.loadInvalid', { file: file.name, detail: parsed.detail }), 'error');
        return;
      }
      const { applied, skipped } = ws.loadDecisions(parsed.decisions);
      notify([t('batch.decisions.loaded', { count: applied }), skipped ? t('batch.decisions.skipped', { count: skipped }) : ''].filter(Boolean).join(' '));
    } catch (err) {
      failed(err);
    }
  };

  const progress = job?.progress;
  return (
    <div className="batch-workspace">
      <PageHeader step={9} title={t('nav.batch')} lead={t('batch.lead')} />
      <p className="batch-privacy">{t('batch.privacy')}</p>

      <section className="section" aria-labelledby="batch-import">
        <h2 id="batch-import">{t('batch.import.title')}</h2>
        <ImportPanel disabled={busy} onFiles={(files) => void onFiles(files)} onError={failed} />
        {job && (
          <div className="batch-progress" role="status" aria-live="polite" data-testid="batch-progress">
            <progress max={progress?.total || 1} value={progress?.total ? progress.done : undefined} aria-label={t('batch.progress.label')} />
            <span>
              {t(`batch.progress.${progress?.phase ?? (job.kind === 'read' ? 'reading' : 'roster')}`)}
              {progress && progress.total > 1 && <span className="muted"> {t('batch.progress.count', { done: progress.done, total: progress.total })}</span>}
              {progress && progress.total > 1 && progress.perSecond !== null && (
                <span className="muted" data-testid="batch-progress-rate">
                  {' · '}{t('batch.progress.rate', { rate: (progress.perSecond >= 10 ? Math.round(progress.perSecond) : Math.round(progress.perSecond * 10) / 10).toLocaleString(i18n.language) })}
                  {progress.secondsLeft ? ` · ${t('batch.progress.left', { time: durationText(progress.secondsLeft)[i18n.language.startsWith('en') ? 'en' : 'ko'] })}` : ''}
                </span>
              )}
            </span>
            <button type="button" className="button" onClick={job.cancel}>{t('batch.progress.cancel')}</button>
          </div>
        )}
      </section>

      {!hasItems ? (
        <EmptyState title={t('batch.emptyTitle')} body={t('batch.emptyBody')} />
      ) : (
        <>
          <section className="section" aria-labelledby="batch-summary">
            <h2 id="batch-summary">{t('batch.summary.title')}</h2>
            <dl className="batch-counts" data-testid="batch-counts">
              <div><dt>{t('batch.summary.files')}</dt><dd data-testid="count-files">{workspace.files.length}</dd></div>
              <div><dt>{t('batch.summary.items')}</dt><dd data-testid="count-items">{counts.items}</dd></div>
              <div className="is-main"><dt>{t('batch.summary.kept')}</dt><dd data-testid="count-kept">{counts.kept}</dd></div>
              <div><dt>{t('batch.summary.invalid')}</dt><dd data-testid="count-invalid">{counts.invalid}</dd></div>
              <div><dt>{t('batch.summary.duplicates')}</dt><dd data-testid="count-duplicates">{counts.duplicatesRemoved}</dd></div>
              <div><dt>{t('batch.summary.suspected')}</dt><dd data-testid="count-suspected">{t('batch.summary.pairs', { count: counts.suspectedPairs })}</dd></div>
            </dl>
            <ItemsList result={result} />
            <div className="batch-clear">
              <button type="button" className="button button-quiet button-danger-text" disabled={busy} onClick={() => setConfirmClear(true)}>{t('batch.import.clear')}</button>
            </div>
          </section>

          <section className="section" aria-labelledby="batch-pairs">
            <h2 id="batch-pairs">{t('batch.pairs.title')}</h2>
            <p className="muted">{t('batch.pairs.lead')}</p>
            <PairsReview
              result={result}
              onDecide={(d) => {
                ws.decide(d);
                notify(t('batch.pairs.decided', { action: t(`batch.decisions.actionLabel.${d.action}`) }));
              }}
            />
            <h3 className="batch-subhead">{t('batch.decisions.title')}</h3>
            <p className="muted">{t('batch.decisions.lead')}</p>
            <DecisionsLog
              decisions={result.decisions}
              pairs={result.pairs}
              onUndo={(d) => {
                ws.undo(d);
                notify(t('batch.decisions.undone'));
              }}
            />
            <div className="batch-decision-files">
              <button type="button" className="button" onClick={() => void saveDecisions()}>{t('batch.decisions.save')}</button>
              <button type="button" className="button" disabled={busy} onClick={() => void loadDecisions()}>{t('batch.decisions.load')}</button>
            </div>
          </section>

          <section className="section" aria-labelledby="batch-tables">
            <h2 id="batch-tables">{t('batch.tables.title')}</h2>
            <p className="muted">{t('batch.tables.lead')}</p>
            <AggregateTables aggregates={result.aggregates} />
          </section>

          <section className="section" aria-labelledby="batch-export">
            <h2 id="batch-export">{t('batch.export.title')}</h2>
            <p className="muted">{t('batch.export.lead')}</p>
            <ExportPanel disabled={busy} suspectedLeft={counts.suspectedPairs} redact={redact} onRedact={setRedact} onExport={(kind, redact) => void onExport(kind, redact)} />
          </section>

          <section className="section" aria-labelledby="batch-association">
            <h2 id="batch-association">{t('batch.association.title')}</h2>
            <p className="muted">{t('batch.association.lead')}</p>
            <AssociationView members={result.applied.kept} redact={redact} disabled={busy} onRoster={(key, serviceId) => void onGroupRoster(key, serviceId)} />
          </section>
        </>
      )}

      {confirmClear && (
        <ConfirmDialog
          title={t('batch.import.clearTitle')}
          body={t('batch.import.clearBody', { items: counts.items, decisions: workspace.decisions.length })}
          confirmLabel={t('batch.import.clearConfirm')}
          cancelLabel={t('batch.progress.cancel')}
          danger
          onConfirm={() => {
            ws.clear();
            setConfirmClear(false);
            notify(t('batch.import.cleared'));
          }}
          onCancel={() => setConfirmClear(false)}
        />
      )}
    </div>
  );
}
