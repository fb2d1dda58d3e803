import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DAY_PART_DEFAULTS } from '../../core/model/claim';
import type { DeclaredBaseline } from '../../core/model/claim';
import type { ClaimantKind } from '../../core/model/claimant';
import { earningsContext } from '../format';

/** Monday first, the way a shop's week is read; weekday numbers stay 0 = Sunday (the schema's). */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;
type Grid = 'count' | 'ticket';
type Texts = Record<string, string>;

const cellKey = (grid: Grid, weekday: number, part: string) => `${grid}:${weekday}:${part}`;

function textsOf(declared: DeclaredBaseline | undefined): Texts {
  const out: Texts = {};
  for (const e of declared?.entries ?? []) {
    out[cellKey('count', e.weekday, e.dayPart)] = String(e.count);
    out[cellKey('ticket', e.weekday, e.dayPart)] = String(e.averageTicket);
  }
  return out;
}

/** The same table always gives the same text, whatever order the stored object's keys come back in. */
function canonical(declared: DeclaredBaseline | undefined): string {
  if (!declared) return 'null';
  return JSON.stringify({
    dayParts: declared.dayParts.map((p) => [p.id, p.label, p.startHour, p.endHour]),
    entries: declared.entries.map((e) => [e.weekday, e.dayPart, e.count, e.averageTicket]),
  });
}

/** `1,234` and ` 12 ` read as numbers; empty is "not entered". */
function parseCell(text: string | undefined): number | null | 'bad' {
  const s = (text ?? '').replace(/[,\s]/g, '');
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : 'bad';
}

interface Props {
  declared: DeclaredBaseline | undefined;
  onSave: (declared: DeclaredBaseline) => Promise<boolean>;
  /** Whose usual takings: a driver's grid asks for 평균 요금, a shop's for 평균 객단가. */
  kind?: ClaimantKind;
}

/**
 * Section 3.2: usual count and average ticket per weekday x day-part, as two spreadsheet-like grids
 * (arrows, Enter, paste a block). A mistyped cell keeps its text, is marked, and nothing is saved.
 */
