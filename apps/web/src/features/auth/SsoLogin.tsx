import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { contract, ssoRefusalReasons, type SsoRefusalReason } from '@spreekkamer/shared';
import { call } from '../../api/client.js';
import { Alert } from '../../components/Alert.js';
import { ButtonLink } from '../../components/Links.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';

export const ssoInfoKey = ['sso'] as const;

export function useSsoInfo() {
  return useQuery({ queryKey: ssoInfoKey, queryFn: () => call(contract.sso.info), staleTime: 5 * 60_000 });
}

/**
 * The way in through the organisation's own account (OpenID Connect). A plain link, not a fetch:
 * the browser itself must go to the identity provider and come back.
 */
export function SsoLoginButton() {
  const { t } = useTranslation();
  const { data } = useSsoInfo();
  if (!data?.enabled) return null;
  return (
    <div className="sk-form sk-form--narrow">
      <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/api/sso/login">
        {t('sso.loginWith', { label: data.label ?? t('sso.defaultLabel') })}
      </a>
      <Paragraph small>{data.passwordsOff ? t('sso.passwordsOffNote') : t('sso.orPassword')}</Paragraph>
    </div>
  );
}

function reasonOf(value: string | null): SsoRefusalReason {
  return ssoRefusalReasons.find((reason) => reason === value) ?? 'provider_error';
}

/** Where a refused SSO log-in lands: what happened, in plain words, and what the person can do. */
export function SsoRefusedPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const reason = reasonOf(params.get('reden'));
  return (
    <Page title={t('sso.refused.title')} breadcrumbs={false}>
      <Alert type="error">
        <Paragraph>{t(`sso.refused.reasons.${reason}`)}</Paragraph>
      </Alert>
      <Paragraph>{t('sso.refused.whatNow')}</Paragraph>
      <div className="sk-actions">
        <ButtonLink to="/inloggen">{t('sso.refused.toLogin')}</ButtonLink>
      </div>
    </Page>
  );
}
