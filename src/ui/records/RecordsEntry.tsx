import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ActivityRecord, Provenance } from '../../core/model/record';
import { weekdayOf, WEEKDAY_EN, WEEKDAY_KO } from '../../core/time';
import { useDb } from '../desk';
import { useNotices } from '../notices';
import { EntryGrid } from './EntryGrid';
import type { CellError, GridCellInput } from './EntryGrid';
import { applyCellValue, checkRange, defaultRange, gridLayout, parseCellText } from './model';
import type { DateRange, EditProblem, EntrySetup, Measure } from './model';
import { channelRecordsInRange, saveEnteredRecords } from '../../db';
import { DateField } from '../components/DateField';
import { earningsContext } from '../format';

type ProvenanceChoice = 'reconstructed' | 'logged';

interface UndoEntry {
  channel: string;
  /** The records as they were before the edit; null where there was none. */
  before: Map<string, ActivityRecord | null>;
}

interface OverlayEntry {
  record: ActivityRecord | null;
  saved: boolean;
}

const UNDO_DEPTH = 100;

/** Where a cell is, in words: `2022-10-15 (토) 20시` or `2022-10-15 (토)`. */
export function cellPlace(bucket: string, t: TFunction, language: string): string {
  const date = bucket.slice(0, 10);
  const weekday = (language === 'en' ? WEEKDAY_EN : WEEKDAY_KO)[weekdayOf(date)]!;
  return bucket.length > 10 ? t('records.place.hour', { date, weekday, hour: bucket.slice(11, 13) }) : t('records.place.day', { date, weekday });
}

