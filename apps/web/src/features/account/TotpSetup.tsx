import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { contract, type SessionResponse } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/fields.js';
import { SubmitActions } from '../../components/FormActions.js';
import { Heading } from '../../components/Heading.js';
import { Paragraph } from '../../components/Paragraph.js';
import { useApplySession } from '../auth/session.js';
import { TotpCodeField } from '../auth/TotpCodeField.js';
import { isTotpCode } from '../auth/validation.js';
import { call } from '../../api/client.js';

/** The server renders the QR code as SVG text; as an image it cannot run anything in our page. */
export function svgDataUrl(svg: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(svg)) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** Groups of four are easier to type over from a screen. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

export interface TotpSetupProps {
  onConfirmed?: (session: SessionResponse) => void;
}

/** Starts TOTP set-up, shows the QR code and the key, and confirms with a first code from the app. */
export function TotpSetup({ onConfirmed }: TotpSetupProps) {
  const { t } = useTranslation();
  const applySession = useApplySession();
  const [code, setCode] = useState('');
  const start = useFormErrors();
  const confirmErrors = useFormErrors();

  const setup = useMutation({
    mutationFn: () => call(contract.account.startTotpSetup),
    onError: start.showError,
  });

  const confirm = useMutation({
    mutationFn: () =>
      call(contract.account.confirmTotp, { body: { code: code.trim() } }),
    onSuccess: (session) => {
      applySession(session);
      onConfirmed?.(session);
    },
    onError: confirmErrors.showError,
  });

  const fields = { code: { id: 'totp-code', label: t('totp.code') } };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (confirmErrors.check({ code: !isTotpCode(code) && t('validation.totpCode') })) confirm.mutate();
  }

  if (!setup.data) {
    return (
      <div className="sk-stack">
        <ErrorSummary errors={start.errors} fields={{}} />
        <Paragraph>{t('totp.explain')}</Paragraph>
        <div className="sk-actions">
          <Button appearance="primary-action-button" busy={setup.isPending} onClick={() => setup.mutate()}>
            {t('totp.start')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="sk-stack">
      <ol className="sk-steps">
        <li>
          <Heading level={3}>{t('totp.step1Title')}</Heading>
          <Paragraph>{t('totp.step1Text')}</Paragraph>
        </li>
        <li>
          <Heading level={3}>{t('totp.step2Title')}</Heading>
          <Paragraph>{t('totp.step2Text')}</Paragraph>
          <img className="sk-qr" src={svgDataUrl(setup.data.qrSvg)} alt={t('totp.qrAlt')} width={200} height={200} />
          <Paragraph>{t('totp.manualKey')}</Paragraph>
          <Paragraph>
            <code className="utrecht-code sk-secret">{groupSecret(setup.data.secret)}</code>
          </Paragraph>
        </li>
        <li>
          <Heading level={3}>{t('totp.step3Title')}</Heading>
          <form className="sk-form sk-form--narrow" noValidate onSubmit={submit}>
            <ErrorSummary errors={confirmErrors.errors} fields={fields} />
            <TotpCodeField
              id={fields.code.id}
              label={fields.code.label}
              description={t('totp.codeHelp')}
              value={code}
              error={confirmErrors.errors.fields.code}
              onChange={setCode}
            />
            <SubmitActions label={t('totp.confirm')} busy={confirm.isPending} />
          </form>
        </li>
      </ol>
    </div>
  );
}

/** Turning TOTP off asks for the password, so someone at an unlocked screen cannot do it. */
export function TotpDisable({ session }: { session: SessionResponse }) {
  const { t } = useTranslation();
  const applySession = useApplySession();
  const [password, setPassword] = useState('');
  const { errors, showError, check } = useFormErrors();
  const disable = useMutation({
    mutationFn: () => call(contract.account.disableTotp, { body: { password } }),
    onSuccess: (next) => {
      setPassword('');
      applySession(next);
    },
    onError: showError,
  });
  const fields = { password: { id: 'totp-disable-password', label: t('totp.disablePassword') } };

  if (session.organisation.requireTotp) {
    return (
      <Alert type="ok">
        <Paragraph>{t('totp.onRequired')}</Paragraph>
      </Alert>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (check({ password: password === '' && t('validation.passwordRequired') })) disable.mutate();
  }

  return (
    <div className="sk-stack">
      <Alert type="ok">
        <Paragraph>{t('totp.on')}</Paragraph>
      </Alert>
      <form className="sk-form sk-form--narrow" noValidate onSubmit={submit}>
        <ErrorSummary errors={errors} fields={fields} />
        <TextField
          id={fields.password.id}
          label={fields.password.label}
          description={t('totp.disableHelp')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          error={errors.fields.password}
          onChange={setPassword}
        />
        <SubmitActions label={t('totp.disable')} busy={disable.isPending} appearance="secondary-action-button" />
      </form>
    </div>
  );
}
