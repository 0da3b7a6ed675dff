import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contract } from '@spreekkamer/shared';
import { ApiError, call } from '../../api/client.js';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/fields.js';
import { SubmitActions } from '../../components/FormActions.js';
import { Link } from '../../components/Links.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { NewPasswordFields, newPasswordProblems } from './NewPasswordFields.js';
import { isEmail } from './validation.js';

/** The secret of a reset asked for without e-mail stays in this browser tab, never on a screen. */
const storageKey = 'sk-password-reset';

function storedToken(): string {
  const fromLink = window.location.hash.replace(/^#/, '');
  if (fromLink.length >= 20) return fromLink;
  return window.sessionStorage.getItem(storageKey) ?? '';
}

export function PasswordResetPage() {
  const { t } = useTranslation();
  const [token, setToken] = useState(storedToken);
  const [email, setEmail] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [mailed, setMailed] = useState(false);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const start = useFormErrors();
  const finish = useFormErrors();

  const ask = useMutation({
    mutationFn: () => call(contract.account.startPasswordReset, { body: { email: email.trim() } }),
    onSuccess: (result) => {
      start.clear();
      if (result.mode === 'email') {
        setMailed(true);
        return;
      }
      window.sessionStorage.setItem(storageKey, result.token ?? '');
      setToken(result.token ?? '');
      setCode(result.code ?? null);
    },
    onError: start.showError,
  });

  const complete = useMutation({
    mutationFn: () => call(contract.account.completePasswordReset, { body: { token, password } }),
    onSuccess: () => {
      window.sessionStorage.removeItem(storageKey);
      finish.clear();
      setDone(true);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields.some((field) => field.path === 'password')) {
        finish.showError(new ApiError(error.status, 'password_weak', error.message));
        return;
      }
      finish.showError(error);
    },
  });

  const startFields = { email: { id: 'reset-email', label: t('passwordReset.email') } };
  const finishFields = {
    password: { id: 'reset-password', label: t('invitation.password') },
    repeat: { id: 'reset-repeat', label: t('invitation.repeat') },
  };

  if (done) {
    return (
      <Page title={t('passwordReset.title')}>
        <Alert type="ok" role="status">
          <Paragraph>{t('passwordReset.done')}</Paragraph>
        </Alert>
        <Paragraph>
          <Link to="/inloggen">{t('invitation.toLogin')}</Link>
        </Paragraph>
      </Page>
    );
  }

  return (
    <Page title={t('passwordReset.title')} intro={t('passwordReset.intro')}>
      {token === '' ? (
        <Section id="reset-ask" title={t('passwordReset.askTitle')}>
          {mailed ? (
            <Alert type="info" role="status">
              <Paragraph>{t('passwordReset.mailed')}</Paragraph>
            </Alert>
          ) : (
            <form
              className="sk-form sk-form--narrow"
              noValidate
              onSubmit={(event: FormEvent) => {
                event.preventDefault();
                if (start.check({ email: !isEmail(email) && t('validation.email') })) ask.mutate();
              }}
            >
              <ErrorSummary errors={start.errors} fields={startFields} />
              <TextField
                id={startFields.email.id}
                label={startFields.email.label}
                type="email"
                autoComplete="username"
                spellCheck={false}
                required
                value={email}
                error={start.errors.fields.email}
                onChange={setEmail}
              />
              <SubmitActions label={t('passwordReset.askSubmit')} busy={ask.isPending} />
            </form>
          )}
        </Section>
      ) : (
        <>
          {code ? (
            <Alert type="info" role="status">
              <Paragraph>{t('passwordReset.showCode')}</Paragraph>
              <Paragraph lead>
                <strong className="sk-code">{code}</strong>
              </Paragraph>
              <Paragraph>{t('passwordReset.keepTabOpen')}</Paragraph>
            </Alert>
          ) : null}
          <Section id="reset-choose" title={t('passwordReset.chooseTitle')}>
            <form
              className="sk-form sk-form--narrow"
              noValidate
              onSubmit={(event: FormEvent) => {
                event.preventDefault();
                if (finish.check(newPasswordProblems(t, password, repeat))) complete.mutate();
              }}
            >
              <ErrorSummary errors={finish.errors} fields={finishFields} />
              <NewPasswordFields
                fields={finishFields}
                password={password}
                repeat={repeat}
                onPasswordChange={setPassword}
                onRepeatChange={setRepeat}
                errors={finish.errors.fields}
              />
              <SubmitActions label={t('passwordReset.chooseSubmit')} busy={complete.isPending} />
            </form>
          </Section>
        </>
      )}
    </Page>
  );
}
