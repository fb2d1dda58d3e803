import { useTranslation } from 'react-i18next';
import { formatWon, formatWonReading } from '../format';

/** A won amount, exact; with `reading` the 만/억 form follows in smaller type. */
export function Money({ won, reading, className }: { won: number; reading?: boolean; className?: string }) {
  const { i18n } = useTranslation();
  return (
    <span className={className ? `money ${className}` : 'money'}>
      <span className="money-exact">{formatWon(won, i18n.language)}</span>
      {reading && <span className="money-reading">{formatWonReading(won, i18n.language)}</span>}
    </span>
  );
}
