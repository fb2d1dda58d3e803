import { useEffect, useId, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { addEvidence } from '../../db';
import { useDb } from '../desk';
import { earningsContext, formatWon } from '../format';
import { useNotices } from '../notices';
import { kstToday, parseCellText } from './model';
import type { EntrySetup } from './model';
import { BackdateControl, backdateMs } from './BackdateControl';
import { bucketOfTap, journalCsv, logTap, readJournal, undoLastTap, type QuickTap, type TapKind } from '../../db';

const MAX_KEYED_CHANNELS = 9;

/**
 * One big button per app: a taken call (with an optional fare) or a missed call, at the current time.
 * While a shift is on, 1-9 log a taken call on the n-th app, Shift+1-9 a missed one, Backspace or Z
 * undoes the last tap.
 */
export function QuickLog({ claimId, setup, now = Date.now }: { claimId: string; setup: EntrySetup; now?: () => number }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify, reportError } = useNotices();
  const ids = useId();
  const [shiftOn, setShiftOn] = useState(false);
  const [fareText, setFareText] = useState('');
  const [fareError, setFareError] = useState<string | null>(null);
  const [backdateOn, setBackdateOn] = useState(false);
  const [backdateText, setBackdateText] = useState('');
  const [backdateError, setBackdateError] = useState<string | null>(null);
  const [, setTick] = useState(0);
  // Taps run one after another, in order: a quick second tap waits for the first instead of being lost.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const enqueue = (work: () => Promise<void>) => {
    queue.current = queue.current.then(work, work);
    return queue.current;
  };
  const journal = useLiveQuery(() => readJournal(db, claimId), [db, claimId]);

  // The "now" line moves with the clock.
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);

  const channelLabel = (id: string) => setup.channels.find((c) => c.id === id)?.label ?? id;

  function tap(channel: string, kind: TapKind) {
    // An earlier time only when the user turned it on and chose one (the call is then marked reconstructed).
    let backdatedMs: number | null = null;
    if (backdateOn) {
      backdatedMs = backdateMs(backdateText);
      if (backdatedMs === null) return setBackdateError(t('backdate.invalid'));
      if (backdatedMs > now()) return setBackdateError(t('backdate.future'));
      setBackdateError(null);
    }
    let fare: number | undefined;
    if (kind === 'taken' && fareText.trim() !== '') {
      const parsed = parseCellText(fareText, 'revenue');
      if (!parsed.ok || parsed.value === null) {
        setFareError(t('records.quick.fareError', { problem: t(`records.problem.${parsed.ok ? 'notNumber' : parsed.problem}`, { context: earningsContext(setup.kind) }) }));
        return;
      }
      fare = parsed.value;
      setFareText('');
    }
    setFareError(null);
    // The time is the moment of the tap, not of the write.
    const nowMs = backdatedMs ?? now();
    void enqueue(async () => {
      try {
        const entry = await logTap(db, claimId, { channel, kind, ...(fare !== undefined ? { fare } : {}), nowMs, granularity: setup.granularity, ...(backdatedMs !== null ? { backdated: true } : {}) });
        notify(
          backdatedMs !== null
            ? t('backdate.logged', { channel: channelLabel(channel), time: `${entry.at.slice(0, 10)} ${entry.at.slice(11, 16)}` })
            : kind === 'taken'
            ? t('records.quick.loggedTaken', { channel: channelLabel(channel), time: entry.at.slice(11, 16) })
            : t('records.quick.loggedMissed', { channel: channelLabel(channel), time: entry.at.slice(11, 16) }),
        );
      } catch (err) {
        reportError(err);
      }
    });
  }

  function undo() {
    void enqueue(async () => {
      try {
        const undone = await undoLastTap(db, claimId);
        notify(undone ? t('records.quick.undone', { channel: channelLabel(undone.channel), time: undone.at.slice(11, 16), kind: t(`records.quick.kind.${undone.kind}`) }) : t('records.quick.nothingToUndo'));
      } catch (err) {
        reportError(err);
      }
    });
  }

  // Number keys while the shift is on (never while typing in a field).
  const handlers = useRef({ tap, undo });
  handlers.current = { tap, undo };
  useEffect(() => {
    if (!shiftOn) return;
    function onKeyDown(e: KeyboardEvent) {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const digit = /^Digit([1-9])$/.exec(e.code) ?? /^Numpad([1-9])$/.exec(e.code);
      if (digit) {
        const channel = setup.channels[Number(digit[1]) - 1];
        if (!channel) return;
        e.preventDefault();
        handlers.current.tap(channel.id, e.shiftKey ? 'missed' : 'taken');
        return;
      }
      if (e.key === 'Backspace' || e.key === 'z' || e.key === 'Z') {
        e.preventDefault();
        handlers.current.undo();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [shiftOn, setup.channels]);

  async function keepAsEvidence() {
    const taps = journal ?? [];
    if (taps.length === 0) return;
    const bytes = journalCsv(
      taps,
      [t('records.quick.csv.at'), t('records.quick.csv.channel'), t('records.quick.csv.channelId'), t('records.quick.csv.kind'), t('records.quick.csv.fare')],
      (kind) => t(`records.quick.kind.${kind}`),
      channelLabel,
    );
    try {
      await addEvidence(db, claimId, { name: `quick-log-${kstToday(now())}.csv`, type: 'text/csv', bytes }, t('records.quick.evidenceNote'));
      notify(t('records.quick.keptAsEvidence', { count: taps.length }));
    } catch (err) {
      reportError(err);
    }
  }

  const nowMs = now();
  const today = kstToday(nowMs);
  const todays = (journal ?? []).filter((e) => e.at.slice(0, 10) === today);
  const bucket = bucketOfTap(nowMs, setup.granularity);
  const totals = new Map<string, { taken: number; missed: number; fares: number }>();
  for (const e of todays) {
    const s = totals.get(e.channel) ?? { taken: 0, missed: 0, fares: 0 };
    if (e.kind === 'taken') {
      s.taken += 1;
      s.fares += e.fare ?? 0;
    } else s.missed += 1;
    totals.set(e.channel, s);
  }

  return (
    <section className="section quick-log" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('records.quick.title')}</h2>
      <p className="muted">{t('records.quick.lead')}</p>
      <p className="records-note">{t('records.quick.missedHint')}</p>

      <div className="quick-controls">
        <button type="button" className={shiftOn ? 'button button-danger' : 'button button-primary'} aria-pressed={shiftOn} onClick={() => setShiftOn(!shiftOn)}>
          {shiftOn ? t('records.quick.endShift') : t('records.quick.startShift')}
        </button>
        <p className="quick-now">
          {setup.granularity === 'hourly'
            ? t('records.quick.nowHour', { date: bucket.slice(0, 10), hour: bucket.slice(11, 13) })
            : t('records.quick.nowDay', { date: bucket })}
        </p>
        <label className="quick-fare">
          {t('records.quick.fareLabel')}
          <input
            type="text"
            inputMode="numeric"
            value={fareText}
            aria-invalid={fareError ? true : undefined}
            aria-describedby={`${ids}-fare-help`}
            placeholder={t('records.quick.farePlaceholder')}
            onChange={(e) => {
              setFareText(e.target.value);
              setFareError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && setup.channels[0]) {
                e.preventDefault();
                tap(setup.channels[0].id, 'taken');
              }
            }}
          />
        </label>
        <p id={`${ids}-fare-help`} className={fareError ? 'field-error' : 'muted'}>{fareError ?? t('records.quick.fareHelp', { channel: setup.channels[0]?.label ?? '' })}</p>
      </div>
      {shiftOn && <p className="quick-keys muted">{t('records.quick.keysHelp')}</p>}

      <ul className="quick-buttons">
        {setup.channels.map((c, i) => {
          const s = totals.get(c.id);
          const key = i < MAX_KEYED_CHANNELS ? String(i + 1) : null;
          return (
            <li key={c.id} className="quick-channel">
              <button type="button" className="quick-taken" onClick={() => tap(c.id, 'taken')} aria-keyshortcuts={key && shiftOn ? key : undefined}>
                <span className="quick-big">{t('records.quick.taken', { channel: c.label })}</span>
                <span className="quick-sub">
                  {key && <kbd>{key}</kbd>} {t('records.quick.todayTaken', { count: s?.taken ?? 0, fares: formatWon(s?.fares ?? 0, i18n.language) })}
                </span>
              </button>
              <button type="button" className="quick-missed" onClick={() => tap(c.id, 'missed')} aria-keyshortcuts={key && shiftOn ? `Shift+${key}` : undefined}>
                {t('records.quick.missed', { channel: c.label })}
                <span className="quick-sub">
                  {key && <kbd>{`⇧${key}`}</kbd>} {t('records.quick.todayMissed', { count: s?.missed ?? 0 })}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {/* Below the buttons: on a phone they stay on the first screen. */}
      <BackdateControl on={backdateOn} onToggle={(on) => { setBackdateOn(on); setBackdateError(null); }} value={backdateText} onChange={(v) => { setBackdateText(v); setBackdateError(null); }} error={backdateError} />

      <div className="quick-after">
        <button type="button" className="button" onClick={undo} disabled={!journal || journal.length === 0}>
          {t('records.quick.undo')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => void keepAsEvidence()} disabled={!journal || journal.length === 0}>
          {t('records.quick.keepAsEvidence')}
        </button>
      </div>

      <h3 className="quick-today-title">{t('records.quick.todayTitle', { date: today, count: todays.length })}</h3>
      {todays.length === 0 ? (
        <p className="muted">{t('records.quick.todayEmpty')}</p>
      ) : (
        <ol className="quick-today" aria-label={t('records.quick.todayTitle', { date: today, count: todays.length })}>
          {[...todays].reverse().map((e: QuickTap) => (
            <li key={e.id} className={`quick-entry quick-entry-${e.kind}`}>
              <time dateTime={e.at}>{e.at.slice(11, 16)}</time>
              <span>{channelLabel(e.channel)}</span>
              <span>{t(`records.quick.kind.${e.kind}`)}</span>
              <span className="num">{e.fare !== undefined ? formatWon(e.fare, i18n.language) : ''}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
