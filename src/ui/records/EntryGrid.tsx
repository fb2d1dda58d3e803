import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ClipboardEvent, KeyboardEvent, MouseEvent } from 'react';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { holidayNames, weekdayOf, WEEKDAY_EN, WEEKDAY_KO } from '../../core/time';
import type { Provenance } from '../../core/model/record';
import { formatBlock, isWeekend, parseBlock } from './model';
import type { GridLayout, Measure } from './model';

export interface CellError {
  text: string;
  message: string;
}

export interface GridCellInput {
  bucket: string;
  text: string;
}

interface Props {
  layout: GridLayout;
  measure: Measure;
  /** Accessible name of the grid: channel and measure. */
  label: string;
  valueAt: (bucket: string) => number | null;
  provenanceAt: (bucket: string) => Provenance['kind'] | null;
  errorAt: (bucket: string) => CellError | undefined;
  windowBuckets: ReadonlySet<string>;
  /** Typed, cleared or pasted cells, in order; the parent validates and stores them. */
  onCommit: (cells: GridCellInput[]) => void;
  onUndo: () => void;
  /** A paste reached past the grid's edge: how many cells were left out. */
  onPasteClipped: (cells: number) => void;
}

interface Pos {
  r: number;
  c: number;
}

type Editing = { text: string; mode: 'replace' | 'edit' };

const ROW_HEIGHT = 34;
const PAGE_ROWS = 15;

/** jsdom and a hidden tab report a 0-height box; fall back to a usual height so rows still render. */
const observeRectWithFallback: typeof observeElementRect = (instance, cb) =>
  observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width || 960, height: 520 }));

const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, n));

/**
 * A spreadsheet for one channel and one measure: arrows, Enter moves down, typing replaces, F2
 * edits, Esc cancels, Delete clears, Ctrl+C/Ctrl+V blocks, Ctrl+Z undoes. The grid is one Tab stop
 * (WCAG 2.1.2, no keyboard trap): Tab and Shift+Tab leave it, committing a cell being edited. Only the visible rows are in
 * the DOM (two years of hours is 731 rows of 24 cells).
 */
