import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMN_ROLES } from '../../core/io';
import { textIn } from '../../core/model/common';
import { pickLanguage } from '../format';
import type { ColumnRole, ImportPreview, ImportShape, OverlapDecision } from '../../core/io';
import type { SalesChannel } from '../../core/model';
import type { BuildRequest, BuildResponse, ImportProgress } from './engine';
import type { OverlapCheck } from '../../db';

/** Without `onCancel` (the save: one transaction, all or nothing) there is no Cancel button. */
export function ProgressPanel({ progress, onCancel }: { progress: ImportProgress; onCancel?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="import-progress" role="status">
      <label htmlFor={id}>{t(`import.progress.${progress.stage}`)}</label>
      <progress id={id} max={progress.total} value={progress.done} />
      {progress.stage === 'saving' && <span className="muted">{t('import.progress.savedCount', { done: progress.done, total: progress.total })}</span>}
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          {t('import.progress.cancel')}
        </button>
      )}
    </div>
  );
}

function Actions({ onBack, onNext, nextLabel, disabled }: { onBack: () => void; onNext: () => void; nextLabel: string; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="wizard-actions">
      <button type="button" className="button" onClick={onBack}>
        {t('import.back')}
      </button>
      <button type="button" className="button button-primary" onClick={onNext} disabled={disabled}>
        {nextLabel}
      </button>
    </div>
  );
}

interface ColumnsProps {
  preview: ImportPreview;
  mapping: Record<ColumnRole, string>;
  shape: ImportShape;
  shapes: readonly ImportShape[];
  sheet: string | undefined;
  onMapping: (role: ColumnRole, header: string) => void;
  onShape: (shape: ImportShape) => void;
  onSheet: (sheet: string) => void;
  busy: boolean;
  onBack: () => void;
  onNext: () => void;
}

