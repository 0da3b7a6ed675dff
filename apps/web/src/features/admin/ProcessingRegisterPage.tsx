import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Button } from '@utrecht/button-react';
import { clientLanguages, contract, type ProcessingRegister } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { formatDay, formatNumber } from '../../lib/format.js';
import { adminKeys } from './queries.js';
import './register.css';
import { call } from '../../api/client.js';

/** One activity, worded in the reader's language: the same text for the page and the download. */
interface WordedActivity {
  id: string;
  title: string;
  rows: { label: string; value: string }[];
}

function word(register: ProcessingRegister, t: TFunction, language: string) {
  const k = register.settings.minimumGroupSize;
  const options = register.settings.retentionDaysOptions.map((days) => formatNumber(days, language)).join(', ');
  const activities: WordedActivity[] = register.activities.map((activity) => ({
    id: activity.id,
    title: t(`register.activities.${activity.id}.title`),
    rows: [
      { label: t('register.labels.purpose'), value: t(`register.activities.${activity.id}.purpose`) },
      { label: t('register.labels.subjects'), value: t(`register.activities.${activity.id}.subjects`) },
      { label: t('register.labels.data'), value: t(`register.activities.${activity.id}.data`, { k }) },
      { label: t('register.labels.recipients'), value: activity.recipients.map((recipient) => t(`register.recipients.${recipient}`)).join('; ') },
      { label: t('register.labels.retention'), value: t(`register.retention.${activity.retention}`, { options, default: register.settings.retentionDaysDefault }) },
    ],
  }));
  const d = register.deployment;
  const security = register.securityMeasures.map((measure) =>
    t(`register.security.${measure}`, { k, idle: d.sessionIdleMinutes, max: d.sessionMaxHours, failures: d.loginMaxFailures }),
  );
  const languages = register.settings.clientLocales.map((code) => clientLanguages.find((l) => l.code === code)?.name ?? code).join(', ');
  const deployment = [
    t('register.deployment.database', { value: t(`register.deployment.${d.database}`) }),
    t('register.deployment.mediaStore', { value: t(`register.deployment.${d.mediaStore}`) }),
    t('register.deployment.email', { value: t(d.email ? 'register.deployment.on' : 'register.deployment.off') }),
    t('register.deployment.languages', { value: languages }),
  ];
  const generated = t('register.generatedAt', { date: formatDay(register.generatedAt, language), organisation: register.organisation });
  return { activities, security, deployment, generated };
}

function asMarkdown(title: string, worded: ReturnType<typeof word>, t: TFunction): string {
  const lines = [`# ${title}`, '', worded.generated, '', t('register.checkNote'), ''];
  for (const activity of worded.activities) {
    lines.push(`## ${activity.title}`, '', ...activity.rows.map((row) => `- **${row.label}:** ${row.value}`), '');
  }
  lines.push(`## ${t('register.securityTitle')}`, '', ...worded.security.map((line) => `- ${line}`), '');
  lines.push(`## ${t('register.deploymentTitle')}`, '', ...worded.deployment.map((line) => `- ${line}`), '');
  return lines.join('\n');
}

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

export function ProcessingRegisterPage() {
  const { t, i18n } = useTranslation();
  const register = useQuery({
    queryKey: [...adminKeys.all, 'processing-register'],
    queryFn: () => call(contract.admin.processingRegister),
  });
  const title = t('register.title');
  const worded = register.data ? word(register.data, t, i18n.language) : null;
  return (
    <Page title={title} intro={t('register.intro')}>
      <QueryStatus query={register} loadingLabel={t('register.loading')} />
      {worded ? (
        <>
          <Paragraph>{worded.generated}</Paragraph>
          <Alert type="info">
            <Paragraph>{t('register.checkNote')}</Paragraph>
          </Alert>
          <div className="sk-actions sk-register-actions">
            <Button appearance="primary-action-button" onClick={() => download(asMarkdown(title, worded, t), `${t('register.nav').toLowerCase().replace(/\s+/g, '-')}.md`)}>
              {t('register.download')}
            </Button>
            <Button appearance="secondary-action-button" onClick={() => window.print()}>
              {t('register.print')}
            </Button>
          </div>
          {worded.activities.map((activity) => (
            <Section key={activity.id} id={`register-${activity.id}`} title={activity.title}>
              <dl className="sk-register-facts">
                {activity.rows.map((row) => (
                  <div key={row.label}>
                    <dt>{row.label}</dt>
                    <dd>{row.value}</dd>
                  </div>
                ))}
              </dl>
            </Section>
          ))}
          <Section id="register-security" title={t('register.securityTitle')}>
            <ul>
              {worded.security.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </Section>
          <Section id="register-deployment" title={t('register.deploymentTitle')}>
            <ul>
              {worded.deployment.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </Section>
        </>
      ) : null}
    </Page>
  );
}
