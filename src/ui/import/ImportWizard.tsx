import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BridgeError, getBridge } from '../../bridge';
import { COLUMN_ROLES, IMPORT_SHAPES } from '../../core/io';
import type { ColumnRole, ImportShape } from '../../core/io';
import type { OverlapDecision } from '../../core/io';
import type { SalesChannel } from '../../core/model';
import { addEvidenceFile, ClaimRecordCapError, DuplicateImportError } from '../../db';
import { useDb } from '../desk';
import { labelOfKind } from '../evidence/kinds';
import type { VaultKindId } from '../evidence/kinds';
import { useNotices } from '../notices';
import type { Granularity } from '../records/model';
import { BLANK_CHANNEL, SKIP_CHANNEL } from './engine';
import type { BuildRequest, BuildResponse, ImportProgress, OpenResponse } from './engine';
import { checkAlreadyImported, checkOverlaps, saveImportedRecords, type OverlapCheck } from '../../db';
import { getImportRunner, ImportCancelledError, importProblemText } from './runner';
import { errorText, pickLanguage } from '../format';
import { ChannelsStep, ColumnsStep, OverlapStep, ProgressPanel, RowsStep } from './steps';

export const WIZARD_STEPS = ['file', 'columns', 'channels', 'rows', 'store'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number] | 'done';

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

interface Props {
  claimId: string;
  channels: SalesChannel[];
  granularity: Granularity;
  /** A file dropped on the page (or picked elsewhere) to start with. */
  incoming?: PickedFile | null;
  onIncomingTaken?: () => void;
  onFinished?: () => void;
  /** The claimant's kind (merchant, taxi, designated-driver): a driver's file is trip history, a shop's a sales record. */
  claimantKind?: string;
}

/** What an imported file proves, from what the import saw: a card statement's shape, else the claimant's kind. */
export function importedFileKind(shape: ImportShape, claimantKind: string | undefined): VaultKindId {
  if (shape === 'card') return 'card-statement';
  if (claimantKind === 'taxi' || claimantKind === 'designated-driver') return 'driver-app-history';
  return 'pos-report';
}

type Mapping = Record<ColumnRole, string>;

function fullMapping(partial: Partial<Record<ColumnRole, string>>): Mapping {
  return Object.fromEntries(COLUMN_ROLES.map((role) => [role, partial[role] ?? ''])) as Mapping;
}

