import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRow } from '../../db';
import { updateEvidenceDetails } from '../../db';
import { useDb } from '../desk';
import { useNotices } from '../notices';
import { formatRecordLink, parseRecordLink } from './links';
import { setItemLink } from '../../db';
import { DateField } from '../components/DateField';

export type LinkableItem = { id: string; side: 'direct' | 'indirect'; name: string };
export type LinkContext = {
  claimId: string;
  channels: { id: string; label: string }[];
  items: LinkableItem[];
  /** First and last record day, the default stretch. */
  span: { first: string; last: string } | null;
};

/** What a file supports: stretches of records and loss items, each removable. */
export function LinkEditor({ row, context }: { row: EvidenceRow; context: LinkContext }) {
  const { t } = useTranslation();
  const db = useDb();
  const { notify, reportError } = useNotices();
  const id = useId();
  const [from, setFrom] = useState(context.span?.first ?? '');
  const [to, setTo] = useState(context.span?.last ?? '');
  const [channel, setChannel] = useState('*');
  const linked = row.linkedIds ?? [];
  const itemIds = new Set(context.items.map((i) => i.id));
  const recordLinks = linked.map((l) => ({ id: l, link: parseRecordLink(l) })).filter((x) => x.link !== null);

  const channelName = (c: string | null) => (c === null ? t('evidence.allChannels') : (context.channels.find((x) => x.id === c)?.label ?? c));
  const describe = (linkId: string) => {
    const link = parseRecordLink(linkId);
    if (!link) return context.items.find((i) => i.id === linkId)?.name ?? linkId;
    const params = { from: link.from, to: link.to, channel: channelName(link.channel) };
    return link.from === link.to ? t('evidence.recordLinkOneDay', params) : t('evidence.recordLink', params);
  };

  async function save(linkedIds: string[]) {
    try {
      await updateEvidenceDetails(db, row.id, { linkedIds });
    } catch (err) {
      reportError(err);
    }
  }

  async function addRecordLink() {
    if (!from || !to) {
      notify(t('evidence.linkDatesInvalid'), 'error');
      return;
    }
    const linkId = formatRecordLink({ from, to, channel: channel === '*' ? null : channel });
    if (!linked.includes(linkId)) await save([...linked, linkId]);
  }

  async function toggleItem(itemId: string, on: boolean) {
    try {
      await setItemLink(db, context.claimId, row.id, itemId, on);
    } catch (err) {
      reportError(err);
    }
  }

  return (
    <details className="evidence-links">
      <summary>
        {t('evidence.linksLabel')} <span className="muted">· {linked.length === 0 ? t('evidence.linksNone') : t('evidence.linksCount', { count: linked.length })}</span>
      </summary>
      <div className="evidence-links-body">
        {linked.length > 0 && (
          <ul className="link-chips">
            {linked.map((l) => (
              <li key={l} className="link-chip">
                <span>{describe(l)}</span>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('evidence.unlink', { what: describe(l) })}
                  onClick={() => void (itemIds.has(l) ? toggleItem(l, false) : save(linked.filter((x) => x !== l)))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <fieldset className="link-group">
          <legend>{t('evidence.linkRecordsTitle')}</legend>
          <div className="link-range">
            <span className="ev-field">
              <label htmlFor={`${id}-from`}>{t('evidence.linkFrom')}</label>
              <DateField id={`${id}-from`} fieldName={t('evidence.linkFrom')} value={from} onChange={setFrom} />
            </span>
            <span className="ev-field">
              <label htmlFor={`${id}-to`}>{t('evidence.linkTo')}</label>
              <DateField id={`${id}-to`} fieldName={t('evidence.linkTo')} value={to} onChange={setTo} />
            </span>
            <span className="ev-field">
              <label htmlFor={`${id}-channel`}>{t('evidence.linkChannel')}</label>
              <select id={`${id}-channel`} value={channel} onChange={(e) => setChannel(e.target.value)}>
                <option value="*">{t('evidence.allChannels')}</option>
                {context.channels.map((c) => (
                  <option key={c.id} value={c.id}>{c.label}</option>
                ))}
              </select>
            </span>
            <button type="button" className="button" onClick={() => void addRecordLink()}>
              {t('evidence.addRecordLink')}
            </button>
          </div>
          {recordLinks.length === 0 && context.channels.length === 0 && <p className="muted">{t('evidence.draftNote')}</p>}
        </fieldset>
        <fieldset className="link-group">
          <legend>{t('evidence.linkItemsTitle')}</legend>
          {context.items.length === 0 ? (
            <p className="muted">{t('evidence.noItems')}</p>
          ) : (
            <ul className="link-items">
              {context.items.map((item) => (
                <li key={item.id}>
                  <label className="ev-check">
                    <input type="checkbox" checked={linked.includes(item.id)} onChange={(e) => void toggleItem(item.id, e.target.checked)} />
                    <span>{item.side === 'direct' ? t('evidence.directItem', { name: item.name }) : t('evidence.indirectItem', { name: item.name })}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      </div>
    </details>
  );
}
