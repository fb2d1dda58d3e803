import { useTranslation } from 'react-i18next';
import { claimantKindsInWords, describeRule, sourceText } from '../../core/incidents';
import { readJoined } from '../../core/model/common';
import type { IncidentPack } from '../../core/model/incident-pack';
import { formatKstMinute } from '../format';
import { pick } from './packs';

/** What a pack holds, in words: the incident, services and their times, where to claim, the rules. */
export function PackPreview({ pack }: { pack: IncidentPack }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className="pack-preview">
      <h3 className="pack-preview-name">{pick(pack.incident.name, lang)}</h3>
      <p className="muted">{pick(pack.incident.summary, lang)}</p>
      {pack.publisher && <p className="field-hint">{t('packs.previewPublisher', { publisher: pack.publisher, date: pack.publishedAt })}</p>}
      <h4>{t('packs.previewServices')}</h4>
      <ul className="pack-preview-list">
        {pack.services.map((s) => (
          <li key={s.id}>
            <span className="strong">{pick(s.name, lang)}</span>
            {s.kind && <span className="tag">{t(`packs.serviceKind.${s.kind}`)}</span>}
            <ul>
              {s.intervals.map((w, i) => (
                <li key={i}>
                  {formatKstMinute(w.start, lang)} – {w.end ? formatKstMinute(w.end, lang) : t('packs.noEnd')}
                  {w.region ? ` (${pick(readJoined(w.region), lang)})` : ''}
                  {w.startUnconfirmed && <span className="tag tag-warn">{t('packs.startUnconfirmed')}</span>}
                  {w.endUnconfirmed && <span className="tag tag-warn">{t('packs.endUnconfirmed')}</span>}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <h4>{t('packs.previewChannels')}</h4>
      <ul className="pack-preview-list">
        {pack.channels.map((c) => (
          <li key={c.id}>
            {pick(c.name, lang)} <span className="muted">({t(`packs.channelKind.${c.kind}`)})</span>
          </li>
        ))}
      </ul>
      <h4>{t('packs.previewRules')}</h4>
      {pack.rules.length === 0 ? (
        <p className="muted">{t('packs.previewNoRules')}</p>
      ) : (
        <ul className="pack-preview-list">
          {pack.rules.map((r) => (
            <li key={r.id}>
              <span className="strong">{pick(r.name, lang)}</span>
              {r.unconfirmed && <span className="tag tag-warn">{t('packs.unconfirmed')}</span>}
              <br />
              {pick(describeRule(r), lang)} · {t('packs.ruleFor', { who: pick(claimantKindsInWords(r.claimantKinds), lang) })} · {t(`packs.payment.${r.payment}`)}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('packs.previewSources')}</h4>
      <ul className="pack-preview-list muted">
        {pack.incident.sources.map((s, i) => <li key={i}>{sourceText(s)}</li>)}
      </ul>
    </div>
  );
}
