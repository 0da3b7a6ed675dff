import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, ClientLocale } from '@spreekkamer/shared';
import { offeredClientLanguages } from '../../components/client/languages.js';
import { useSession } from '../auth/session.js';
import { ErrorSummary, type FormErrors } from '../../components/ErrorSummary.js';
import { RadioGroup, TextField } from '../../components/fields.js';
import { SubmitActions } from '../../components/FormActions.js';

export interface ClientFormValues {
  pseudonym: string;
  contact: string;
  locale: ClientLocale;
}

export interface ClientFormProps {
  initial?: Client | undefined;
  errors: FormErrors;
  busy: boolean;
  submitLabel: string;
  onSubmit: (values: ClientFormValues) => void;
  /** Checks the rules the browser can check; false stops the submit. */
  check: (fields: Record<string, string | false>) => boolean;
}

/** Register or edit a client: a pseudonym, optionally a contact for invitations, and a language. */
export function ClientForm({ initial, errors, busy, submitLabel, onSubmit, check }: ClientFormProps) {
  const { t } = useTranslation();
  const [pseudonym, setPseudonym] = useState(initial?.pseudonym ?? '');
  const [contact, setContact] = useState(initial?.contact ?? '');
  const [locale, setLocale] = useState<ClientLocale>(initial?.locale ?? 'nl');
  const offered = useSession().data?.organisation.clientLocales;
  // A language the organisation stopped offering stays visible for a client who already has it.
  const languages = offeredClientLanguages(offered && initial && !offered.includes(initial.locale) ? [...offered, initial.locale] : offered);
  const fields = {
    pseudonym: { id: 'client-pseudonym', label: t('clients.form.pseudonym') },
    contact: { id: 'client-contact', label: t('clients.form.contact') },
    locale: { id: 'client-locale', label: t('clients.form.locale') },
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (check({ pseudonym: pseudonym.trim() === '' && t('clients.form.pseudonymRequired') })) onSubmit({ pseudonym: pseudonym.trim(), contact: contact.trim(), locale });
  }

  return (
    <form className="sk-form" noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} fields={fields} />
      <TextField
        id={fields.pseudonym.id}
        label={fields.pseudonym.label}
        description={t('clients.form.pseudonymHint')}
        autoComplete="off"
        required
        maxLength={80}
        value={pseudonym}
        error={errors.fields.pseudonym}
        onChange={setPseudonym}
      />
      <TextField
        id={fields.contact.id}
        label={fields.contact.label}
        description={t('clients.form.contactHint')}
        autoComplete="off"
        maxLength={254}
        value={contact}
        error={errors.fields.contact}
        onChange={setContact}
      />
      <RadioGroup
        id={fields.locale.id}
        legend={fields.locale.label}
        value={locale}
        onChange={setLocale}
        error={errors.fields.locale}
        options={languages.map((language) => ({ value: language.code, label: language.name, lang: language.code }))}
      />
      <SubmitActions label={submitLabel} busy={busy} />
    </form>
  );
}
