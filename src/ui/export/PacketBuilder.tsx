import { useEffect, useRef, useState } from 'react';
import { checkQuickLog } from '../../db';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import type { Claim } from '../../core/model';
import type { IncidentPack } from '../../core/model/incident-pack';
import { listEvidence } from '../../db';
import { useDb } from '../desk';
import { errorText, formatBytes, pickLanguage } from '../format';
import { useNotices } from '../notices';
import { inLanguage } from './language';
import { PacketBuildCancelled, startPacketBuild } from './packet-client';
import type { PacketJobStage } from './packet-job';

type Stage = PacketJobStage | 'saving';
const STAGES: readonly Stage[] = ['reading', 'fonts', 'building', 'saving'];

type State =
  | { phase: 'idle' }
  | { phase: 'working'; stage: Stage }
  | { phase: 'saved'; name: string; size: number; sha256: string; path?: string; isElectron: boolean; missing: number }
  | { phase: 'not-saved' };

/** "증빙 묶음 만들기": build in a worker with progress and cancel, then save through the bridge. */
/** `pack`: the claim's pack when it is stored here (not bundled); the packet is computed with it and carries it. */
export function PacketBuilder({ claim, channel, evidenceCount, pack }: { claim: Claim; channel: string; evidenceCount: number; pack?: IncidentPack | undefined }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify } = useNotices();
  const [state, setState] = useState<State>({ phase: 'idle' });
  const cancelRef = useRef<(() => void) | null>(null);

  // Leaving the page ends a build in progress; switching channel forgets the last result.
  useEffect(() => () => cancelRef.current?.(), []);
  useEffect(() => setState((s) => (s.phase === 'working' ? s : { phase: 'idle' })), [channel, claim]);

  async function build() {
    setState({ phase: 'working', stage: 'reading' });
    try {
      const [rows, info, quickLog] = await Promise.all([listEvidence(db, claim.id), getBridge().appInfo(), checkQuickLog(db, claim.id)]);
      const job = startPacketBuild(
        {
          claim, channel, evidence: rows.map((r) => ({ fileName: r.fileName, blob: r.blob })), appVersion: info.version, now: new Date().toISOString(),
          // The quick log's chain goes into the packet in words, when there is a log.
          ...(quickLog.entries > 0 ? { quickLog } : {}),
          ...(pack ? { pack } : {}),
        },
        (stage) => setState({ phase: 'working', stage }),
      );
      cancelRef.current = job.cancel;
      const built = await job.result;
      cancelRef.current = null;
      setState({ phase: 'working', stage: 'saving' });
      const saved = await getBridge().saveFile({ suggestedName: built.fileName, bytes: built.bytes });
      if (!saved.saved) {
        setState({ phase: 'not-saved' });
        return;
      }
      setState({
        phase: 'saved',
        name: built.fileName,
        size: built.bytes.byteLength,
        sha256: built.sha256,
        ...(saved.path ? { path: saved.path } : {}),
        isElectron: info.isElectron,
        missing: built.readiness.length,
      });
    } catch (err) {
      cancelRef.current = null;
      if (err instanceof PacketBuildCancelled) {
        setState({ phase: 'idle' });
        notify(t('export.cancelled'));
        return;
      }
      setState({ phase: 'idle' });
      notify(t('export.failed', { message: inLanguage(errorText(err), i18n.language) }), 'error');
    }
  }

  async function reveal(path: string) {
    try {
      await getBridge().revealFile({ path });
    } catch (err) {
      notify(pickLanguage(errorText(err), i18n.language), 'error');
    }
  }

  const working = state.phase === 'working';
  const step = working ? STAGES.indexOf(state.stage) + 1 : 0;
  return (
    <section className="section packet-builder" aria-labelledby="packet-builder-title">
      <h2 id="packet-builder-title">{t('export.build')}</h2>
      <p className="muted">{t('export.buildLead', { count: evidenceCount })}</p>
      {claim.example && <p className="field-error">{t('export.exampleWarning')}</p>}
      <div className="builder-row">
        <button type="button" className="button button-primary" disabled={working} onClick={() => void build()}>
          {t('export.build')}
        </button>
        {working && state.stage !== 'saving' && (
          <button type="button" className="button" onClick={() => cancelRef.current?.()}>
            {t('export.cancel')}
          </button>
        )}
      </div>
      {working && (
        <div className="builder-progress" role="status" aria-live="polite">
          <progress max={STAGES.length} value={step} aria-label={t('export.progress', { step, total: STAGES.length })} />
          <span>{t(`export.stage.${state.stage}`)} <span className="muted">{t('export.progress', { step, total: STAGES.length })}</span></span>
        </div>
      )}
      {state.phase === 'saved' && (
        <div className="builder-result" role="status">
          <p className="strong">{state.isElectron && state.path ? t('export.savedTitle') : t('export.downloadStarted', { name: state.name })}</p>
          {state.isElectron && state.path && (
            <p className="builder-path">
              {t('export.savedPath', { path: state.path })}{' '}
              <button type="button" className="button" onClick={() => void reveal(state.path!)}>
                {t('export.reveal')}
              </button>
            </p>
          )}
          <p className="muted">
            {t('export.packetSummary', { name: state.name, size: formatBytes(state.size, t), sha: state.sha256.slice(0, 12) })}
          </p>
          {state.missing > 0 && <p className="muted">{t('export.stillMissing', { count: state.missing })}</p>}
        </div>
      )}
      {state.phase === 'not-saved' && <p className="muted" role="status">{t('export.saveCancelled')}</p>}
    </section>
  );
}
