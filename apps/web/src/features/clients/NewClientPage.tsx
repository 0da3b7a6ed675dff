import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { contract } from '@spreekkamer/shared';
import { useFormErrors } from '../../components/ErrorSummary.js';
import { Paragraph } from '../../components/Paragraph.js';
import { Page } from '../../components/Page.js';
import { clientKeys, clientPath } from './api.js';
import { ClientForm, type ClientFormValues } from './ClientForm.js';
import { call } from '../../api/client.js';

export function NewClientPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { errors, showError, check } = useFormErrors();
  const create = useMutation({
    mutationFn: (values: ClientFormValues) => call(contract.clients.create, { body: { pseudonym: values.pseudonym, contact: values.contact || null, locale: values.locale } }),
    onSuccess: async (client) => {
      await queryClient.invalidateQueries({ queryKey: clientKeys.all });
      await navigate(clientPath(client.id));
    },
    onError: showError,
  });
  return (
    <Page title={t('clients.form.newTitle')} intro={t('clients.form.newIntro')} breadcrumbs={[{ to: '/clienten', label: t('breadcrumbs.clients') }]}>
      <Paragraph>{t('feedback.routine.intake')}</Paragraph>
      <ClientForm errors={errors} check={check} busy={create.isPending} submitLabel={t('clients.form.create')} onSubmit={(values) => create.mutate(values)} />
    </Page>
  );
}
