import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { listRecords } from '../../db';
import type { ClaimRow, OutageDeskDB, RecordRow } from '../../db';
import { EmptyState } from '../components/EmptyState';
import { NeedsClaim } from '../components/NeedsClaim';
import { PageHeader } from '../components/PageHeader';
import { useCurrentClaim, useDb } from '../desk';
import { earningsContext, formatWon } from '../format';
import type { PickedFile } from '../import/ImportWizard';
import { ChannelFaresPanel } from '../records/ChannelFaresPanel';
import { ImportedFiles } from '../records/ImportedFiles';
import { entrySetupOf } from '../records/model';
import { OpenClaimFile } from '../records/OpenClaimFile';
import { QuickLog } from '../records/QuickLog';
import { QuickLogTransfer } from '../records/QuickLogTransfer';
import { RecordsEntry } from '../records/RecordsEntry';
import '../styles/records.css';
import '../styles/import.css';

// The importer (papaparse, exceljs on demand, channel tables) loads when the import view first opens.
const ImportWizard = lazy(() => import('../import/ImportWizard').then((m) => ({ default: m.ImportWizard })));
// The screenshot reader (and, on first use, the OCR) loads when its view first opens.
const ScreenshotReader = lazy(() => import('../screenshots/ScreenshotReader').then((m) => ({ default: m.ScreenshotReader })));

interface ChannelSummary {
  channel: string;
  buckets: number;
  count: number;
  revenue: number;
}

function summarise(rows: RecordRow[]): ChannelSummary[] {
  const by = new Map<string, ChannelSummary>();
  for (const r of rows) {
    const s = by.get(r.channel) ?? { channel: r.channel, buckets: 0, count: 0, revenue: 0 };
    s.buckets += 1;
    s.count += r.count;
    s.revenue += r.revenue ?? 0;
    by.set(r.channel, s);
  }
  return [...by.values()].sort((a, b) => a.channel.localeCompare(b.channel));
}

const SUMMARY_DELAY_MS = 250;

/**
 * The per-channel totals, read again a moment after the claim last changed (its `updatedAt` moves with
 * every save) rather than on every keystroke: two years of hours is a lot to sum while someone types.
 */
function useSummary(db: OutageDeskDB, claimId: string, stamp: string): { rows: ChannelSummary[]; total: number } | undefined {
  const [summary, setSummary] = useState<{ rows: ChannelSummary[]; total: number } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void listRecords(db, claimId).then((rows) => live && setSummary({ rows: summarise(rows), total: rows.length }));
    }, summary === undefined ? 0 : SUMMARY_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, claimId, stamp]);
  return summary;
}

