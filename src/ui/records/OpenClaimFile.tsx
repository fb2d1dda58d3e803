import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BridgeError, getBridge } from '../../bridge';
import { parseClaimFile } from '../../core/model';
import { addClaim } from '../../db';
import { useCurrentClaim, useDb } from '../desk';
import { useNotices } from '../notices';
import { joined } from '../../core/model/common';

/**
 * Opens a claim file (.claim.json, e.g. one of the bundled examples or a claim exported on another
 * machine) as a new claim and makes it the current one. Offered here until the claimant setup has its own.
 */
export function OpenClaimFile() {
  const { t } = useTranslation();
  const db = useDb();
  const { select } = useCurrentClaim();
  const { notify, reportError } = useNotices();
  const [issues, setIssues] = useState<string[]>([]);

  async function open() {
    setIssues([]);
    try {
      const [file] = await getBridge().openFiles({ accept: ['json'] });
      if (!file) return;
      const parsed = parseClaimFile(new TextDecoder('utf-8').decode(file.bytes));
      if (!parsed.ok) {
        setIssues(parsed.issues.slice(0, 5).map((i) => `${file.name}: ${i.path ? `${i.path}: ` : ''}${joined(i.message)}`));
        return;
      }
      const { id, missingEvidence } = await addClaim(db, parsed.claim);
      await select(id);
      notify(t('records.openClaim.opened', { title: parsed.claim.title ?? parsed.claim.claimant.name }));
      if (missingEvidence.length > 0) notify(t('records.openClaim.missingEvidence', { count: missingEvidence.length, names: missingEvidence.slice(0, 3).join(', ') }));
    } catch (err) {
      if (err instanceof BridgeError) setIssues([err.message]);
      else reportError(err);
    }
  }

  return (
    <div className="open-claim">
      <button type="button" className="button" onClick={() => void open()}>
        {t('records.openClaim.action')}
      </button>
      <p className="muted">{t('records.openClaim.hint')}</p>
      {issues.length > 0 && (
        <ul className="field-error" role="alert">
          {issues.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
