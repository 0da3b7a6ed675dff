import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { contract, type AdminSsoSettingsResponse } from '@spreekkamer/shared';
import { call } from '../../api/client.js';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { Heading } from '../../components/Heading.js';
import { Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { ssoInfoKey, useSsoInfo } from './SsoLogin.js';

const ssoSettingsKey = ['admin', 'sso'] as const;

/** Organisation settings: switch password log-in off once SSO is proven to work. */
export function SsoSettingsSection() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: ssoSettingsKey, queryFn: () => call(contract.sso.settings) });
  return (
    <Section id="settings-sso" title={t('sso.admin.title')}>
      <QueryStatus query={settings} />
      {settings.data ? <PasswordsSwitch settings={settings.data} /> : null}
    </Section>
  );
}

function PasswordsSwitch({ settings }: { settings: AdminSsoSettingsResponse }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { errors, showError, clear } = useFormErrors();
  const [saved, setSaved] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (passwordsOff: boolean) => call(contract.sso.setPasswordsOff, { body: { passwordsOff } }),
    onSuccess: async (result) => {
      clear();
      queryClient.setQueryData(ssoSettingsKey, result);
      await queryClient.invalidateQueries({ queryKey: ssoInfoKey });
      setSaved(result.passwordsOff ? t('sso.admin.savedOff') : t('sso.admin.savedOn'));
    },
    onError: showError,
  });

  if (!settings.configured) return <Paragraph>{t('sso.admin.notConfigured')}</Paragraph>;
  return (
    <>
      <ErrorSummary errors={errors} fields={{}} />
      <Paragraph>{t('sso.admin.configured', { label: settings.label ?? t('sso.defaultLabel') })}</Paragraph>
      <Paragraph>{settings.passwordsOff ? t('sso.admin.passwordsAreOff') : t('sso.admin.passwordsAreOn')}</Paragraph>
      {!settings.passwordsOff && !settings.provenByYou ? <Paragraph small>{t('sso.admin.proveFirst')}</Paragraph> : null}
      <Paragraph small>{t('sso.admin.breakGlass', { count: settings.breakGlassCount })}</Paragraph>
      <div className="sk-actions">
        <Button
          appearance="secondary-action-button"
          hint={settings.passwordsOff ? undefined : 'danger'}
          busy={change.isPending}
          onClick={() => {
            setSaved(null);
            change.mutate(!settings.passwordsOff);
          }}
        >
          {settings.passwordsOff ? t('sso.admin.turnOn') : t('sso.admin.turnOff')}
        </Button>
      </div>
      {saved ? (
        <Alert type="ok" role="status">
          <Paragraph>{saved}</Paragraph>
        </Alert>
      ) : null}
    </>
  );
}

/** On the administrator's user page: what the identity provider sent at this person's last SSO log-in. */
export function UserSsoClaims({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const info = useSsoInfo();
  const claims = useQuery({
    queryKey: ['admin', 'users', userId, 'sso'],
    queryFn: () => call(contract.sso.userClaims, { params: { id: userId } }),
    enabled: info.data?.enabled === true,
  });
  if (!info.data?.enabled) return null;
  return (
    <div className="sk-panel__more">
      <Heading level={4}>{t('sso.admin.claimsTitle')}</Heading>
      <QueryStatus query={claims} />
      {claims.data && claims.data.identities.length === 0 ? <Paragraph small>{t('sso.admin.noSsoLogin')}</Paragraph> : null}
      {claims.data?.identities.map((identity) => (
        <div key={identity.issuer}>
          <Paragraph small>{t('sso.admin.lastLogin', { at: new Date(identity.lastLoginAt).toLocaleString() })}</Paragraph>
          <dl className="sk-feedback-dl">
            {identity.claims.map((claim) => (
              <div key={claim.claim}>
                <dt>
                  <code>{claim.claim}</code>
                </dt>
                <dd>{claim.values.length > 0 ? claim.values.join(', ') : t('sso.admin.nothingArrived')}</dd>
              </div>
            ))}
            <div>
              <dt>{t('sso.admin.mappedTo')}</dt>
              <dd>
                {identity.mapped.length > 0
                  ? identity.mapped.map((m) => (m.team ? `${t(`roles.${m.role}`)} (${m.team})` : t(`roles.${m.role}`))).join(', ')
                  : t('sso.admin.noRole')}
              </dd>
            </div>
          </dl>
        </div>
      ))}
    </div>
  );
}

/** On one's own account page: the explicit link between this account and the organisation account. */
export function SsoLinkSection() {
  const { t } = useTranslation();
  const { data } = useSsoInfo();
  if (!data?.enabled) return null;
  return (
    <Section id="account-sso" title={t('sso.link.title')}>
      <Paragraph>{t('sso.link.help', { label: data.label ?? t('sso.defaultLabel') })}</Paragraph>
      <div className="sk-actions">
        <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/api/sso/link">
          {t('sso.link.action')}
        </a>
      </div>
    </Section>
  );
}