export function DeclaredBaselineForm({ declared, onSave, kind }: Props) {
  const { t } = useTranslation();
  const context = earningsContext(kind);
  const ids = useId();
  const dayParts = declared?.dayParts ?? DAY_PART_DEFAULTS.map((p) => ({ ...p }));
  const [texts, setTexts] = useState<Texts>(() => textsOf(declared));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const lastSaved = useRef(canonical(declared));
  const gridRefs = { count: useRef<HTMLTableElement>(null), ticket: useRef<HTMLTableElement>(null) };

  // An outside change (undo, reset, another window) replaces the grid; the echo of one of our own saves
  // (which may arrive while the next cell is being typed) does not.
  // Echoes come back in the order of the saves (a live query may skip some), so one that matches a
  // pending save consumes it and every earlier one; an undo back to an older table is not pending.
  const pending = useRef<string[]>([]);
  const stored = canonical(declared);
  useEffect(() => {
    const echo = pending.current.indexOf(stored);
    if (echo >= 0) {
      pending.current.splice(0, echo + 1);
      return;
    }
    if (stored === lastSaved.current) return;
    pending.current = [];
    lastSaved.current = stored;
    setTexts(textsOf(declared));
    setErrors({});
  }, [stored, declared]);

  const partLabel = (id: string, fallback: string) => {
    const key = `baseline.dayParts.${id}` as const;
    const text = t(key as 'baseline.dayParts.lunch', { defaultValue: fallback });
    return text;
  };
  const weekdayLabel = (w: number) => t(`baseline.weekdays.d${w}` as 'baseline.weekdays.d0');
  const cellName = (grid: Grid, weekday: number, part: { id: string; label: string }) =>
    t('baseline.declared.cellLabel', {
      weekday: weekdayLabel(weekday),
      part: partLabel(part.id, part.label),
      what: grid === 'count' ? t('baseline.declared.countWord') : t('baseline.declared.ticketWord', { context }),
    });

  async function commit(next: Texts) {
    const found: Record<string, string> = {};
    const entries: DeclaredBaseline['entries'] = [];
    for (const weekday of WEEKDAYS) {
      for (const part of dayParts) {
        const count = parseCell(next[cellKey('count', weekday, part.id)]);
        const ticket = parseCell(next[cellKey('ticket', weekday, part.id)]);
        if (count === 'bad' || (count !== null && (count < 0 || count > 1_000_000))) {
          found[cellKey('count', weekday, part.id)] = t('baseline.declared.bad', { cell: cellName('count', weekday, part) });
        }
        if (ticket === 'bad' || (ticket !== null && (ticket < 0 || !Number.isInteger(ticket)))) {
          found[cellKey('ticket', weekday, part.id)] = t('baseline.declared.badTicket', { cell: cellName('ticket', weekday, part) });
        }
        if (typeof count === 'number' || typeof ticket === 'number') {
          entries.push({ weekday, dayPart: part.id, count: typeof count === 'number' ? count : 0, averageTicket: typeof ticket === 'number' ? ticket : 0 });
        }
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const value: DeclaredBaseline = { dayParts, entries };
    const json = canonical(value);
    if (json === lastSaved.current) return;
    lastSaved.current = json;
    pending.current.push(json);
    await onSave(value);
  }

  function focusCell(grid: Grid, row: number, col: number) {
    const el = gridRefs[grid].current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`);
    if (el) {
      el.focus();
      el.select();
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>, grid: Grid, row: number, col: number) {
    const input = e.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    if (e.key === 'ArrowUp') { e.preventDefault(); focusCell(grid, row - 1, col); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); focusCell(grid, row + 1, col); }
    else if (e.key === 'ArrowLeft' && atStart) { e.preventDefault(); focusCell(grid, row, col - 1); }
    else if (e.key === 'ArrowRight' && atEnd) { e.preventDefault(); focusCell(grid, row, col + 1); }
    else if (e.key === 'Enter') {
      e.preventDefault();
      void commit(texts);
      focusCell(grid, row + (e.shiftKey ? -1 : 1), col);
    }
  }

  function onPaste(e: ClipboardEvent<HTMLInputElement>, grid: Grid, row: number, col: number) {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.trim())) return;
    e.preventDefault();
    const rows = text.replace(/\r/g, '').replace(/\n$/, '').split('\n').map((r) => r.split('\t'));
    const next = { ...texts };
    rows.forEach((cells, i) => {
      const weekday = WEEKDAYS[row + i];
      if (weekday === undefined) return;
      cells.forEach((value, j) => {
        const part = dayParts[col + j];
        if (part) next[cellKey(grid, weekday, part.id)] = value.trim();
      });
    });
    setTexts(next);
    void commit(next);
  }

  const errorList = useMemo(() => Object.values(errors), [errors]);

  // Seven columns do not fit a phone: each grid scrolls sideways in its own box, never the whole page.
  // The title stays outside the scrolling box (a caption would scroll away with the columns) and names the table.
  const renderGrid = (grid: Grid, caption: string) => (
    <div className="declared-grid-block">
      <p className="declared-grid-title" id={`${ids}-${grid}`}>{caption}</p>
      <div className="declared-grid-scroll">
        <table className="table declared-grid" ref={gridRefs[grid]} aria-labelledby={`${ids}-${grid}`}>
          <thead>
            <tr>
              <th scope="col">{t('baseline.declared.weekday')}</th>
              {dayParts.map((p) => <th scope="col" key={p.id}>{partLabel(p.id, p.label)}</th>)}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((weekday, row) => (
              <tr key={weekday}>
                <th scope="row">{weekdayLabel(weekday)}</th>
                {dayParts.map((part, col) => {
                  const key = cellKey(grid, weekday, part.id);
                  return (
                    <td key={part.id}>
                      <input
                        type="text"
                        inputMode="decimal"
                        aria-label={cellName(grid, weekday, part)}
                        aria-invalid={errors[key] ? true : undefined}
                        data-row={row}
                        data-col={col}
                        value={texts[key] ?? ''}
                        onChange={(e) => setTexts((prev) => ({ ...prev, [key]: e.target.value }))}
                        onBlur={() => void commit(texts)}
                        onKeyDown={(e) => onKeyDown(e, grid, row, col)}
                        onPaste={(e) => onPaste(e, grid, row, col)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );

  return (
    <div className="declared-form">
      <p className="muted">{t('baseline.declared.help')}</p>
      {errorList.length > 0 && (
        <ul className="field-error declared-errors" role="alert">
          {errorList.map((m) => <li key={m}>{m}</li>)}
        </ul>
      )}
      <div className="declared-grids">
        {renderGrid('count', t('baseline.declared.counts'))}
        {renderGrid('ticket', t('baseline.declared.tickets', { context }))}
      </div>
    </div>
  );
}
