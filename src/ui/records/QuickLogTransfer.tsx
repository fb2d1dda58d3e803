import { useId, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { QuickLogFileError } from '../../core/quicklog';
import { kstDateOfMs } from '../../core/time';
import { useDb } from '../desk';
import { useNotices } from '../notices';
import type { Granularity } from './model';
import { checkQuickLog, exportQuickLog, importQuickLog } from '../../db';

/**
 * The quick log between the phone and the desktop (issue 19): the chain's state ("n entries, chain intact"
 * or where it breaks), the log sent as one file (the share sheet where there is one, else a download), and
 * a log file from the phone merged into this claim, skipping the entries already here.
 */
export function QuickLogTransfer({ claimId, granularity, now = Date.now }: { claimId: string; granularity: Granularity; now?: () => number }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify, reportError } = useNotices();
  const ids = useId();
  const picker = useRef<HTMLInputElement>(null);
  const ko = i18n.language !== 'en';
  // Checked again whenever the journal changes (a missed call changes no record, only the journal).
  const check = useLiveQuery(() => checkQuickLog(db, claimId), [db, claimId]);

  async function send() {
    try {
      const { text } = await exportQuickLog(db, claimId, now());
      const name = `quick-log-${kstDateOfMs(now())}.json`;
      const bytes = new TextEncoder().encode(text);
      const file = typeof File === 'function' ? new File([bytes], name, { type: 'application/json' }) : null;
      const nav = navigator as Navigator & { canShare?: (d: { files: File[] }) => boolean; share?: (d: { files: File[]; title?: string }) => Promise<void> };
      if (file && nav.canShare?.({ files: [file] }) && nav.share) {
        await nav.share({ files: [file], title: t('records.transfer.shareTitle') });
      } else {
        await getBridge().saveFile({ suggestedName: name, bytes });
      }
    } catch (err) {
      if ((err as { name?: string }).name === 'AbortError') return;
      reportError(err);
    }
  }

  async function merge(file: File) {
    try {
      const result = await importQuickLog(db, claimId, await file.text(), file.name, granularity);
      notify(t('records.transfer.merged', { added: result.added, skipped: result.skipped }));
    } catch (err) {
      if (err instanceof QuickLogFileError) notify(ko ? `${err.ko} / ${err.en}` : `${err.en} / ${err.ko}`, 'error');
      else reportError(err);
    }
  }

  return (
    <section className="section quick-transfer" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('records.transfer.title')}</h3>
      {check && (
        <p role="status" data-testid="chain-status" className={check.intact ? 'muted' : 'field-error'}>
          {ko ? check.ko : check.en}
        </p>
      )}
      <p className="muted">{t('records.transfer.lead')}</p>
      <p>
        <button type="button" className="button" onClick={() => void send()}>
          {t('records.transfer.send')}
        </button>{' '}
        <button type="button" className="button" onClick={() => picker.current?.click()}>
          {t('records.transfer.receive')}
        </button>
        <input
          ref={picker}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="quick-log-file-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void merge(f);
          }}
        />
      </p>
    </section>
  );
}