/** CSV/XLSX import in five steps: file, columns, channels, rows with problems, overlaps and store. */
export function ImportWizard({ claimId, channels, granularity, incoming, onIncomingTaken, onFinished, claimantKind }: Props) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify, reportError } = useNotices();
  const ids = useId();
  const [step, setStep] = useState<WizardStep>('file');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [opened, setOpened] = useState<OpenResponse | null>(null);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [mapping, setMapping] = useState<Mapping>(fullMapping({}));
  const [shape, setShape] = useState<ImportShape>('aggregated');
  const [built, setBuilt] = useState<BuildResponse | null>(null);
  const [channelChoice, setChannelChoice] = useState<Record<string, string>>({});
  const [fixes, setFixes] = useState<BuildRequest['fixes']>([]);
  const [skips, setSkips] = useState<number[]>([]);
  const [overlap, setOverlap] = useState<OverlapCheck | null>(null);
  const [decision, setDecision] = useState<OverlapDecision | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<{ stored: number; replaced: number; kept: number } | null>(null);
  const op = useRef(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const claimChannelIds = channels.map((c) => c.id);

  useEffect(() => {
    headingRef.current?.focus();
  }, [step]);

  useEffect(() => {
    if (incoming) {
      onIncomingTaken?.();
      void choose(incoming);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [incoming]);

  function reset() {
    op.current++;
    setStep('file');
    setFile(null);
    setOpened(null);
    setBuilt(null);
    setChannelChoice({});
    setFixes([]);
    setSkips([]);
    setOverlap(null);
    setDecision(null);
    setProgress(null);
    setProblem(null);
    setResult(null);
    setSheet(undefined);
  }

  /** Runs one piece of worker work; a later call or a cancel makes its result irrelevant. */
  async function work<T>(run: (onProgress: (p: ImportProgress) => void) => Promise<T>): Promise<T | undefined> {
    const mine = ++op.current;
    setProblem(null);
    setProgress({ stage: 'reading', done: 0, total: 2 });
    try {
      const value = await run((p) => mine === op.current && setProgress(p));
      return mine === op.current ? value : undefined;
    } catch (err) {
      if (mine !== op.current) return undefined;
      if (err instanceof ImportCancelledError) notify(t('import.cancelled'));
      else setProblem(importProblemText(err, i18n.language));
      return undefined;
    } finally {
      if (mine === op.current) setProgress(null);
    }
  }

  function cancel() {
    getImportRunner().cancel();
    op.current++;
    setProgress(null);
    notify(t('import.cancelled'));
  }

  async function choose(picked: PickedFile, wantedSheet?: string) {
    reset();
    setFile(picked);
    const openedFile = await work((p) => getImportRunner().open({ bytes: picked.bytes, fileName: picked.name, ...(wantedSheet ? { sheet: wantedSheet } : {}) }, p));
    if (!openedFile) return;
    const again = await checkAlreadyImported(db, claimId, openedFile.sha256);
    if (!again.ok) {
      setProblem(pickLanguage(again.message, i18n.language));
      return;
    }
    setOpened(openedFile);
    setSheet(wantedSheet ?? openedFile.preview.sheetName);
    setMapping(fullMapping(openedFile.preview.mapping));
    setShape(openedFile.preview.shape ?? 'aggregated');
    setStep('columns');
  }

  async function pick() {
    try {
      const [picked] = await getBridge().openFiles({ accept: ['csv', 'xlsx', 'txt'] });
      if (picked) await choose({ name: picked.name, bytes: picked.bytes });
    } catch (err) {
      if (err instanceof BridgeError) setProblem(pickLanguage(errorText(err), i18n.language));
      else reportError(err);
    }
  }

  function defaultChoice(response: BuildResponse): Record<string, string> {
    const choice: Record<string, string> = {};
    for (const v of response.channelValues) {
      const fallback = v.raw === BLANK_CHANNEL && shape === 'card' && claimChannelIds.includes('card') ? 'card' : '';
      choice[v.raw] = channelChoice[v.raw] ?? (claimChannelIds.includes(v.suggested) ? v.suggested : fallback || (channels.length === 1 ? channels[0]!.id : ''));
    }
    return choice;
  }

  async function build(next: { choice?: Record<string, string>; fixes?: BuildRequest['fixes']; skips?: number[] } = {}): Promise<BuildResponse | undefined> {
    if (!file || !opened) return undefined;
    const request: BuildRequest = {
      bytes: file.bytes,
      fileName: file.name,
      sha256: opened.sha256,
      ...(sheet ? { sheet } : {}),
      mapping,
      shape,
      channelChoice: next.choice ?? channelChoice,
      fixes: next.fixes ?? fixes,
      skips: next.skips ?? skips,
    };
    const response = await work((p) => getImportRunner().build(request, p));
    if (response) setBuilt(response);
    return response;
  }

  async function toChannels() {
    const response = await build();
    if (!response) return;
    if (granularity === 'hourly' && response.granularity === 'daily') {
      setProblem(t('import.columns.dailyIntoHourly'));
      return;
    }
    setChannelChoice(defaultChoice(response));
    setStep('channels');
  }

  async function toRows() {
    const response = await build();
    if (response) setStep('rows');
  }

  async function applyFix(row: number, column: string, value: string) {
    const nextFixes = [...fixes.filter((f) => !(f.row === row && f.column === column)), { row, column, value }];
    setFixes(nextFixes);
    await build({ fixes: nextFixes });
  }

  async function skipRows(rows: number[]) {
    const nextSkips = [...new Set([...skips, ...rows])].sort((a, b) => a - b);
    setSkips(nextSkips);
    await build({ skips: nextSkips });
  }

  async function unskip(row: number) {
    const nextSkips = skips.filter((r) => r !== row);
    setSkips(nextSkips);
    await build({ skips: nextSkips });
  }

  async function toStore() {
    if (!built) return;
    const check = await work(async () => checkOverlaps(db, claimId, built.records));
    if (!check) return;
    setOverlap(check);
    setDecision(check.overlaps === 0 ? 'keep' : null);
    setStep('store');
  }

  async function store() {
    if (!built || !overlap || !decision || !opened || !file || progress) return;
    // A big file takes seconds to write: show it, chunk by chunk, while the one transaction runs.
    setProgress({ stage: 'saving', done: 0, total: built.records.length });
    try {
      const again = await checkAlreadyImported(db, claimId, opened.sha256);
      if (!again.ok) {
        setProblem(pickLanguage(again.message, i18n.language));
        return;
      }
      const outcome = await saveImportedRecords(db, claimId, { sha256: opened.sha256, fileName: file.name }, built.records, overlap, decision, (done, total) =>
        setProgress({ stage: 'saving', done, total }),
      );
      // The file itself is evidence: kept with its hash (the one the records cite), labelled by what it is,
      // recorded by the system at the time the sales or trips happened, so it counts in the packet's readiness.
      await addEvidenceFile(db, claimId, { name: file.name, bytes: file.bytes }, {
        label: labelOfKind(importedFileKind(shape, claimantKind)),
        provenance: 'at-the-time',
        note: t('import.done.evidenceNote', { count: outcome.stored }),
      });
      setResult(outcome);
      setStep('done');
      notify(t('import.done.stored', { count: outcome.stored, file: file.name }));
    } catch (err) {
      if (err instanceof DuplicateImportError || err instanceof ClaimRecordCapError) setProblem(pickLanguage(errorText(err), i18n.language));
      else reportError(err);
    } finally {
      setProgress(null);
    }
  }

  const stepIndex = step === 'done' ? WIZARD_STEPS.length : WIZARD_STEPS.indexOf(step);
  const unresolved = built ? built.errors.filter((e) => !skips.includes(e.row)) : [];
  const channelsChosen = built ? built.channelValues.every((v) => channelChoice[v.raw]) : false;

  return (
    <section className="section import-wizard" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('import.title')}</h2>
      <ol className="wizard-steps">
        {WIZARD_STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={i < stepIndex ? 'is-done' : undefined}>
            <span className="wizard-num" aria-hidden="true">{i + 1}</span>
            {t(`import.steps.${s}`)}
          </li>
        ))}
      </ol>

      <h3 ref={headingRef} tabIndex={-1} className="wizard-heading">
        {step === 'done' ? t('import.done.title') : t(`import.heading.${step}`)}
      </h3>
      {file && step !== 'file' && (
        <p className="muted wizard-file">
          {t('import.fileLine', { name: file.name })} {opened && <code title={opened.sha256}>SHA-256 {opened.sha256.slice(0, 12)}…</code>}
        </p>
      )}

      {progress && <ProgressPanel progress={progress} {...(progress.stage === 'saving' ? {} : { onCancel: cancel })} />}
      {problem && (
        <div className="import-problem" role="alert">
          <p>{problem}</p>
        </div>
      )}

      {step === 'file' && (
        <div className="drop-hint">
          <p>{t('import.file.lead')}</p>
          <p className="muted">{t('import.file.kinds')}</p>
          <button type="button" className="button button-primary" onClick={() => void pick()} disabled={progress !== null}>
            {t('import.file.choose')}
          </button>
          <p className="muted">{t('import.file.drop')}</p>
        </div>
      )}

      {step === 'columns' && opened && (
        <ColumnsStep
          preview={opened.preview}
          mapping={mapping}
          shape={shape}
          sheet={sheet}
          onMapping={(role, header) => setMapping({ ...mapping, [role]: header })}
          onShape={setShape}
          onSheet={(name) => file && void choose(file, name)}
          busy={progress !== null}
          onBack={reset}
          onNext={() => void toChannels()}
          shapes={IMPORT_SHAPES}
        />
      )}

      {step === 'channels' && built && (
        <ChannelsStep
          values={built.channelValues}
          channels={channels}
          choice={channelChoice}
          skipId={SKIP_CHANNEL}
          onChoose={(raw, id) => setChannelChoice({ ...channelChoice, [raw]: id })}
          ready={channelsChosen}
          busy={progress !== null}
          onBack={() => setStep('columns')}
          onNext={() => void toRows()}
        />
      )}

      {step === 'rows' && built && (
        <RowsStep
          built={built}
          unresolved={unresolved}
          skips={skips}
          fixes={fixes}
          busy={progress !== null}
          onFix={(row, column, value) => void applyFix(row, column, value)}
          onSkip={(rows) => void skipRows(rows)}
          onUnskip={(row) => void unskip(row)}
          onBack={() => setStep('channels')}
          onNext={() => void toStore()}
        />
      )}

      {step === 'store' && built && overlap && (
        <OverlapStep
          built={built}
          overlap={overlap}
          decision={decision}
          skippedRows={skips.length}
          onDecision={setDecision}
          busy={progress !== null}
          onBack={() => setStep('rows')}
          onStore={() => void store()}
        />
      )}

      {step === 'done' && result && file && (
        <div className="wizard-done">
          <p className="strong">{t('import.done.stored', { count: result.stored, file: file.name })}</p>
          {result.replaced > 0 && <p>{t('import.done.replaced', { count: result.replaced })}</p>}
          {result.kept > 0 && <p>{t('import.done.kept', { count: result.kept })}</p>}
          <div className="wizard-actions">
            <button type="button" className="button button-primary" onClick={onFinished}>
              {t('import.done.toGrid')}
            </button>
            <button type="button" className="button" onClick={reset}>
              {t('import.done.another')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
