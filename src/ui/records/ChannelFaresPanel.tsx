import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimantKind, SalesChannel } from '../../core/model';
import { ClaimValidationError, saveChannelFares } from '../../db';
import { useDb } from '../desk';
import { pickLanguage } from '../format';
import { useNotices } from '../notices';
import { ChannelFareFields, faresOf, parseFares } from '../setup/ChannelFares';
import type { FareErrors } from '../setup/ChannelFares';

interface Props {
  claimId: string;
  channels: SalesChannel[];
  kind: ClaimantKind | undefined;
}

/** The records page's average fares: the same fields as setup's channels step, saved on their own. */
export function ChannelFaresPanel({ claimId, channels, kind }: Props) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify, reportError } = useNotices();
  const [drafts, setDrafts] = useState(() => faresOf(channels));
  const [errors, setErrors] = useState<FareErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const who = kind === 'merchant' ? 'merchant' : 'driver';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const { fares, errors: found } = parseFares(drafts, channels.map((c) => c.id), t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await saveChannelFares(db, claimId, fares);
      notify(t(`fares.saved.${who}`));
    } catch (err) {
      if (err instanceof ClaimValidationError) setProblem(err.issues.map((i) => pickLanguage(i.message, i18n.language)).join(' '));
      else reportError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="section records-fares" onSubmit={(e) => void submit(e)} noValidate>
      <ChannelFareFields channels={channels} kind={kind} drafts={drafts} onChange={setDrafts} errors={errors} />
      {problem && <p className="field-error" role="alert">{problem}</p>}
      <button type="submit" className="button" disabled={busy}>{t(`fares.save.${who}`)}</button>
    </form>
  );
}
