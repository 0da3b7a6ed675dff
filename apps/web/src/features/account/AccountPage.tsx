import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contract, type Locale, type SessionResponse } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { RadioGroup, TextField } from '../../components/fields.js';
import { SubmitActions } from '../../components/FormActions.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { useApplySession, useSession } from '../auth/session.js';
import { NewPasswordFields, newPasswordProblems } from '../auth/NewPasswordFields.js';
import { PasswordResetNotice } from './PasswordResetNotice.js';
import { TotpDisable, TotpSetup } from './TotpSetup.js';
import { SsoLinkSection } from '../auth/SsoAdmin.js';
import { DigestSetting } from '../notifications/DigestSetting.js';
import { call } from '../../api/client.js';

export function AccountPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  if (!session) return null;
  return (
    <Page title={t('account.title')} intro={t('account.intro')}>
      <PasswordResetNotice session={session} />
      <Section id="account-profile" title={t('account.profileTitle')}>
        <ProfileForm session={session} />
      </Section>
      <Section id="account-password" title={t('account.passwordTitle')}>
        <PasswordForm email={session.user.email} />
      </Section>
      <Section id="account-totp" title={t('totp.title')}>
        {session.user.totpEnabled ? <TotpDisable session={session} /> : <TotpSetup />}
      </Section>
      <SsoLinkSection />
      <Section id="account-digest" title={t('notifications.digest.title')}>
        <DigestSetting />
      </Section>
    </Page>
  );
}

function Saved({ children }: { children: string }) {
  return (
    <Alert type="ok" role="status">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}

function ProfileForm({ session }: { session: SessionResponse }) {
  const { t } = useTranslation();
  const applySession = useApplySession();
  const [name, setName] = useState(session.user.name);
  const [locale, setLocale] = useState<Locale>(session.user.locale);
  const { errors, showError, check, clear } = useFormErrors();
  const save = useMutation({
    mutationFn: () => call(contract.account.updateProfile, { body: { name: name.trim(), locale } }),
    onSuccess: (next) => {
      clear();
      applySession(next);
    },
    onError: showError,
  });
  const fields = {
    name: { id: 'account-name', label: t('account.name') },
    locale: { id: 'account-locale', label: t('account.language') },
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    if (check({ name: name.trim() === '' && t('validation.nameRequired') })) save.mutate();
  }

  return (
    <form className="sk-form" noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} fields={fields} />
      <Paragraph>{t('account.emailIs', { email: session.user.email })}</Paragraph>
      <TextField
        id={fields.name.id}
        label={fields.name.label}
        autoComplete="name"
        required
        value={name}
        error={errors.fields.name}
        onChange={setName}
      />
      <RadioGroup<Locale>
        id={fields.locale.id}
        legend={fields.locale.label}
        value={locale}
        onChange={setLocale}
        options={[
          { value: 'nl', label: 'Nederlands', lang: 'nl' },
          { value: 'en', label: 'English', lang: 'en' },
        ]}
      />
      <SubmitActions label={t('common.save')} busy={save.isPending} />
      {save.isSuccess ? <Saved>{t('account.profileSaved')}</Saved> : null}
    </form>
  );
}

function PasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const { errors, showError, check, clear } = useFormErrors();
  const change = useMutation({
    mutationFn: () =>
      call(contract.account.changePassword, { body: { currentPassword: current, newPassword: next } }),
    onSuccess: () => {
      clear();
      setCurrent('');
      setNext('');
      setRepeat('');
    },
    onError: showError,
  });
  const fields = {
    currentPassword: { id: 'password-current', label: t('account.currentPassword') },
    newPassword: { id: 'password-new', label: t('account.newPassword') },
    repeat: { id: 'password-repeat', label: t('account.repeatPassword') },
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    change.reset();
    const problems = newPasswordProblems(t, next, repeat);
    const valid = check({
      currentPassword: current === '' && t('validation.passwordRequired'),
      newPassword: problems.password,
      repeat: problems.repeat,
    });
    if (valid) change.mutate();
  }

  return (
    <form className="sk-form" noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} fields={fields} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        id={fields.currentPassword.id}
        label={fields.currentPassword.label}
        type="password"
        autoComplete="current-password"
        required
        value={current}
        error={errors.fields.currentPassword}
        onChange={setCurrent}
      />
      <NewPasswordFields
        fields={{ password: fields.newPassword, repeat: fields.repeat }}
        password={next}
        repeat={repeat}
        onPasswordChange={setNext}
        onRepeatChange={setRepeat}
        errors={{ password: errors.fields.newPassword, repeat: errors.fields.repeat }}
      />
      <SubmitActions label={t('account.changePassword')} busy={change.isPending} />
      {change.isSuccess ? <Saved>{t('account.passwordChanged')}</Saved> : null}
    </form>
  );
}
