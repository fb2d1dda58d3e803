import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchMember } from '../../core/batch/types';
import { GROUP_MEDIATION_MIN_MEMBERS } from '../../core/tracker/next-steps';
import { associationTrackerOf, type MemberStatus } from '../../core/tracker/association';
import { formatWon } from '../format';
import { channelLabel } from '../tracker/labels';
import { associationMembers } from './association';

const PAGE = 100;
const STATUS_ORDER: readonly MemberStatus[] = ['not-submitted', 'draft', 'sent', 'acknowledged', 'documents-requested', 'offer-made', 'paid', 'rejected', 'escalated'];

interface Props {
  /** The members that stay after dedupe. */
  members: readonly BatchMember[];
  redact: boolean;
  disabled: boolean;
  /** Saves the group-mediation roster of one harm group (key `incidentId|serviceId`). */
  onRoster: (groupKey: string, serviceId: string) => void;
}

/** Issue 9's association view: every member's submissions, the totals claimed/offered/paid, and the 50+ groups. */
export function AssociationView({ members, redact, disabled, onRoster }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [filter, setFilter] = useState<MemberStatus | 'all'>('all');
  const [shown, setShown] = useState(PAGE);
  // The screen never shows a mobile number: redaction only matters to the roster file, made on export.
  const tracker = useMemo(() => associationTrackerOf(associationMembers(members, { redact: false })), [members]);
  const won = (n: number) => formatWon(n, lang);
  const visible = filter === 'all' ? tracker.members : tracker.members.filter((m) => m.status === filter);
  const statuses = STATUS_ORDER.filter((s) => tracker.byStatus[s]);

  return (
    <div className="batch-association">
      <dl className="batch-counts batch-association-totals" data-testid="association-totals" aria-label={t('batch.association.totalsLabel')}>
        <div><dt>{t('batch.association.members')}</dt><dd data-testid="association-members">{tracker.totals.members.toLocaleString(lang === 'en' ? 'en-US' : 'ko-KR')}</dd></div>
        <div><dt>{t('batch.association.claimed')}</dt><dd data-testid="association-claimed">{won(tracker.totals.claimed)}</dd></div>
        <div><dt>{t('batch.association.offered')}</dt><dd data-testid="association-offered">{won(tracker.totals.offered)}</dd></div>
        <div><dt>{t('batch.association.paid')}</dt><dd data-testid="association-paid">{won(tracker.totals.paid)}</dd></div>
        <div className="is-main"><dt>{t('batch.association.gap')}</dt><dd data-testid="association-gap">{won(tracker.totals.gap)}</dd></div>
      </dl>
      <p className="muted batch-association-note">{t('batch.association.gapNote')}</p>

      <h3 className="batch-subhead">{t('batch.association.byStatus')}</h3>
      <ul className="batch-association-statuses" data-testid="association-by-status">
        {statuses.map((s) => (
          <li key={s} data-status={s}><span className={`batch-sub-status batch-sub-status-${s}`}>{t(`batch.association.status.${s}`)}</span> <span className="strong">{tracker.byStatus[s]}</span></li>
        ))}
      </ul>

      <div className="batch-items-head">
        <span />
        <label className="batch-filter">
          {t('batch.association.filter')}{' '}
          <select value={filter} onChange={(e) => { setFilter(e.target.value as MemberStatus | 'all'); setShown(PAGE); }}>
            <option value="all">{t('batch.association.all', { count: tracker.members.length })}</option>
            {statuses.map((s) => <option key={s} value={s}>{`${t(`batch.association.status.${s}`)} (${tracker.byStatus[s]})`}</option>)}
          </select>
        </label>
      </div>
      {visible.length === 0 ? (
        <p className="muted">{t('batch.association.empty')}</p>
      ) : (
        <div className="batch-table-wrap" tabIndex={0} role="region" aria-label={t('batch.association.title')}>
          <table className="table batch-table" data-testid="association-members-table">
            <thead>
              <tr>
                <th>{t('batch.association.who')}</th>
                <th>{t('batch.association.channels')}</th>
                <th className="num">{t('batch.association.claimed')}</th>
                <th className="num">{t('batch.association.offered')}</th>
                <th className="num">{t('batch.association.paid')}</th>
              </tr>
            </thead>
            <tbody>
              {visible.slice(0, shown).map((m) => (
                <tr key={m.claimId} data-status={m.status}>
                  <td className="batch-who">{m.businessName ? `${m.businessName} · ${m.name}` : m.name}</td>
                  <td>
                    {m.byChannel.length === 0 ? (
                      <span className="muted">{t('batch.association.noSubmissions')}</span>
                    ) : (
                      <ul className="batch-association-channels">
                        {m.byChannel.map((c) => (
                          <li key={c.channel}>
                            <span className="batch-association-channel">{channelLabel(c.channel, lang)}</span>{' '}
                            <span className={`batch-sub-status batch-sub-status-${c.status}`}>{t(`batch.association.status.${c.status}`)}</span>
                            {c.sentAt && <span className="muted batch-when"> {c.sentAt.slice(0, 10)}</span>}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="num">{won(m.claimed)}</td>
                  <td className="num">{m.offered ? won(m.offered) : ''}</td>
                  <td className="num">{m.paid ? won(m.paid) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {visible.length > shown && (
        <p className="batch-more">
          <span className="muted">{t('batch.association.shown', { shown, total: visible.length })}</span>{' '}
          <button type="button" className="button" onClick={() => setShown((n) => n + PAGE)}>{t('batch.association.more', { count: Math.min(PAGE, visible.length - shown) })}</button>
        </p>
      )}

      <h3 className="batch-subhead">{t('batch.association.groupsTitle')}</h3>
      <p className="muted">{t('batch.association.groupsLead')}</p>
      {tracker.harmGroups.length === 0 ? (
        <p className="muted">{t('batch.association.noGroups')}</p>
      ) : (
        <table className="table batch-table batch-association-groups" data-testid="association-groups">
          <thead>
            <tr>
              <th>{t('batch.association.groupService')}</th>
              <th className="num">{t('batch.association.groupCount')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tracker.harmGroups.map((g) => (
              <tr key={g.key} data-eligible={g.groupMediationEligible ? 'yes' : 'no'}>
                <td>{lang === 'en' ? g.serviceName.en : g.serviceName.ko}</td>
                <td className="num">{g.count}</td>
                <td>
                  {g.groupMediationEligible ? (
                    <button type="button" className="button" disabled={disabled} onClick={() => onRoster(g.key, g.serviceId)}>
                      {redact ? t('batch.association.groupExportRedacted') : t('batch.association.groupExport')}
                    </button>
                  ) : (
                    <span className="muted">{t('batch.association.groupShort', { missing: GROUP_MEDIATION_MIN_MEMBERS - g.count })}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