/** The records so far; with none, a hint to add evidence first, left out while a file or screenshots are being read in. */
function Summary({ claim, hintWhenEmpty = true }: { claim: ClaimRow; hintWhenEmpty?: boolean }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  // Channels by the name the claimant gave them, never their ids.
  const names = useMemo(() => new Map(entrySetupOf(claim.body).channels.map((c) => [c.id, c.label])), [claim.body]);
  const summary = useSummary(db, claim.id, claim.updatedAt);
  // A driver's columns read 콜 and 수입, a shop's 주문·콜 and 매출.
  const context = earningsContext(entrySetupOf(claim.body).kind);
  if (summary === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (summary.total === 0) {
    if (!hintWhenEmpty) return null;
    return <EmptyState title={t('records.emptyTitle')} body={t('records.emptyBody')} action={{ label: t('records.action'), to: 'evidence' }} />;
  }
  return (
    <section className="section">
      <h2>{t('records.summaryTitle')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('records.channel')}</th>
            <th scope="col" className="num">{t('records.buckets')}</th>
            <th scope="col" className="num">{t('records.count', { context })}</th>
            <th scope="col" className="num">{t('records.revenue', { context })}</th>
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((s) => (
            <tr key={s.channel}>
              <th scope="row">{names.get(s.channel) ?? s.channel}</th>
              <td className="num">{s.buckets.toLocaleString('ko-KR')}</td>
              <td className="num">{s.count.toLocaleString('ko-KR')}</td>
              <td className="num">{formatWon(s.revenue, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('records.total', { count: summary.total })}</p>
      <p><a className="button button-primary" href="#/baseline">{t('app.nextStep', { step: t('nav.baseline') })}</a></p>
    </section>
  );
}

const VIEWS = ['grid', 'quick', 'import', 'screenshots'] as const;
type View = (typeof VIEWS)[number];

/** `#/records/quick` → quick; the records route itself shows the grid. */
function viewOfHash(hash: string): View {
  const sub = hash.replace(/^#\/?/, '').split('/')[1] ?? '';
  return (VIEWS as readonly string[]).includes(sub) ? (sub as View) : 'grid';
}

function useView(): [View, (v: View) => void] {
  const [view, setView] = useState<View>(() => viewOfHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setView(viewOfHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = (v: View) => {
    window.location.hash = v === 'grid' ? '/records' : `/records/${v}`;
    setView(v);
  };
  return [view, go];
}

function Records({ claim }: { claim: ClaimRow }) {
  const { t } = useTranslation();
  const setup = useMemo(() => entrySetupOf(claim.body), [claim.body]);
  const [view, setView] = useView();
  const [incoming, setIncoming] = useState<PickedFile | null>(null);
  const [dragging, setDragging] = useState(false);

  function onDragOver(e: DragEvent) {
    if (!e.dataTransfer.types.includes('Files') || setup.channels.length === 0) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  }

  async function onDrop(e: DragEvent) {
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (!file || setup.channels.length === 0) return;
    e.preventDefault();
    setIncoming({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    setView('import');
  }

  if (setup.channels.length === 0) {
    return (
      <>
        <section className="records-setup-needed" aria-labelledby="records-no-channels">
          <h2 id="records-no-channels">{t('records.noChannels.title', { context: earningsContext(setup.kind) })}</h2>
          <p>{t('records.noChannels.body', { context: earningsContext(setup.kind) })}</p>
          <p>
            <a className="button button-primary" href="#/claimant">{t('records.noChannels.action')}</a>
          </p>
          <OpenClaimFile />
        </section>
        <Summary claim={claim} />
      </>
    );
  }

  return (
    <div className={`records-page${dragging ? ' is-dragging' : ''}`} onDragOver={onDragOver} onDragLeave={() => setDragging(false)} onDrop={(e) => void onDrop(e)}>
      <nav className="records-views" aria-label={t('records.views.label')}>
        {VIEWS.map((v) => (
          <a key={v} href={v === 'grid' ? '#/records' : `#/records/${v}`} aria-current={view === v ? 'page' : undefined} onClick={(e) => { e.preventDefault(); setView(v); }}>
            {t(`records.views.${v}`)}
          </a>
        ))}
      </nav>
      {view === 'grid' && <RecordsEntry key={claim.id} claimId={claim.id} setup={setup} />}
      {view === 'quick' && <QuickLog key={claim.id} claimId={claim.id} setup={setup} />}
      {view === 'quick' && <QuickLogTransfer key={`t-${claim.id}`} claimId={claim.id} granularity={setup.granularity} />}
      {view === 'import' && (
        <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
        <ImportWizard
          key={claim.id}
          claimId={claim.id}
          channels={setup.channels}
          granularity={setup.granularity}
          claimantKind={(claim.body as { claimant?: { kind?: string } }).claimant?.kind}
          incoming={incoming}
          onIncomingTaken={() => setIncoming(null)}
          onFinished={() => setView('grid')}
        />
        </Suspense>
      )}
      {view === 'screenshots' && (
        <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
          <ScreenshotReader key={claim.id} claimId={claim.id} channels={setup.channels} onSaved={() => setView('grid')} />
        </Suspense>
      )}
      {dragging && <p className="drop-overlay" aria-hidden="true">{t('import.file.dropHere')}</p>}
      {view === 'grid' && <ChannelFaresPanel key={`f-${claim.id}`} claimId={claim.id} channels={setup.channels} kind={setup.kind} />}
      <Summary claim={claim} hintWhenEmpty={view !== 'import' && view !== 'screenshots'} />
      <ImportedFiles claimId={claim.id} />
    </div>
  );
}

export default function RecordsPage() {
  const { t } = useTranslation();
  const { claim } = useCurrentClaim();
  return (
    <>
      <PageHeader step={3} title={t('nav.records')} lead={t('records.lead', { context: earningsContext(claim?.kind) })} />
      <NeedsClaim>{(current) => <Records claim={current} />}</NeedsClaim>
      {claim === null && (
        <section className="section">
          <OpenClaimFile />
        </section>
      )}
    </>
  );
}
