import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import type { AppInfo } from '../../bridge';
import { estimateStorage, LATEST_VERSION } from '../../db';
import type { StorageUse } from '../../db';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PageHeader } from '../components/PageHeader';
import { BackupPanel } from '../backup/BackupPanel';
import { useDesk } from '../desk';
import { formatBytes } from '../format';
import { ROUTES } from '../routes';

export default function SettingsPage() {
  const { t } = useTranslation();
  const { persistence } = useDesk();
  const [info, setInfo] = useState<AppInfo | null | 'failed'>(null);
  const [usage, setUsage] = useState<StorageUse | null | 'pending'>('pending');

  useEffect(() => {
    let live = true;
    getBridge()
      .appInfo()
      .then((i) => live && setInfo(i), () => live && setInfo('failed'));
    void estimateStorage().then((u) => live && setUsage(u));
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      <PageHeader step={ROUTES.indexOf('settings') + 1} title={t('settings.title')} lead={t('settings.lead')} />
      <section className="section">
        <h2 id="settings-language">{t('settings.languageTitle')}</h2>
        <LanguageSwitch />
      </section>
      <section className="section">
        <h2>{t('settings.storageTitle')}</h2>
        <dl className="facts">
          <dt>{t('settings.persistLabel')}</dt>
          <dd data-testid="persistence" data-state={persistence}>{t(`settings.persist.${persistence}`)}</dd>
          <dt>{t('settings.usageLabel')}</dt>
          <dd>
            {usage === 'pending'
              ? t('app.loading')
              : usage
                ? t('settings.usage', { usage: formatBytes(usage.usage, t), quota: formatBytes(usage.quota, t) })
                : t('settings.usageUnknown')}
          </dd>
          <dt>{t('settings.databaseLabel')}</dt>
          <dd>{LATEST_VERSION}</dd>
        </dl>
      </section>
      <BackupPanel />
      <section className="section">
        <h2>{t('settings.appTitle')}</h2>
        {info === null ? (
          <p className="muted">{t('app.loading')}</p>
        ) : info === 'failed' ? (
          <p className="muted">{t('settings.appUnavailable')}</p>
        ) : (
          <dl className="facts">
            <dt>{t('settings.appVersion')}</dt>
            <dd data-testid="app-version">{info.name} {info.version}</dd>
            <dt>{t('settings.appPlatform')}</dt>
            <dd>{info.isElectron ? `Electron · ${info.platform}` : t('settings.platformWeb')}</dd>
          </dl>
        )}
      </section>
    </>
  );
}
