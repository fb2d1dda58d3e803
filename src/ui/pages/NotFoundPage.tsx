import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('app.notFoundTitle')} />
      <EmptyState title={t('app.notFoundTitle')} body={t('app.notFoundBody')} action={{ label: t('app.goHome'), to: 'claimant' }} />
    </>
  );
}