/** The entry grid with its toolbar: channel tabs, count/sales, date range, provenance, undo. */
export function RecordsEntry({ claimId, setup, now = Date.now }: { claimId: string; setup: EntrySetup; now?: () => number }) {
  // A driver's money column is 수입, a shop's 매출 (records.measure.revenue_driver).
  const context = earningsContext(setup.kind);
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify, reportError } = useNotices();
  const ids = useId();
  const [channel, setChannel] = useState(setup.channels[0]!.id);
  const [measure, setMeasure] = useState<Measure>('count');
  const initialRange = useMemo(() => defaultRange(setup, now()), [setup, now]);
  const [range, setRange] = useState<DateRange>(initialRange);
  const [draftRange, setDraftRange] = useState<DateRange>(initialRange);
  const [provenanceKind, setProvenanceKind] = useState<ProvenanceChoice>('reconstructed');
  // null: the default note, in the language shown at the time of entry; a string once the user writes one.
  const [ownNote, setNote] = useState<string | null>(null);
  const note = ownNote ?? t('records.entry.defaultNote');
  const [errors, setErrors] = useState<Map<string, CellError & { channel: string; measure: Measure; bucket: string }>>(new Map());
  const [overlay, setOverlay] = useState<Map<string, OverlayEntry>>(new Map());
  const undoStack = useRef<UndoEntry[]>([]);
  const [pendingSaves, setPendingSaves] = useState(0);
  const [savedOnce, setSavedOnce] = useState(false);

  // Leaving the page while a save is still on its way would lose it: the browser asks first.
  useEffect(() => {
    if (pendingSaves === 0) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [pendingSaves]);
  const [undoDepth, setUndoDepth] = useState(0);

  // The claim's channels may change in setup; stay on one that exists.
  useEffect(() => {
    if (!setup.channels.some((c) => c.id === channel)) setChannel(setup.channels[0]!.id);
  }, [setup.channels, channel]);

  // The live query keeps its last answer while the next one runs. Another channel's (or claim's) records must
  // never show under this channel's tab, nor be taken as an edit's "before" (its undo would write them here):
  // until this channel's answer arrives, the grid waits (a busy machine showed channel A's values under B).
  const loaded = useLiveQuery(
    async () => ({ claimId, channel, map: await channelRecordsInRange(db, claimId, channel, range) }),
    [db, claimId, channel, range.from, range.to],
  );
  const records = loaded && loaded.claimId === claimId && loaded.channel === channel ? loaded.map : undefined;

  // Once stored records arrive, the saved optimistic values are no longer needed.
  useEffect(() => {
    setOverlay((prev) => {
      if (![...prev.values()].some((e) => e.saved)) return prev;
      return new Map([...prev].filter(([, e]) => !e.saved));
    });
  }, [records]);

  const layout = useMemo(() => gridLayout(setup.granularity, range), [setup.granularity, range]);
  const provenance: Provenance = useMemo(
    () => (provenanceKind === 'logged' ? { kind: 'logged' } : { kind: 'reconstructed', ...(note.trim() ? { note: note.trim().slice(0, 500) } : {}) }),
    [provenanceKind, note],
  );

  const currentRecord = useCallback(
    (ch: string, bucket: string): ActivityRecord | null => {
      const o = overlay.get(`${ch}|${bucket}`);
      if (o) return o.record;
      return ch === channel ? (records?.get(bucket) ?? null) : null;
    },
    [overlay, records, channel],
  );

  const errKey = (ch: string, m: Measure, bucket: string) => `${ch}|${m}|${bucket}`;

  function problemMessage(bucket: string, problem: EditProblem): string {
    return t('records.cellError', {
      place: cellPlace(bucket, t, i18n.language),
      field: t(`records.measure.${measure}`, { context }),
      problem: t(`records.problem.${problem}`, { context }),
    });
  }

  function save(ch: string, next: Map<string, ActivityRecord | null>, onFail: () => void) {
    const puts = [...next.values()].filter((r): r is ActivityRecord => r !== null);
    const deletes = [...next].filter(([, r]) => r === null).map(([bucket]) => ({ channel: ch, bucket }));
    setOverlay((prev) => {
      const m = new Map(prev);
      for (const [bucket, record] of next) m.set(`${ch}|${bucket}`, { record, saved: false });
      return m;
    });
    setPendingSaves((n) => n + 1);
    saveEnteredRecords(db, claimId, { puts, deletes })
      .finally(() => setPendingSaves((n) => n - 1))
      .then(
        () => {
          setSavedOnce(true);
          setOverlay((prev) => {
            const m = new Map(prev);
            for (const [bucket, record] of next) {
              const key = `${ch}|${bucket}`;
              if (m.get(key)?.record === record) m.set(key, { record, saved: true });
            }
            return m;
          });
        },
        (err: unknown) => {
          setOverlay((prev) => {
            const m = new Map(prev);
            for (const [bucket, record] of next) if (m.get(`${ch}|${bucket}`)?.record === record) m.delete(`${ch}|${bucket}`);
            return m;
          });
          onFail();
          reportError(err);
        },
      );
  }

  function commit(cells: GridCellInput[]) {
    const nextErrors = new Map(errors);
    const before = new Map<string, ActivityRecord | null>();
    const next = new Map<string, ActivityRecord | null>();
    for (const cell of cells) {
      const key = errKey(channel, measure, cell.bucket);
      const parsed = parseCellText(cell.text, measure);
      const current = next.has(cell.bucket) ? (next.get(cell.bucket) ?? null) : currentRecord(channel, cell.bucket);
      const outcome = parsed.ok ? applyCellValue(current, parsed.value, { bucket: cell.bucket, channel, measure }, provenance) : parsed;
      if (!outcome.ok) {
        nextErrors.set(key, { text: cell.text, message: problemMessage(cell.bucket, outcome.problem), channel, measure, bucket: cell.bucket });
        continue;
      }
      nextErrors.delete(key);
      if (!outcome.changed) continue;
      if (!before.has(cell.bucket)) before.set(cell.bucket, currentRecord(channel, cell.bucket));
      next.set(cell.bucket, outcome.next);
    }
    setErrors(nextErrors);
    if (next.size === 0) return;
    const entry: UndoEntry = { channel, before };
    undoStack.current = [...undoStack.current.slice(-(UNDO_DEPTH - 1)), entry];
    setUndoDepth(undoStack.current.length);
    save(channel, next, () => {
      undoStack.current = undoStack.current.filter((e) => e !== entry);
      setUndoDepth(undoStack.current.length);
    });
  }

  function undo() {
    const entry = undoStack.current.pop();
    setUndoDepth(undoStack.current.length);
    if (!entry) {
      notify(t('records.entry.nothingToUndo'));
      return;
    }
    save(entry.channel, entry.before, () => {});
    const label = setup.channels.find((c) => c.id === entry.channel)?.label ?? entry.channel;
    notify(t('records.entry.undone', { count: entry.before.size, channel: label }));
  }

  const rangeProblem = checkRange(draftRange);
  function applyRange(next: DateRange) {
    setDraftRange(next);
    if (!checkRange(next)) setRange(next);
  }

  const channelErrors = [...errors.values()];
  const channelLabel = setup.channels.find((c) => c.id === channel)?.label ?? channel;

  return (
    <section className="section records-entry" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('records.entry.title')}</h2>
      <p className="muted">{setup.granularity === 'hourly' ? t('records.entry.hourlyLead') : t('records.entry.dailyLead')}</p>
      {setup.granularityAssumed && <p className="records-note">{t('records.entry.granularityAssumed')}</p>}

      <div className="entry-toolbar">
        <div role="tablist" aria-label={t('records.entry.channels')} className="channel-tabs">
          {setup.channels.map((c) => (
            <button
              key={c.id}
              type="button"
              role="tab"
              aria-selected={c.id === channel}
              className="channel-tab"
              onClick={() => setChannel(c.id)}
            >
              {c.label}
              <span className="channel-id">{c.id}</span>
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t('records.entry.measureLabel')}>
          {(['count', 'revenue'] as const).map((m) => (
            <button key={m} type="button" aria-pressed={measure === m} onClick={() => setMeasure(m)}>
              {t(`records.measure.${m}`, { context })}
            </button>
          ))}
        </div>
      </div>

      <div className="entry-options">
        <fieldset className="range-picker">
          <legend>{t('records.entry.rangeLegend')}</legend>
          <span className="range-field">
            <label htmlFor={`${ids}-range-from`}>{t('records.entry.from')}</label>{' '}
            <DateField id={`${ids}-range-from`} fieldName={t('records.entry.from')} value={draftRange.from} aria-invalid={rangeProblem ? true : undefined} onChange={(v) => applyRange({ ...draftRange, from: v })} />
          </span>
          <span className="range-field">
            <label htmlFor={`${ids}-range-to`}>{t('records.entry.to')}</label>{' '}
            <DateField id={`${ids}-range-to`} fieldName={t('records.entry.to')} value={draftRange.to} aria-invalid={rangeProblem ? true : undefined} onChange={(v) => applyRange({ ...draftRange, to: v })} />
          </span>
          <button type="button" className="button button-quiet" onClick={() => applyRange(initialRange)}>
            {t('records.entry.resetRange')}
          </button>
          <p className="muted range-hint">
            {rangeProblem ? <span className="field-error">{t(`records.entry.rangeProblem.${rangeProblem}`)}</span> : setup.windowFirstDate ? t('records.entry.rangeHint', { weeks: 12 }) : t('records.entry.rangeHintNoWindow')}
          </p>
        </fieldset>
        <fieldset className="provenance-picker">
          <legend>{t('records.entry.provenanceLegend')}</legend>
          <label className="radio">
            <input type="radio" name={`${ids}-prov`} checked={provenanceKind === 'reconstructed'} onChange={() => setProvenanceKind('reconstructed')} />
            {t('records.entry.reconstructed')}
          </label>
          <label className="radio">
            <input type="radio" name={`${ids}-prov`} checked={provenanceKind === 'logged'} onChange={() => setProvenanceKind('logged')} />
            {t('records.entry.logged')}
          </label>
          {provenanceKind === 'reconstructed' && (
            <label className="note-field">
              {t('records.entry.noteLabel')}
              <input type="text" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
            </label>
          )}
          <p className="muted">{t(provenanceKind === 'logged' ? 'records.entry.loggedHint' : 'records.entry.reconstructedHint')}</p>
        </fieldset>
      </div>

      <div className="entry-legend muted">
        <span><span className="swatch swatch-window" aria-hidden="true" /> {t('records.entry.legendWindow')}</span>
        <span><span className="swatch swatch-imported" aria-hidden="true" /> {t('records.entry.legendImported')}</span>
        <span><span className="swatch swatch-logged" aria-hidden="true" /> {t('records.entry.legendLogged')}</span>
        <span><span className="swatch swatch-reconstructed" aria-hidden="true" /> {t('records.entry.legendReconstructed')}</span>
        <span className="save-state" role="status">
          {pendingSaves > 0 ? t('records.entry.saving') : savedOnce ? t('records.entry.saved') : ''}
        </span>
        <button type="button" className="button button-quiet" disabled={undoDepth === 0} onClick={undo} aria-keyshortcuts="Control+Z">
          {t('records.entry.undo')}
        </button>
      </div>

      {records === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <EntryGrid
          layout={layout}
          measure={measure}
          label={t('records.grid.label', { channel: channelLabel, measure: t(`records.measure.${measure}`, { context }) })}
          valueAt={(bucket) => {
            const r = currentRecord(channel, bucket);
            if (!r) return null;
            return measure === 'count' ? r.count : (r.revenue ?? null);
          }}
          provenanceAt={(bucket) => currentRecord(channel, bucket)?.provenance.kind ?? null}
          errorAt={(bucket) => errors.get(errKey(channel, measure, bucket))}
          windowBuckets={setup.windowBuckets}
          onCommit={commit}
          onUndo={undo}
          onPasteClipped={(n) => notify(t('records.entry.pasteClipped', { count: n }))}
        />
      )}
      <p className="muted grid-help">{t('records.entry.keysHelp')}</p>

      {channelErrors.length > 0 && (
        <div className="grid-errors" role="alert">
          <p className="strong">{t('records.entry.errorsTitle', { count: channelErrors.length })}</p>
          <ul>
            {channelErrors.slice(0, 20).map((e) => (
              <li key={errKey(e.channel, e.measure, e.bucket)}>
                {e.channel !== channel ? `[${setup.channels.find((c) => c.id === e.channel)?.label ?? e.channel}] ` : ''}
                {e.message} <span className="muted">{t('records.entry.errorTyped', { text: e.text })}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
