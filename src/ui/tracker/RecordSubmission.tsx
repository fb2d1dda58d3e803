import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BridgeError, getBridge } from '../../bridge';
import { sha256Hex } from '../../core/packet/hash';
import { CHANNEL_PROFILES, channelsForClaim } from '../../core/packet/profiles';
import { addSubmission, kstInstant, readSentPacket, TrackerInputError } from '../../core/tracker';
import type { SentPacket } from '../../core/tracker';
import { addClaim, getClaim } from '../../db';
import { useCurrentClaim, useDb } from '../desk';
import { inLanguage } from '../export/language';
import { formatKstDateTime } from '../format';
import { useNotices } from '../notices';
import { channelLabel, shortHash } from './labels';
import { saveSubmissions } from '../../db';
import { kstInstantOf } from './store';
import type { Tracked } from './useTrackedClaim';
import { DateField, TimeField } from '../components/DateField';

export type PickedPacket = { fileName: string; packet: SentPacket };

/** Choosing the packet file that was sent: its hash, its check, and whose claim it is. */
export function PacketPicker({ picked, onPicked, currentClaimId }: { picked: PickedPacket | null; onPicked: (p: PickedPacket | null) => void; currentClaimId: string | null }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { select } = useCurrentClaim();
  const { notify, reportError } = useNotices();
  const [busy, setBusy] = useState(false);
  const [owner, setOwner] = useState<{ id: string; title: string } | null | undefined>(undefined);

  async function pick() {
    try {
      const [file] = await getBridge().openFiles({ accept: ['zip'], multiple: false });
      if (!file) return;
      setBusy(true);
      const packet = await readSentPacket(file.bytes);
      const claimId = packet.manifest?.claimId;
      const row = claimId ? await getClaim(db, claimId) : undefined;
      setOwner(row ? { id: row.id, title: row.title } : null);
      onPicked({ fileName: file.name, packet });
    } catch (err) {
      if (err instanceof BridgeError) notify(err.message, 'error');
      else reportError(err);
    } finally {
      setBusy(false);
    }
  }

  async function addFromPacket() {
    const packet = picked?.packet;
    if (!packet?.claim) return;
    try {
      const evidence = await Promise.all(
        packet.claim.evidence.flatMap((e) => {
          const bytes = packet.evidence.get(e.fileName);
          return bytes ? [sha256Hex(bytes).then((sha256) => ({ sha256, bytes }))] : [];
        }),
      );
      const added = await addClaim(db, packet.claim, { evidence });
      await select(added.id);
      setOwner({ id: added.id, title: packet.claim.title ?? added.id });
      notify(t('tracker.record.added'));
    } catch (err) {
      reportError(err);
    }
  }

  const packet = picked?.packet;
  const manifest = packet?.manifest;
  const foreign = manifest && manifest.claimId !== currentClaimId;
  return (
    <div className="tracker-packet">
      <p>
        <button type="button" className="button" onClick={() => void pick()} disabled={busy}>
          {t('tracker.record.pickPacket')}
        </button>
      </p>
      <p className="muted">{t('tracker.record.packetHint')}</p>
      {packet && (
        <div className={packet.ok ? 'tracker-packet-result is-ok' : 'tracker-packet-result is-bad'} data-testid="packet-check">
          <p className="tracker-file-name">{picked.fileName}</p>
          {packet.ok && manifest ? (
            <p>
              {t('tracker.record.packetOk', { madeAt: formatKstDateTime(manifest.madeAt, i18n.language), hash: shortHash(packet.sha256) })}{' '}
              <span className="muted">({channelLabel(manifest.channel, i18n.language)})</span>
            </p>
          ) : (
            <p className="field-error">{t('tracker.record.packetProblems', { problem: packet.problems[0] ? inLanguage(packet.problems[0].text, i18n.language) : '' })}</p>
          )}
          {foreign && owner && (
            <p>
              {t('tracker.record.otherClaim', { title: owner.title })}{' '}
              <button type="button" className="button" onClick={() => void select(owner.id)}>{t('tracker.record.switchTo')}</button>
            </p>
          )}
          {foreign && owner === null && packet.claim && (
            <p>
              {t('tracker.record.unknownClaim')}{' '}
              <button type="button" className="button button-primary" onClick={() => void addFromPacket()}>{t('tracker.record.addFromPacket')}</button>
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function nowParts(): { date: string; time: string } {
  const now = kstInstant(new Date());
  return { date: now.slice(0, 10), time: now.slice(11, 16) };
}

/** "보낸 신청 기록하기": channel, when, reference, the packet's fingerprint, notes. */
export function RecordSubmission({ tracked, picked, onPicked }: { tracked: Tracked; picked: PickedPacket | null; onPicked: (p: PickedPacket | null) => void }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const { notify, reportError } = useNotices();
  const ids = { channel: useId(), date: useId(), time: useId(), reference: useId(), notes: useId(), error: useId() };
  const claim = tracked.loaded.claim;
  const matching = picked?.packet.manifest?.claimId === claim.id ? picked : null;
  const initial = nowParts();
  // The claim's own channels (its pack's, then 365/mediation/generic): never a Kakao form for another outage.
  const own = channelsForClaim(claim, tracked.pack);
  const [channel, setChannel] = useState<string>(matching?.packet.manifest?.channel ?? tracked.deadlines.find((d) => d.due)?.channel ?? own.defaultId);
  const offered = own.profiles.some((p) => p.id === channel) ? own.profiles : [...own.profiles, ...CHANNEL_PROFILES.filter((p) => p.id === channel)];
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  const [reference, setReference] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [lastPacket, setLastPacket] = useState<string | null>(null);

  // A newly picked packet for this claim sets the channel once.
  const pickedKey = matching?.packet.sha256 ?? null;
  if (pickedKey !== lastPacket) {
    setLastPacket(pickedKey);
    if (matching?.packet.manifest) setChannel(matching.packet.manifest.channel);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const submissions = addSubmission(
        claim,
        {
          id: crypto.randomUUID(),
          channel,
          sentAt: kstInstantOf(date, time),
          status: 'sent',
          notes: notes.trim(),
          ...(reference.trim() ? { reference: reference.trim() } : {}),
          ...(matching ? { packetSha256: matching.packet.sha256 } : {}),
        },
        CHANNEL_PROFILES,
      );
      await saveSubmissions(db, tracked.loaded, submissions);
      notify(t('tracker.record.saved', { channel: channelLabel(channel, i18n.language) }));
      setReference('');
      setNotes('');
      onPicked(null);
    } catch (err) {
      if (err instanceof TrackerInputError) setError(inLanguage(err.text, i18n.language));
      else reportError(err);
    }
  }

  return (
    <form className="tracker-record" onSubmit={(e) => void submit(e)} noValidate aria-describedby={error ? ids.error : undefined}>
      <div className="tracker-fields">
        <label htmlFor={ids.channel}>{t('tracker.record.channel')}</label>
        <select id={ids.channel} value={channel} onChange={(e) => setChannel(e.target.value)}>
          {offered.map((p) => (
            <option key={p.id} value={p.id}>{i18n.language === 'en' ? p.name.en : p.name.ko}</option>
          ))}
        </select>
        <label htmlFor={ids.date}>{t('tracker.record.sentDate')}</label>
        <div className="field-row">
          <DateField id={ids.date} fieldName={t('tracker.record.sentDate')} value={date} onChange={setDate} required />
          <TimeField id={ids.time} value={time} onChange={setTime} aria-label={t('tracker.record.sentTime')} />
        </div>
        <label htmlFor={ids.reference}>{t('tracker.record.reference')}</label>
        <div>
          <input id={ids.reference} type="text" value={reference} maxLength={200} onChange={(e) => setReference(e.target.value)} />
          <p className="muted">{t('tracker.record.referenceHint')}</p>
        </div>
        <span className="tracker-label">{t('tracker.record.fingerprint')}</span>
        <p className={matching ? 'tracker-hash' : 'muted'} data-testid="record-fingerprint">
          {matching ? <code title={matching.packet.sha256}>{matching.packet.sha256}</code> : t('tracker.record.noPacket')}
        </p>
        <label htmlFor={ids.notes}>{t('tracker.record.notes')}</label>
        <textarea id={ids.notes} rows={2} value={notes} maxLength={4000} onChange={(e) => setNotes(e.target.value)} />
      </div>
      {error && <p id={ids.error} className="field-error" role="alert">{error}</p>}
      <p>
        <button type="submit" className="button button-primary">{t('tracker.record.save')}</button>
      </p>
    </form>
  );
}