export function EntryGrid({ layout, measure, label, valueAt, provenanceAt, errorAt, windowBuckets, onCommit, onUndo, onPasteClipped }: Props) {
  const { t, i18n } = useTranslation();
  const baseId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState<Pos>({ r: 0, c: 0 });
  const [anchor, setAnchor] = useState<Pos>({ r: 0, c: 0 });
  const [editing, setEditingState] = useState<Editing | null>(null);
  // The blur that follows a commit by key must not commit a second time.
  const editingRef = useRef<Editing | null>(null);
  const setEditing = (next: Editing | null) => {
    editingRef.current = next;
    setEditingState(next);
  };
  const rowCount = layout.rows.length;
  const colCount = layout.columns.length;

  const virtualizer: Virtualizer<HTMLDivElement, Element> = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    observeElementRect: observeRectWithFallback,
    initialRect: { width: 960, height: 520 },
  });

  // A new range or granularity: keep the cursor inside the grid.
  useEffect(() => {
    setActive((p) => ({ r: clamp(p.r, 0, Math.max(0, rowCount - 1)), c: clamp(p.c, 0, colCount - 1) }));
    setAnchor((p) => ({ r: clamp(p.r, 0, Math.max(0, rowCount - 1)), c: clamp(p.c, 0, colCount - 1) }));
  }, [rowCount, colCount]);

  const cellId = (p: Pos) => `${baseId}-r${p.r}-c${p.c}`;
  const weekdays = i18n.language === 'en' ? WEEKDAY_EN : WEEKDAY_KO;

  const selection = useMemo(
    () => ({ r0: Math.min(active.r, anchor.r), r1: Math.max(active.r, anchor.r), c0: Math.min(active.c, anchor.c), c1: Math.max(active.c, anchor.c) }),
    [active, anchor],
  );

  const moveTo = useCallback(
    (p: Pos, extend = false) => {
      const next = { r: clamp(p.r, 0, rowCount - 1), c: clamp(p.c, 0, colCount - 1) };
      setActive(next);
      if (!extend) setAnchor(next);
      virtualizer.scrollToIndex(next.r, { align: 'auto' });
    },
    [rowCount, colCount, virtualizer],
  );

  // Horizontal: bring the active cell into view once it is rendered.
  useLayoutEffect(() => {
    const el = document.getElementById(cellId(active));
    el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  // Layout effect: the input takes focus before the browser paints, so a fast second keystroke finds it.
  useLayoutEffect(() => {
    if (!editing) return;
    const input = inputRef.current;
    if (input && document.activeElement !== input) {
      input.focus();
      const end = input.value.length;
      input.setSelectionRange(end, end);
    }
  }, [editing]);

  function bucketAt(p: Pos): string | null {
    return layout.bucketAt(p.r, p.c);
  }

  function displayText(bucket: string): string {
    const err = errorAt(bucket);
    if (err) return err.text;
    const v = valueAt(bucket);
    return v === null ? '' : v.toLocaleString('ko-KR');
  }

  function startEdit(mode: Editing['mode'], text?: string) {
    const bucket = bucketAt(active);
    if (!bucket) return;
    const err = errorAt(bucket);
    const current = err ? err.text : (valueAt(bucket)?.toString() ?? '');
    setAnchor(active);
    setEditing({ mode, text: text ?? current });
  }

  function finishEdit(commit: boolean, then?: Pos) {
    const current = editingRef.current;
    if (!current) return;
    const bucket = bucketAt(active);
    const text = current.text;
    setEditing(null);
    if (commit && bucket) onCommit([{ bucket, text }]);
    if (then) moveTo(then);
    gridRef.current?.focus();
  }

  function clearSelection() {
    const cells: GridCellInput[] = [];
    for (let r = selection.r0; r <= selection.r1; r++) {
      for (let c = selection.c0; c <= selection.c1; c++) {
        const bucket = layout.bucketAt(r, c);
        if (bucket && (valueAt(bucket) !== null || errorAt(bucket))) cells.push({ bucket, text: '' });
      }
    }
    if (cells.length > 0) onCommit(cells);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.nativeEvent.isComposing) return;
    const ctrl = e.ctrlKey || e.metaKey;
    // The ref, not the state: a keystroke can arrive before React has rendered the edit it opened.
    const editing = editingRef.current;
    if (editing) {
      if (e.target !== inputRef.current && e.key.length === 1 && !ctrl && !e.altKey) {
        // Typed faster than focus moved to the cell's input: the key belongs to the edit, not lost.
        e.preventDefault();
        setEditing({ ...editing, text: editing.text + e.key });
        return;
      }
      if (e.key === 'Enter') {
        e.preventDefault();
        finishEdit(true, { r: active.r + (e.shiftKey ? -1 : 1), c: active.c });
      } else if (e.key === 'Tab') {
        // Commit and let the browser move focus on, out of the grid (no preventDefault).
        finishEdit(true);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        finishEdit(false);
      } else if (editing.mode === 'replace' && ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(e.key)) {
        e.preventDefault();
        const d = arrowDelta(e.key);
        finishEdit(true, { r: active.r + d.r, c: active.c + d.c });
      }
      return;
    }
    if (ctrl && (e.key === 'z' || e.key === 'Z') && !e.shiftKey) {
      e.preventDefault();
      onUndo();
      return;
    }
    if (ctrl && (e.key === 'c' || e.key === 'C')) {
      // A grid has no text selection, and not every browser fires `copy` without one: copy directly.
      e.preventDefault();
      void copyText(selectionText(), gridRef.current);
      return;
    }
    if (ctrl && (e.key === 'a' || e.key === 'A')) {
      e.preventDefault();
      setAnchor({ r: 0, c: 0 });
      setActive({ r: rowCount - 1, c: colCount - 1 });
      return;
    }
    if (ctrl && (e.key === 'v' || e.key === 'V' || e.key === 'x' || e.key === 'X')) return; // paste arrives as its own event
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowDown':
      case 'ArrowLeft':
      case 'ArrowRight': {
        e.preventDefault();
        const d = arrowDelta(e.key);
        const far = ctrl ? (d.r !== 0 ? { r: d.r < 0 ? 0 : rowCount - 1, c: active.c } : { r: active.r, c: d.c < 0 ? 0 : colCount - 1 }) : null;
        moveTo(far ?? { r: active.r + d.r, c: active.c + d.c }, e.shiftKey);
        return;
      }
      case 'Tab':
        // One Tab stop: the browser moves focus to what comes before or after the grid.
        return;
      case 'Enter':
        e.preventDefault();
        moveTo({ r: active.r + (e.shiftKey ? -1 : 1), c: active.c });
        return;
      case 'Home':
        e.preventDefault();
        moveTo(ctrl ? { r: 0, c: 0 } : { r: active.r, c: 0 }, e.shiftKey);
        return;
      case 'End':
        e.preventDefault();
        moveTo(ctrl ? { r: rowCount - 1, c: colCount - 1 } : { r: active.r, c: colCount - 1 }, e.shiftKey);
        return;
      case 'PageDown':
        e.preventDefault();
        moveTo({ r: active.r + PAGE_ROWS, c: active.c }, e.shiftKey);
        return;
      case 'PageUp':
        e.preventDefault();
        moveTo({ r: active.r - PAGE_ROWS, c: active.c }, e.shiftKey);
        return;
      case 'F2':
        e.preventDefault();
        startEdit('edit');
        return;
      case 'Delete':
      case 'Backspace':
        e.preventDefault();
        clearSelection();
        return;
      default:
        if (e.key.length === 1 && !ctrl && !e.altKey) {
          // The keystroke becomes the cell's new text; preventDefault keeps it from arriving twice.
          e.preventDefault();
          startEdit('replace', e.key);
        }
    }
  }

  function selectionText(): string {
    const values: (number | null)[][] = [];
    for (let r = selection.r0; r <= selection.r1; r++) {
      const row: (number | null)[] = [];
      for (let c = selection.c0; c <= selection.c1; c++) {
        const bucket = layout.bucketAt(r, c);
        row.push(bucket ? valueAt(bucket) : null);
      }
      values.push(row);
    }
    return formatBlock(values);
  }

  /** Copy from the menu (Edit > Copy) arrives as an event. */
  function onCopy(e: ClipboardEvent<HTMLDivElement>) {
    if (editing) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', selectionText());
  }

  function onPaste(e: ClipboardEvent<HTMLDivElement>) {
    if (editing) return;
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    const block = parseBlock(text);
    const start = { r: selection.r0, c: selection.c0 };
    const cells: GridCellInput[] = [];
    let clipped = 0;
    let maxR = start.r;
    let maxC = start.c;
    block.forEach((row, i) =>
      row.forEach((cellText, j) => {
        const r = start.r + i;
        const c = start.c + j;
        const bucket = r < rowCount && c < colCount ? layout.bucketAt(r, c) : null;
        // Blank cells in the copied block leave the grid's cell as it is.
        if (cellText.trim() === '') return;
        if (!bucket) {
          clipped++;
          return;
        }
        cells.push({ bucket, text: cellText });
        maxR = Math.max(maxR, r);
        maxC = Math.max(maxC, c);
      }),
    );
    if (cells.length > 0) {
      onCommit(cells);
      setAnchor(start);
      setActive({ r: maxR, c: maxC });
    }
    if (clipped > 0) onPasteClipped(clipped);
  }

  function onCellMouseDown(e: MouseEvent, p: Pos) {
    if (editing) finishEdit(true);
    e.preventDefault();
    gridRef.current?.focus();
    if (e.shiftKey) setActive(p);
    else {
      setActive(p);
      setAnchor(p);
    }
  }

  const activeBucket = bucketAt(active);
  const activeError = activeBucket ? errorAt(activeBucket) : undefined;

  function rowHeader(r: number) {
    const date = layout.rows[r]!.date;
    if (layout.granularity === 'daily') {
      const last = layout.rows[r]!.date;
      return (
        <div role="rowheader" className="grid-rowhead">
          <span className="grid-date">{t('records.grid.weekOf', { date: shortDate(last) })}</span>
        </div>
      );
    }
    const holiday = holidayNames(date);
    const weekday = weekdayOf(date);
    return (
      <div role="rowheader" className={`grid-rowhead${holiday ? ' is-holiday' : weekday === 0 || weekday === 6 ? ' is-weekend' : ''}`} title={holiday?.join(', ')}>
        <span className="grid-date">{shortDate(date)}</span>
        <span className="grid-weekday">{weekdays[weekday]}</span>
        {holiday && <span className="grid-holiday">{holiday[0]}</span>}
      </div>
    );
  }

  const items = virtualizer.getVirtualItems();

  return (
    <div className="entry-grid-wrap">
      <div ref={scrollRef} className="entry-grid-scroll">
        <div
          ref={gridRef}
          role="grid"
          aria-label={label}
          aria-rowcount={rowCount + 1}
          aria-colcount={colCount + 1}
          aria-multiselectable="true"
          aria-activedescendant={editing ? undefined : cellId(active)}
          tabIndex={0}
          className={`entry-grid entry-grid-${layout.granularity} measure-${measure}`}
          onKeyDown={onKeyDown}
          onCopy={onCopy}
          onPaste={onPaste}
        >
          <div role="row" className="grid-row grid-head" aria-rowindex={1}>
            <div role="columnheader" className="grid-corner">
              {layout.granularity === 'hourly' ? t('records.grid.dateHeader') : t('records.grid.weekHeader')}
            </div>
            {layout.columns.map((col) => (
              <div role="columnheader" key={col.value} className="grid-colhead">
                {layout.granularity === 'hourly' ? t('records.grid.hour', { hour: String(col.value).padStart(2, '0') }) : weekdays[col.value]}
              </div>
            ))}
          </div>
          <div className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const r = item.index;
              return (
                <div role="row" key={item.key} className="grid-row" aria-rowindex={r + 2} style={{ transform: `translateY(${item.start}px)` }}>
                  {rowHeader(r)}
                  {layout.columns.map((_, c) => {
                    const bucket = layout.bucketAt(r, c);
                    const p = { r, c };
                    const isActive = active.r === r && active.c === c;
                    const selected = r >= selection.r0 && r <= selection.r1 && c >= selection.c0 && c <= selection.c1;
                    if (!bucket) {
                      return <div role="gridcell" key={c} id={cellId(p)} aria-disabled="true" className={`grid-cell is-outside${isActive ? ' is-active' : ''}`} onMouseDown={(e) => onCellMouseDown(e, p)} />;
                    }
                    const err = errorAt(bucket);
                    const prov = err ? null : provenanceAt(bucket);
                    const classes = ['grid-cell'];
                    if (windowBuckets.has(bucket)) classes.push('is-window');
                    if (isActive) classes.push('is-active');
                    else if (selected) classes.push('is-selected');
                    if (err) classes.push('is-error');
                    if (prov) classes.push(`prov-${prov}`);
                    if (layout.granularity === 'daily') {
                      if (holidayNames(bucket)) classes.push('is-holiday');
                      else if (isWeekend(bucket)) classes.push('is-weekend');
                    }
                    return (
                      <div
                        role="gridcell"
                        key={c}
                        id={cellId(p)}
                        aria-selected={selected}
                        aria-invalid={err ? true : undefined}
                        title={err?.message ?? (layout.granularity === 'daily' ? (holidayNames(bucket)?.join(', ') ?? bucket) : undefined)}
                        className={classes.join(' ')}
                        onMouseDown={(e) => onCellMouseDown(e, p)}
                        onDoubleClick={() => startEdit('edit')}
                      >
                        {layout.granularity === 'daily' && <span className="grid-daynum" aria-hidden="true">{Number(bucket.slice(8, 10))}</span>}
                        {isActive && editing ? (
                          <input
                            ref={inputRef}
                            className="grid-input"
                            aria-label={t('records.grid.editLabel')}
                            inputMode="numeric"
                            value={editing.text}
                            onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                            onBlur={() => finishEdit(true)}
                          />
                        ) : (
                          <span className="grid-value">{displayText(bucket)}</span>
                        )}
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <p className="grid-status" aria-live="polite">
        {activeBucket ? t('records.grid.at', { where: activeBucket.length > 10 ? `${activeBucket.slice(0, 10)} ${activeBucket.slice(11, 13)}:00` : activeBucket }) : ''}
        {activeError ? ` · ${activeError.message}` : ''}
      </p>
    </div>
  );
}

/** The clipboard API where allowed, else a hidden textarea and execCommand('copy') (needs no permission). */
async function copyText(text: string, returnFocus: HTMLElement | null): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // fall through to the textarea
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
  returnFocus?.focus();
}

function arrowDelta(key: string): Pos {
  if (key === 'ArrowUp') return { r: -1, c: 0 };
  if (key === 'ArrowDown') return { r: 1, c: 0 };
  if (key === 'ArrowLeft') return { r: 0, c: -1 };
  return { r: 0, c: 1 };
}

/** `2022-10-15` → `10.15` (the year is in the range picker above the grid). */
function shortDate(date: string): string {
  return `${Number(date.slice(5, 7))}.${Number(date.slice(8, 10))}`;
}
