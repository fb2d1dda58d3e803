import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fileSha256 } from '../../core/io';
import type { SalesChannel } from '../../core/model';
import { ScreenshotError, checkScreenshotBytes, proposeRecords, readScreenshot, toActivityRecord, type OcrEngine, type ReadValue, type ScreenReading } from '../../core/screenshots';
import { saveScreenshotRecords } from '../../db';
import { useDb } from '../desk';
import { useNotices } from '../notices';

type Field = 'date' | 'time' | 'count' | 'amount';

/** One picked screenshot: its bytes, where to show it from, and what was read from it. */
type Shot = { id: string; name: string; type: string; bytes: Uint8Array; url: string; width: number; sha256: string; reading: ScreenReading };
type Failure = { name: string; ko: string; en: string };
/** What the person typed over a read value, and whether they confirmed a flagged one. */
type Edits = Record<string, { value?: string; confirmed?: boolean }>;

const key = (shotId: string, row: number, field: Field) => `${shotId}:${row}:${field}`;

async function imageWidth(url: string): Promise<number> {
  const img = new Image();
  img.src = url;
  await img.decode();
  return img.naturalWidth;
}

/** The screenshot's row as a strip: the value is checked against the picture beside it. */
function Crop({ shot, bbox, label }: { shot: Shot; bbox: { y0: number; y1: number }; label: string }) {
  const width = 300;
  const scale = width / shot.width;
  const pad = 4;
  const top = Math.max(0, bbox.y0 - pad);
  const height = Math.max(8, (bbox.y1 - top + pad) * scale);
  return (
    <div className="shot-crop" style={{ width, height }} role="img" aria-label={label}>
      <img src={shot.url} alt="" style={{ width, marginTop: -top * scale }} />
    </div>
  );
}

