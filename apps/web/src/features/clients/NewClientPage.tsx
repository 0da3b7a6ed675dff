import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { contract, type PartnerKind } from '@spreekkamer/shared';
import { useFormErrors } from '../../components/ErrorSummary.js';
import { Paragraph } from '../../components/Paragraph.js';
import { Page } from '../../components/Page.js';
import { RadioGroup } from '../../components/fields.js';
import { useSession } from '../auth/session.js';
import { clientKeys, clientPath } from './api.js';
import { ClientForm, type ClientFormValues } from './ClientForm.js';
import { call } from '../../api/client.js';

export function NewClientPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { errors, showError, check } = useFormErrors();
  const roles = useSession().data?.user.roles ?? [];
  // Professionals talk with clients, managers with their staff (seed 000 §3.1); someone who is both chooses.
  const both = roles.includes('manager') && roles.includes('professional');
  const [partnerKind, setPartnerKind] = useState<PartnerKind>(roles.includes('professional') ? 'client' : 'staff');
  const create = useMutation({
    mutationFn: (values: ClientFormValues) => call(contract.clients.create, { body: { pseudonym: values.pseudonym, contact: values.contact || null, locale: values.locale, partnerKind } }),
    onSuccess: async (client) => {
      await queryClient.invalidateQueries({ queryKey: clientKeys.all });
      await navigate(clientPath(client.id));
    },
    onError: showError,
  });
  return (
    <Page title={t('clients.form.newTitle')} intro={t('clients.form.newIntro')} breadcrumbs={[{ to: '/clienten', label: t('breadcrumbs.clients') }]}>
      {both ? (
        <RadioGroup
          id="partner-kind"
          legend={t('clients.form.partnerKind')}
          options={[
            { value: 'client', label: t('clients.form.partnerClient') },
            { value: 'staff', label: t('clients.form.partnerStaff') },
          ]}
          value={partnerKind}
          onChange={setPartnerKind}
        />
      ) : null}
      {partnerKind === 'staff' ? <Paragraph>{t('clients.form.staffNote')}</Paragraph> : <Paragraph>{t('feedback.routine.intake')}</Paragraph>}
      <ClientForm errors={errors} check={check} busy={create.isPending} submitLabel={t('clients.form.create')} onSubmit={(values) => create.mutate(values)} />
    </Page>
  );
}
