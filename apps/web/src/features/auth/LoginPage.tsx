import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { contract, type LoginRequest } from '@spreekkamer/shared';
import { ApiError, call } from '../../api/client.js';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/fields.js';
import { SubmitActions } from '../../components/FormActions.js';
import { Page } from '../../components/Page.js';
import { Link } from '../../components/Links.js';
import { Paragraph } from '../../components/Paragraph.js';
import { Loading } from '../../components/QueryState.js';
import { safeReturnPath } from './guards.js';
import { useApplySession, useSession } from './session.js';
import { TotpCodeField } from './TotpCodeField.js';
import { SsoLoginButton } from './SsoLogin.js';
import { isEmail, isTotpCode } from './validation.js';

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { data: session, isPending } = useSession();
  const applySession = useApplySession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const { errors, showError, check, clear } = useFormErrors();

  const login = useMutation({
    mutationFn: (body: LoginRequest) => call(contract.account.login, { body }),
    onSuccess: applySession,
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'totp_required') {
        clear();
        setNeedsCode(true);
        return;
      }
      showError(error);
    },
  });

  useEffect(() => {
    if (needsCode) codeRef.current?.focus();
  }, [needsCode]);

  if (session) return <Navigate to={safeReturnPath(params.get('terug'))} replace />;

  const fields = {
    email: { id: 'login-email', label: t('login.email') },
    password: { id: 'login-password', label: t('login.password') },
    totpCode: { id: 'login-code', label: t('login.code') },
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const valid = check({
      email: !isEmail(email) && t('validation.email'),
      password: password === '' && t('validation.passwordRequired'),
      totpCode: needsCode && !isTotpCode(totpCode) && t('validation.totpCode'),
    });
    if (!valid) return;
    login.mutate({ email: email.trim(), password, ...(needsCode ? { totpCode: totpCode.trim() } : {}) });
  }

  return (
    <Page title={t('login.title')} intro={t('login.intro')} breadcrumbs={false}>
      {isPending ? <Loading /> : null}
      <SsoLoginButton />
      <form className="sk-form sk-form--narrow" noValidate onSubmit={submit}>
        <ErrorSummary errors={errors} fields={fields} />
        <TextField
          id={fields.email.id}
          label={fields.email.label}
          type="email"
          autoComplete="username"
          spellCheck={false}
          required
          value={email}
          error={errors.fields.email}
          onChange={setEmail}
        />
        <TextField
          id={fields.password.id}
          label={fields.password.label}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          error={errors.fields.password}
          onChange={setPassword}
        />
        {needsCode ? (
          <>
            <Alert type="info" role="status">
              <Paragraph>{t('login.codeNeeded')}</Paragraph>
            </Alert>
            <TotpCodeField
              id={fields.totpCode.id}
              ref={codeRef}
              label={fields.totpCode.label}
              description={t('login.codeDescription')}
              value={totpCode}
              error={errors.fields.totpCode}
              onChange={setTotpCode}
            />
          </>
        ) : null}
        <SubmitActions label={login.isPending ? t('login.submitting') : t('login.submit')} busy={login.isPending} />
      </form>
      <div className="sk-aside">
        <Paragraph small>{t('login.noAccount')}</Paragraph>
        <Paragraph small>
          {t('login.forgotPassword')} <Link to="/wachtwoord-herstellen">{t('login.forgotPasswordLink')}</Link>
        </Paragraph>
      </div>
    </Page>
  );
}
