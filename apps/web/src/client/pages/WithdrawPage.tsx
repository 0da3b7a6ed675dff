import { useState, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type ClientSessionResponse, type ConsentCopy, contract } from '@spreekkamer/shared';
import { useErrorText } from '../../components/errors.js';
import { QueryStatus } from '../../components/QueryState.js';
import { ClientShell, StepFlow } from '../../components/client/index.js';
import { Pictogram } from '../../components/icons/Pictogram.js';
import { RequireClient } from './RequireClient.js';
import { call } from '../../api/client.js';
import { clientPageKeys } from '../../api/client-session.js';

export function WithdrawPage() {
  const { consentId = '' } = useParams();
  return <RequireClient>{(session) => <Withdraw session={session} consentId={consentId} />}</RequireClient>;
}

/** One clear button, one confirmation, no reason asked, then a calm "done". */
function Withdraw({ session, consentId }: { session: ClientSessionResponse; consentId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [step, setStep] = useState<'explain' | 'confirm'>('explain');
  const [done, setDone] = useState<ConsentCopy | null>(null);
  const copy = useQuery({ queryKey: clientPageKeys.consent(consentId), queryFn: () => call(contract.clientConsent.copy, { params: { id: consentId } }) });
  const withdraw = useMutation({
    mutationFn: () => call(contract.clientConsent.withdraw, { params: { id: consentId } }),
    onSuccess: async (result) => {
      setDone(result);
      await queryClient.invalidateQueries({ queryKey: clientPageKeys.all });
    },
  });
  const shell = (children: ReactNode) => (
    <ClientShell documentTitle={t('consent.withdraw.documentTitle')} organisationName={session.organisationName}>
      {children}
    </ClientShell>
  );

  if (done) {
    return shell(
      <>
        <div className="sk-step__heading">
          <Pictogram name="check" size={56} className="sk-step__icon" />
          <h1 tabIndex={-1} ref={(element) => element?.focus()}>
            {t('consent.withdraw.doneTitle')}
          </h1>
        </div>
        <p>{t('consent.withdraw.doneText')}</p>
        {done.withdrawalPending ? <p>{t('consent.withdraw.donePending')}</p> : null}
        <p>{t('consent.withdraw.calm')}</p>
        <div className="sk-client-actions">
          <Link className="sk-client-button sk-client-button--secondary" to="/klant">
            <Pictogram name="home" size={28} />
            <span>{t('consent.flow.toHome')}</span>
          </Link>
        </div>
      </>,
    );
  }
  if (copy.isPending || copy.error) {
    return shell(
      <>
        <QueryStatus query={copy} loadingLabel={t('clientKit.busy')} />
      </>,
    );
  }
  if (copy.data.status !== 'given' || session.via !== 'link') {
    return shell(
      <>
        <h1 tabIndex={-1}>{t('consent.withdraw.title')}</h1>
        <p>{session.via !== 'link' ? t('consent.withdraw.onTablet') : t('consent.withdraw.nothingToStop')}</p>
        <Link className="sk-client-button sk-client-button--secondary" to="/klant">
          <Pictogram name="home" size={28} />
          <span>{t('consent.flow.toHome')}</span>
        </Link>
      </>,
    );
  }
  if (step === 'explain') {
    return shell(
      <StepFlow
        stepKey="explain"
        title={t('consent.withdraw.title')}
        icon="trash"
        onNext={() => setStep('confirm')}
        nextLabel={t('consent.withdraw.button')}
        nextIcon="trash"
        onBack={() => void navigate('/klant')}
        backLabel={t('consent.withdraw.back')}
      >
        <p>{t('consent.withdraw.line1')}</p>
        <p>{t('consent.withdraw.line2')}</p>
        <p>{t('consent.withdraw.line3')}</p>
      </StepFlow>,
    );
  }
  return shell(
    <StepFlow
      stepKey="confirm"
      title={t('consent.withdraw.confirmTitle')}
      icon="question"
      onNext={() => withdraw.mutate()}
      nextLabel={t('consent.withdraw.confirmYes')}
      nextIcon="check"
      onBack={() => setStep('explain')}
      backLabel={t('consent.withdraw.confirmNo')}
      busy={withdraw.isPending}
      error={withdraw.error ? errorText(withdraw.error) : null}
    >
      <p>{t('consent.withdraw.confirmText')}</p>
    </StepFlow>,
  );
}
