import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { contract } from '@spreekkamer/shared';
import { useErrorText } from '../../components/errors.js';
import { changeLocale } from '../../i18n/index.js';
import { applyClientSession, clientPageKeys, rememberPersonalLink } from '../../api/client-session.js';
import { ClientButton, ClientShell } from '../../components/client/index.js';
import { Pictogram } from '../../components/icons/Pictogram.js';
import { call } from '../../api/client.js';

/** /k/:token — the personal link. One large field for the six digits on the client's paper. */
export function CodePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => heading.current?.focus(), []);

  // The link tells which organisation, and so which languages, before the code; until it has
  // answered (or when the link is unknown) the switch offers Dutch and English only.
  const languages = useQuery({
    queryKey: clientPageKeys.linkLanguages(token),
    queryFn: () => call(contract.clientAccess.linkLanguages, { params: { token } }),
    retry: false,
    staleTime: Infinity,
  });

  const open = useMutation({
    mutationFn: (value: string) => call(contract.clientAccess.open, { body: { token, code: value } }),
    onSuccess: async (session) => {
      applyClientSession(queryClient, session);
      rememberPersonalLink(token);
      await changeLocale(session.locale);
      // Replace the entry, so "back" does not lead to the link with its token again.
      await navigate('/klant', { replace: true });
    },
    onError: (error) => {
      setProblem(errorText(error));
      setCode('');
      input.current?.focus();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const digits = code.replace(/\D/g, '');
    if (digits.length !== 6) {
      setProblem(t('consent.code.empty'));
      input.current?.focus();
      return;
    }
    setProblem(null);
    open.mutate(digits);
  }

  return (
    <ClientShell documentTitle={t('consent.code.documentTitle')} offeredLocales={languages.data?.offeredLocales}>
      <div className="sk-step__heading">
        <Pictogram name="key" size={56} className="sk-step__icon" />
        <h1 ref={heading} tabIndex={-1}>
          {t('consent.code.title')}
        </h1>
      </div>
      <p>{t('consent.code.intro')}</p>
      <form onSubmit={submit} noValidate>
        <label htmlFor="client-code" className="sk-client-label">
          {t('consent.code.label')}
        </label>
        <span id="client-code-hint" className="sk-client-hint">
          {t('consent.code.hint')}
        </span>
        {problem ? (
          <div id="client-code-error" role="alert" className="sk-client-alert">
            <Pictogram name="question" size={32} />
            <p>{problem}</p>
          </div>
        ) : null}
        <input
          ref={input}
          id="client-code"
          className="sk-client-input sk-client-input--code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={7}
          value={code}
          aria-describedby={problem ? 'client-code-hint client-code-error' : 'client-code-hint'}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => setCode(event.target.value.replace(/[^\d ]/g, ''))}
        />
        <div className="sk-step__nav sk-client-spaced">
          <ClientButton type="submit" icon="arrowRight" aria-disabled={open.isPending ? true : undefined}>
            {open.isPending ? t('clientKit.busy') : t('clientKit.next')}
          </ClientButton>
        </div>
      </form>
      <h2>{t('consent.code.lostTitle')}</h2>
      <div className="sk-client-note">
        <Pictogram name="paper" />
        <p>{t('consent.code.lostText')}</p>
      </div>
    </ClientShell>
  );
}