export function ScreenshotReader({ claimId, channels, onSaved }: { claimId: string; channels: SalesChannel[]; onSaved?: () => void }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify, reportError } = useNotices();
  const ids = useId();
  const [shots, setShots] = useState<Shot[]>([]);
  const [failures, setFailures] = useState<Failure[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [edits, setEdits] = useState<Edits>({});
  const [channel, setChannel] = useState(() => (channels.find((c) => c.id === 'kakao-t') ?? channels[0])?.id ?? '');
  const [saving, setSaving] = useState(false);
  const engine = useRef<Promise<OcrEngine & { close(): Promise<void> }> | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const ko = i18n.language !== 'en';

  useEffect(
    () => () => {
      void engine.current?.then((e) => e.close());
    },
    [],
  );
  useEffect(() => () => shots.forEach((s) => URL.revokeObjectURL(s.url)), [shots]);

  async function read(files: File[]) {
    const found: Shot[] = [];
    const failed: Failure[] = [];
    let done = 0;
    for (const file of files) {
      setStatus(t('screenshots.reading', { done, total: files.length, name: file.name }));
      const bytes = new Uint8Array(await file.arrayBuffer());
      try {
        checkScreenshotBytes(bytes, file.name);
        if (!engine.current) {
          setStatus(t('screenshots.loading'));
          // tesseract.js and its models load only when the first screenshot is read.
          engine.current = import('./ocr-browser').then((m) => m.createBrowserOcrEngine());
        }
        const ocr = await engine.current;
        setStatus(t('screenshots.reading', { done, total: files.length, name: file.name }));
        const reading = await readScreenshot(bytes, file.name, ocr);
        const url = URL.createObjectURL(new Blob([bytes.slice().buffer], { type: file.type || 'image/png' }));
        found.push({ id: `${Date.now()}-${found.length}`, name: file.name, type: file.type || 'image/png', bytes, url, width: await imageWidth(url), sha256: await fileSha256(bytes), reading });
      } catch (err) {
        if (err instanceof ScreenshotError) failed.push({ name: file.name, ko: err.ko, en: err.en });
        else {
          const vars = { name: file.name, message: String(err) };
          failed.push({ name: file.name, ko: t('screenshots.unreadable', { ...vars, lng: 'ko' }), en: t('screenshots.unreadable', { ...vars, lng: 'en' }) });
        }
      }
      done++;
    }
    setShots((s) => [...s, ...found]);
    setFailures(failed);
    setStatus(null);
  }

  const valueOf = (shot: Shot, row: number, field: Field, read: ReadValue<string | number> | null): string => edits[key(shot.id, row, field)]?.value ?? (read ? String(read.value) : '');
  const needsCheck = (shot: Shot, row: number, field: Field, read: ReadValue<string | number> | null): boolean => !!read?.flagged && !edits[key(shot.id, row, field)]?.confirmed && edits[key(shot.id, row, field)]?.value === undefined;
  const remaining = shots.reduce(
    (n, s) => n + s.reading.rows.reduce((m, r, i) => m + (['date', 'time', 'count', 'amount'] as const).filter((f) => needsCheck(s, i, f, r[f])).length, 0),
    0,
  );

  /** The readings with the person's corrections applied; null where a corrected value is not valid. */
  function corrected(): { name: string; sha256: string; reading: ScreenReading }[] | { error: string } {
    const out = [];
    for (const s of shots) {
      const rows = [];
      for (const [i, r] of s.reading.rows.entries()) {
        const date = valueOf(s, i, 'date', r.date);
        const time = r.time ? valueOf(s, i, 'time', r.time) : null;
        const count = Number(valueOf(s, i, 'count', r.count).replaceAll(',', ''));
        const amount = Number(valueOf(s, i, 'amount', r.amount).replaceAll(',', ''));
        const field = !/^\d{4}-\d{2}-\d{2}$/.test(date) ? t('screenshots.date') : time !== null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time) ? t('screenshots.time') : !Number.isInteger(count) || count < 0 ? t('screenshots.count') : !Number.isInteger(amount) || amount < 0 ? t('screenshots.amount') : null;
        if (field) return { error: `${s.name} ${i + 1}: ${t('screenshots.invalid', { field })}` };
        rows.push({ ...r, date: { ...r.date, value: date }, time: r.time && time !== null ? { ...r.time, value: time } : null, count: { ...r.count, value: count }, amount: { ...r.amount, value: amount } });
      }
      out.push({ name: s.name, sha256: s.sha256, reading: { ...s.reading, rows } });
    }
    return out;
  }

  const fixed = corrected();
  const proposal = 'error' in fixed ? null : proposeRecords(fixed);

  async function save() {
    if (!proposal || 'error' in fixed) return;
    setSaving(true);
    try {
      const records = proposal.records.map((p) => toActivityRecord(p, channel));
      const perShot = new Map<string, number>();
      for (const p of proposal.records) perShot.set(p.screenshotSha256, (perShot.get(p.screenshotSha256) ?? 0) + 1);
      await saveScreenshotRecords(
        db,
        claimId,
        shots.map((s) => ({ name: s.name, type: s.type, bytes: s.bytes, note: t('screenshots.evidenceNote', { count: perShot.get(s.sha256) ?? 0 }) })),
        records,
      );
      notify(t('screenshots.saved', { count: records.length, shots: shots.length }));
      setShots([]);
      setEdits({});
      onSaved?.();
    } catch (err) {
      reportError(err);
    } finally {
      setSaving(false);
    }
  }

  /** Enter confirms the value and goes to the next value to check; arrows move up and down a column. */
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>, k: string) {
    const inputs = [...(tableRef.current?.querySelectorAll<HTMLInputElement>('input[data-cell]') ?? [])];
    const at = inputs.indexOf(e.currentTarget);
    if (e.key === 'Enter') {
      e.preventDefault();
      setEdits((x) => ({ ...x, [k]: { ...x[k], confirmed: true } }));
      const next = inputs.slice(at + 1).find((i) => i.dataset.flagged === 'true') ?? inputs[at + 1];
      next?.focus();
      next?.select();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const field = e.currentTarget.dataset.field;
      const list = inputs.filter((i) => i.dataset.field === field);
      const target = list[list.indexOf(e.currentTarget) + (e.key === 'ArrowDown' ? 1 : -1)];
      if (target) {
        e.preventDefault();
        target.focus();
        target.select();
      }
    }
  }

  useEffect(() => {
    // Straight to the first value to check once a reading arrives: keyboard first.
    const first = tableRef.current?.querySelector<HTMLInputElement>('input[data-flagged="true"]') ?? tableRef.current?.querySelector<HTMLInputElement>('input[data-cell]');
    first?.focus();
  }, [shots.length]);

  function cell(shot: Shot, row: number, field: Field, read: ReadValue<string | number> | null, label: string) {
    if (!read) return <td />;
    const k = key(shot.id, row, field);
    const flagged = needsCheck(shot, row, field, read);
    const reason = read.reason ? (ko ? read.reason.ko : read.reason.en) : '';
    return (
      <td className={flagged ? 'is-flagged' : undefined}>
        <input
          data-cell
          data-field={field}
          data-flagged={flagged ? 'true' : 'false'}
          aria-label={`${shot.name} ${row + 1} ${label}`}
          aria-invalid={flagged || undefined}
          title={flagged ? t('screenshots.flagged', { reason }) : undefined}
          inputMode={field === 'date' || field === 'time' ? 'text' : 'numeric'}
          value={valueOf(shot, row, field, read)}
          onChange={(e) => setEdits((x) => ({ ...x, [k]: { ...x[k], value: e.target.value } }))}
          onKeyDown={(e) => onKeyDown(e, k)}
        />
        {flagged && <span className="shot-flag">{t('screenshots.flagged', { reason })}</span>}
      </td>
    );
  }

  return (
    <section className="section screenshot-reader" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('screenshots.title')}</h2>
      <p className="muted">{t('screenshots.lead')}</p>
      <p>
        <button type="button" className="button" disabled={status !== null} onClick={() => picker.current?.click()}>
          {t('screenshots.pick')}
        </button>
        <input
          ref={picker}
          type="file"
          accept="image/png,image/jpeg"
          multiple
          hidden
          data-testid="screenshot-files-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) void read(files);
          }}
        />
      </p>
      {status && (
        <p role="status" className="muted">
          {status}
        </p>
      )}
      {failures.length > 0 && (
        <div role="alert" className="shot-failures">
          <h3>{t('screenshots.failed')}</h3>
          <ul>
            {failures.map((f) => (
              <li key={f.name}>{ko ? `${f.ko} / ${f.en}` : `${f.en} / ${f.ko}`}</li>
            ))}
          </ul>
        </div>
      )}
      {shots.length > 0 && (
        <>
          <label className="field">
            {t('screenshots.channel')}{' '}
            <select value={channel} onChange={(e) => setChannel(e.target.value)}>
              {channels.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <table className="table shot-table" ref={tableRef}>
            <caption>{t('screenshots.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('screenshots.crop')}</th>
                <th scope="col">{t('screenshots.date')}</th>
                <th scope="col">{t('screenshots.time')}</th>
                <th scope="col">{t('screenshots.count')}</th>
                <th scope="col">{t('screenshots.amount')}</th>
              </tr>
            </thead>
            {shots.map((shot) => (
              <tbody key={shot.id}>
                <tr className="shot-head">
                  <th colSpan={5} scope="rowgroup">
                    {shot.name} · {t(`screenshots.layout.${shot.reading.layout}`)}
                    {shot.reading.checks.map((c, i) => (
                      <span key={i} className={c.ok ? 'shot-check ok' : 'shot-check bad'}>
                        {' '}
                        {c.ok ? '✓' : '!'} {ko ? c.ko : c.en}
                      </span>
                    ))}
                  </th>
                </tr>
                {shot.reading.rows.map((r, i) => (
                  <tr key={i}>
                    <td>
                      <Crop shot={shot} bbox={r.bbox} label={`${shot.name} ${i + 1}`} />
                    </td>
                    {cell(shot, i, 'date', r.date, t('screenshots.date'))}
                    {cell(shot, i, 'time', r.time, t('screenshots.time'))}
                    {cell(shot, i, 'count', r.count, t('screenshots.count'))}
                    {cell(shot, i, 'amount', r.amount, t('screenshots.amount'))}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
          <p role="status">{remaining > 0 ? t('screenshots.toCheck', { count: remaining }) : t('screenshots.allChecked')}</p>
          {'error' in fixed && <p role="alert">{fixed.error}</p>}
          <p>
            <button type="button" className="button button-primary" disabled={saving || remaining > 0 || !proposal || !channel} onClick={() => void save()}>
              {t('screenshots.save', { count: proposal?.records.length ?? 0 })}
            </button>{' '}
            <button type="button" className="button" onClick={() => { setShots([]); setEdits({}); setFailures([]); }}>
              {t('screenshots.discard')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
