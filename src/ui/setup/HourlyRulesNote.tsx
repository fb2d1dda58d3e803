import { useTranslation } from 'react-i18next';
import { rulesNeedingHourly } from '../../core/estimate/rules/hourly';
import type { Claim } from '../../core/model';

interface Props {
  id: string;
  incident: Pick<Claim['incident'], 'id' | 'presetId'> | undefined;
  claimantKind: string | undefined;
  /** True when daily is the unit chosen: the note then reads as a warning. */
  chosen: boolean;
}

/**
 * Beside the "daily" choice, before it is made: the incident's compensation rules for this claimant that
 * daily records cannot compute (e.g. Kakao Mobility's 18-hour rule), by name.
 */
export function HourlyRulesNote({ id, incident, claimantKind, chosen }: Props) {
  const { t, i18n } = useTranslation();
  const rules = rulesNeedingHourly({ incident, claimantKind });
  if (rules.length === 0) return null;
  const names = rules.map((r) => `「${i18n.language === 'en' ? r.name.en : r.name.ko}」`).join(', ');
  return (
    <span id={id} className={chosen ? 'choice-hint hourly-rules is-warning' : 'choice-hint hourly-rules'} data-testid="hourly-rules">
      {t('recordUnit.dailyRules', { count: rules.length, rules: names })}
    </span>
  );
}