export function ColumnsStep({ preview, mapping, shape, shapes, sheet, onMapping, onShape, onSheet, busy, onBack, onNext }: ColumnsProps) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const roleOfHeader = new Map(Object.entries(mapping).filter(([, h]) => h).map(([role, h]) => [h, role as ColumnRole]));
  return (
    <div className="wizard-body">
      <dl className="facts import-facts">
        <dt>{t('import.columns.encoding')}</dt>
        <dd>{t(`import.encoding.${preview.encoding}`)}</dd>
        <dt>{t('import.columns.headerRow')}</dt>
        <dd>{t('import.columns.headerRowValue', { row: preview.headerRow })}</dd>
        {preview.sheetNames && preview.sheetNames.length > 0 && (
          <>
            <dt>
              <label htmlFor={`${ids}-sheet`}>{t('import.columns.sheet')}</label>
            </dt>
            <dd>
              <select id={`${ids}-sheet`} value={sheet ?? preview.sheetName ?? ''} onChange={(e) => onSheet(e.target.value)} disabled={busy}>
                {preview.sheetNames.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </dd>
          </>
        )}
      </dl>

      <fieldset className="shape-picker">
        <legend>{t('import.columns.shapeLegend')}</legend>
        {shapes.map((s) => (
          <label key={s} className="radio shape-option">
            <input type="radio" name={`${ids}-shape`} checked={shape === s} onChange={() => onShape(s)} />
            <span>
              <span className="strong">{t(`import.shape.${s}`)}</span>
              <span className="muted"> {t(`import.shapeHint.${s}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset className="mapping-grid">
        <legend>{t('import.columns.mappingLegend')}</legend>
        {COLUMN_ROLES.map((role) => (
          <label key={role} className="mapping-field">
            <span>{t(`import.role.${role}`)}</span>
            <select value={mapping[role]} onChange={(e) => onMapping(role, e.target.value)}>
              <option value="">{t('import.columns.none')}</option>
              {preview.headers.map((h, i) => (
                <option key={`${h}-${i}`} value={h}>
                  {h || t('import.columns.unnamed', { n: i + 1 })}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
      <p className="muted">{t('import.columns.mappingHint')}</p>

      <div className="preview-scroll" tabIndex={0} role="region" aria-label={t('import.columns.previewCaption', { count: preview.rows.length })}>
        <table className="table preview-table">
          <caption className="muted">{t('import.columns.previewCaption', { count: preview.rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">{t('import.columns.row')}</th>
              {preview.headers.map((h, i) => {
                const role = roleOfHeader.get(h);
                return (
                  <th scope="col" key={`${h}-${i}`} className={role ? 'is-mapped' : undefined}>
                    {h}
                    {role && <span className="tag role-tag">{t(`import.role.${role}`)}</span>}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.row}>
                <td className="num muted">{r.row}</td>
                {r.cells.map((c, i) => (
                  <td key={i}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.warnings.length > 0 && (
        <ul className="import-warnings">
          {preview.warnings.map((w) => (
            <li key={w.ko}>{pickLanguage(w, i18n.language)}</li>
          ))}
        </ul>
      )}
      <Actions onBack={onBack} onNext={onNext} nextLabel={t('import.columns.next')} disabled={busy} />
    </div>
  );
}

interface ChannelsProps {
  values: BuildResponse['channelValues'];
  channels: SalesChannel[];
  choice: Record<string, string>;
  skipId: string;
  onChoose: (raw: string, id: string) => void;
  ready: boolean;
  busy: boolean;
  onBack: () => void;
  onNext: () => void;
}

export function ChannelsStep({ values, channels, choice, skipId, onChoose, ready, busy, onBack, onNext }: ChannelsProps) {
  const { t } = useTranslation();
  return (
    <div className="wizard-body">
      <p>{t('import.channels.lead')}</p>
      <table className="table channel-map">
        <thead>
          <tr>
            <th scope="col">{t('import.channels.value')}</th>
            <th scope="col" className="num">{t('import.channels.rows')}</th>
            <th scope="col">{t('import.channels.target')}</th>
          </tr>
        </thead>
        <tbody>
          {values.map((v) => {
            const name = v.raw === '' ? t('import.channels.blank') : v.raw;
            return (
              <tr key={v.raw}>
                <th scope="row">
                  {name}
                  {v.raw !== '' && !channels.some((c) => c.id === v.suggested) && <span className="tag tag-warn">{t('import.channels.unknown')}</span>}
                </th>
                <td className="num">{v.rows.toLocaleString('ko-KR')}</td>
                <td>
                  <select aria-label={t('import.channels.targetFor', { value: name })} value={choice[v.raw] ?? ''} aria-invalid={choice[v.raw] ? undefined : true} onChange={(e) => onChoose(v.raw, e.target.value)}>
                    <option value="">{t('import.channels.choose')}</option>
                    {channels.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.label} ({c.id})
                      </option>
                    ))}
                    <option value={skipId}>{t('import.channels.skip')}</option>
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!ready && <p className="field-error">{t('import.channels.needChoice')}</p>}
      <Actions onBack={onBack} onNext={onNext} nextLabel={t('import.channels.next')} disabled={busy || !ready} />
    </div>
  );
}

interface RowsProps {
  built: BuildResponse;
  unresolved: BuildResponse['errors'];
  skips: number[];
  fixes: BuildRequest['fixes'];
  busy: boolean;
  onFix: (row: number, column: string, value: string) => void;
  onSkip: (rows: number[]) => void;
  onUnskip: (row: number) => void;
  onBack: () => void;
  onNext: () => void;
}

const SHOWN_ERRORS = 100;

export function RowsStep({ built, unresolved, skips, fixes, busy, onFix, onSkip, onUnskip, onBack, onNext }: RowsProps) {
  const { t, i18n } = useTranslation();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const keyOf = (row: number, column: string) => `${row}\u0000${column}`;
  return (
    <div className="wizard-body">
      <p>{t('import.rows.summary', { records: built.records.length, errors: unresolved.length })}</p>
      {built.warnings.length > 0 && (
        <ul className="import-warnings">
          {built.warnings.map((w) => (
            <li key={w.ko}>{pickLanguage(w, i18n.language)}</li>
          ))}
        </ul>
      )}
      {unresolved.length === 0 ? (
        <p className="import-ok">{t('import.rows.none')}</p>
      ) : (
        <>
          <p className="muted">{t('import.rows.lead')}</p>
          <div className="preview-scroll">
            <table className="table row-errors">
              <thead>
                <tr>
                  <th scope="col" className="num">{t('import.rows.row')}</th>
                  <th scope="col">{t('import.rows.column')}</th>
                  <th scope="col">{t('import.rows.value')}</th>
                  <th scope="col">{t('import.rows.reason')}</th>
                  <th scope="col">{t('import.rows.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {unresolved.slice(0, SHOWN_ERRORS).map((e) => {
                  const key = keyOf(e.row, e.column);
                  const fixed = fixes.find((f) => f.row === e.row && f.column === e.column);
                  const draft = drafts[key] ?? fixed?.value ?? e.value;
                  return (
                    <tr key={`${key}\u0000${e.reason.en}`}>
                      <th scope="row" className="num">{e.row}</th>
                      <td>{e.column || t('import.rows.wholeRow')}</td>
                      <td>
                        {e.fixable ? (
                          <input
                            type="text"
                            className="fix-input"
                            aria-label={t('import.rows.fixLabel', { row: e.row, column: e.column })}
                            value={draft}
                            onChange={(ev) => setDrafts({ ...drafts, [key]: ev.target.value })}
                            onKeyDown={(ev) => {
                              if (ev.key === 'Enter') {
                                ev.preventDefault();
                                onFix(e.row, e.column, draft);
                              }
                            }}
                          />
                        ) : (
                          <code className="row-value">{e.value}</code>
                        )}
                      </td>
                      <td className="reason">{textIn(e.reason, i18n.language)}</td>
                      <td className="row-actions">
                        {e.fixable && (
                          <button type="button" className="button" disabled={busy} onClick={() => onFix(e.row, e.column, draft)}>
                            {t('import.rows.recheck')}
                          </button>
                        )}
                        <button type="button" className="button button-quiet" disabled={busy} onClick={() => onSkip([e.row])} aria-label={t('import.rows.skipLabel', { row: e.row })}>
                          {t('import.rows.skip')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {unresolved.length > SHOWN_ERRORS && <p className="muted">{t('import.rows.more', { count: unresolved.length - SHOWN_ERRORS })}</p>}
          <button type="button" className="button" disabled={busy} onClick={() => onSkip(unresolved.map((e) => e.row))}>
            {t('import.rows.skipAll', { count: new Set(unresolved.map((e) => e.row)).size })}
          </button>
        </>
      )}
      {skips.length > 0 && (
        <div className="skipped-rows">
          <p className="muted">{t('import.rows.skipped', { count: skips.length })}</p>
          <ul className="skipped-list">
            {skips.map((row) => (
              <li key={row}>
                <button type="button" className="button button-quiet" onClick={() => onUnskip(row)} aria-label={t('import.rows.unskipLabel', { row })}>
                  {t('import.rows.rowN', { row })} ↺
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Actions onBack={onBack} onNext={onNext} nextLabel={t('import.rows.next')} disabled={busy || unresolved.length > 0 || built.records.length === 0} />
    </div>
  );
}

interface OverlapProps {
  built: BuildResponse;
  overlap: OverlapCheck;
  decision: OverlapDecision | null;
  skippedRows: number;
  onDecision: (d: OverlapDecision) => void;
  busy: boolean;
  onBack: () => void;
  onStore: () => void;
}

export function OverlapStep({ built, overlap, decision, skippedRows, onDecision, busy, onBack, onStore }: OverlapProps) {
  const { t } = useTranslation();
  const ids = useId();
  const byChannel = new Map<string, number>();
  for (const r of built.records) byChannel.set(r.channel, (byChannel.get(r.channel) ?? 0) + 1);
  return (
    <div className="wizard-body">
      <dl className="facts">
        <dt>{t('import.store.records')}</dt>
        <dd>
          {t('import.store.recordsValue', { count: built.records.length })}{' '}
          <span className="muted">({[...byChannel].map(([c, n]) => `${c} ${n.toLocaleString('ko-KR')}`).join(', ')})</span>
        </dd>
        <dt>{t('import.store.provenance')}</dt>
        <dd>{t('import.store.provenanceValue')}</dd>
        {skippedRows > 0 && (
          <>
            <dt>{t('import.store.skippedRows')}</dt>
            <dd>{t('import.store.skippedRowsValue', { count: skippedRows })}</dd>
          </>
        )}
        {built.skippedByChannel > 0 && (
          <>
            <dt>{t('import.store.skippedChannel')}</dt>
            <dd>{t('import.store.skippedChannelValue', { count: built.skippedByChannel })}</dd>
          </>
        )}
      </dl>
      {overlap.overlaps === 0 ? (
        <p className="import-ok">{t('import.store.noOverlap')}</p>
      ) : (
        <fieldset className="overlap-choice">
          <legend>{t('import.store.overlapLegend', { count: overlap.overlaps, existing: overlap.existingRecords, incoming: overlap.incomingRecords })}</legend>
          <label className="radio">
            <input type="radio" name={`${ids}-overlap`} checked={decision === 'replace'} onChange={() => onDecision('replace')} />
            <span>
              <span className="strong">{t('import.store.replace')}</span> <span className="muted">{t('import.store.replaceHint')}</span>
            </span>
          </label>
          <label className="radio">
            <input type="radio" name={`${ids}-overlap`} checked={decision === 'keep'} onChange={() => onDecision('keep')} />
            <span>
              <span className="strong">{t('import.store.keep')}</span> <span className="muted">{t('import.store.keepHint')}</span>
            </span>
          </label>
        </fieldset>
      )}
      <Actions onBack={onBack} onNext={onStore} nextLabel={t('import.store.store', { count: built.records.length })} disabled={busy || decision === null} />
    </div>
  );
}
