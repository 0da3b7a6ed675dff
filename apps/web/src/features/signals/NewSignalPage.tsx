import { useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Button } from '@utrecht/button-react';
import {
  contract,
  findIdentifyingDetails,
  localize,
  signalKinds,
  signalSubjects,
  signalTextMaxLength,
  themeCards,
  type IdentifyingDetail,
  type SignalKind,
  type SignalSubject,
  type SignalTheme,
} from '@spreekkamer/shared';
import { ApiError, call } from '../../api/client.js';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { SubmitActions } from '../../components/FormActions.js';
import { CheckboxField, Fieldset, FieldsetLegend, RadioGroup, SelectField, TextAreaField } from '../../components/fields.js';
import { Heading } from '../../components/Heading.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { teamAgendaKeys, useAgendaOverview } from '../team-agenda/api.js';
import { signalKeys, signalPaths } from './api.js';
import './signals.css';

function Findings({ findings, id }: { findings: readonly IdentifyingDetail[]; id: string }) {
  const { t } = useTranslation();
  return (
    <ul id={id}>
      {findings.map((finding) => (
        <li key={`${finding.kind}:${finding.index}`}>{t(`signals.findings.${finding.kind}`, { text: finding.text })}</li>
      ))}
    </ul>
  );
}

/** The items of the sender's teams' learning agendas, to say a signal comes from one of them. */
function useTeamAgendaItems(): { value: string; label: string }[] {
  const overview = useAgendaOverview();
  const teams = overview.data?.teams ?? [];
  const agendas = useQueries({ queries: teams.map((team) => ({ queryKey: teamAgendaKeys.team(team.id), queryFn: () => call(contract.teamAgenda.team, { params: { id: team.id } }) })) });
  return agendas.flatMap((agenda) => (agenda.data ? agenda.data.items.map((item) => ({ value: item.id, label: `${agenda.data.team.name}: ${item.text.length > 80 ? `${item.text.slice(0, 80)}…` : item.text}` })) : []));
}

/** "Nieuw signaal": the identification check warns while typing and again from the server; the author decides. */
export function NewSignalPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<SignalKind | null>(null);
  const [subject, setSubject] = useState<SignalSubject | null>(null);
  const [theme, setTheme] = useState<SignalTheme | null>(null);
  const [text, setText] = useState('');
  const [named, setNamed] = useState(false);
  const [toPolicy, setToPolicy] = useState(true);
  const [toManagement, setToManagement] = useState(false);
  const [serverWarned, setServerWarned] = useState(false);
  const [searchParams] = useSearchParams();
  const [agendaItemId, setAgendaItemId] = useState(searchParams.get('agendapunt') ?? '');
  const agendaItems = useTeamAgendaItems();
  const { errors, showError, check, clear } = useFormErrors();
  const deferred = useDeferredValue(text);
  const findings = useMemo(() => findIdentifyingDetails(deferred), [deferred]);

  const fields = {
    kind: { id: 'signal-kind', label: t('signals.new.kind') },
    subject: { id: 'signal-subject', label: t('signals.new.subject') },
    theme: { id: 'signal-theme', label: t('signals.new.theme') },
    text: { id: 'signal-text', label: t('signals.new.text') },
    toPolicy: { id: 'signal-to-policy', label: t('signals.new.recipients') },
  };

  const send = useMutation({
    mutationFn: (confirmIdentifying: boolean) => {
      if (!kind || !subject || !theme) throw new Error('form not checked');
      return call(contract.signals.send, { body: { kind, subject, theme, text: text.trim(), named, toPolicy, toManagement, confirmIdentifying, agendaItemId: agendaItemId === '' ? null : agendaItemId } });
    },
    onSuccess: async (signal) => {
      clear();
      await queryClient.invalidateQueries({ queryKey: signalKeys.all });
      void navigate(`${signalPaths.mine}#signaal-${signal.id}`, { state: { sent: true } });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'signal_identifying') {
        clear();
        setServerWarned(true);
        return;
      }
      showError(error);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setServerWarned(false);
    const trimmed = text.trim();
    const ok = check({
      kind: !kind && t('signals.new.choose'),
      subject: !subject && t('signals.new.choose'),
      theme: !theme && t('signals.new.choose'),
      text: trimmed === '' ? t('signals.new.textRequired') : trimmed.length > signalTextMaxLength && t('signals.new.textTooLong', { max: signalTextMaxLength }),
      toPolicy: !toPolicy && !toManagement && t('signals.new.recipientsRequired'),
    });
    if (ok) send.mutate(false);
  }

  return (
    <Page title={t('signals.new.title')} intro={t('signals.new.intro')} breadcrumbs={[{ to: signalPaths.mine, label: t('signals.mine.title') }]}>
      <form className="sk-form" noValidate onSubmit={submit}>
        <ErrorSummary errors={errors} fields={fields} />
        <RadioGroup
          id={fields.kind.id}
          legend={fields.kind.label}
          value={kind}
          onChange={setKind}
          error={errors.fields.kind}
          options={signalKinds.map((value) => ({ value, label: t(`signals.new.kinds.${value}`) }))}
        />
        <RadioGroup
          id={fields.subject.id}
          legend={fields.subject.label}
          value={subject}
          onChange={setSubject}
          error={errors.fields.subject}
          options={signalSubjects.map((value) => ({ value, label: t(`signals.subjects.${value}`) }))}
        />
        <RadioGroup
          id={fields.theme.id}
          legend={fields.theme.label}
          value={theme}
          onChange={setTheme}
          error={errors.fields.theme}
          options={themeCards.map((card) => ({ value: card.id, label: localize(card.title, i18n.language) }))}
        />
        <TextAreaField
          id={fields.text.id}
          label={fields.text.label}
          description={t('signals.new.textHelp', { max: signalTextMaxLength })}
          value={text}
          onChange={(value) => {
            setText(value);
            setServerWarned(false);
          }}
          error={errors.fields.text}
          rows={6}
          maxLength={signalTextMaxLength + 200}
        />
        {findings.length > 0 ? (
          <Alert type="warning" className="sk-identifying" aria-labelledby="signal-check-title">
            <Heading level={2} id="signal-check-title">
              {t('signals.new.checkTitle')}
            </Heading>
            <Paragraph>{serverWarned ? t('signals.new.serverCheck') : t('signals.new.checkIntro')}</Paragraph>
            <Findings findings={findings} id="signal-check-findings" />
          </Alert>
        ) : null}
        {agendaItems.length > 0 ? (
          <SelectField
            id="signal-agenda-item"
            label={t('signals.new.agendaItem')}
            description={t('signals.new.agendaItemHelp')}
            value={agendaItemId}
            onChange={setAgendaItemId}
            options={[{ value: '', label: t('signals.new.noAgendaItem') }, ...agendaItems]}
          />
        ) : null}
        <Fieldset id={fields.toPolicy.id}>
          <FieldsetLegend>{fields.toPolicy.label}</FieldsetLegend>
          {errors.fields.toPolicy ? <Paragraph className="utrecht-form-field-error-message">{errors.fields.toPolicy}</Paragraph> : null}
          <CheckboxField id="signal-to-policy-check" label={t('signals.new.toPolicy')} checked={toPolicy} onChange={setToPolicy} />
          <CheckboxField id="signal-to-management" label={t('signals.new.toManagement')} checked={toManagement} onChange={setToManagement} />
        </Fieldset>
        <CheckboxField id="signal-named" label={t('signals.new.named')} description={t('signals.new.namedHelp')} checked={named} onChange={setNamed} />
        {serverWarned ? (
          <Alert type="warning" role="alert">
            <Paragraph>{t('signals.new.serverCheck')}</Paragraph>
            <Button appearance="secondary-action-button" onClick={() => send.mutate(true)} disabled={send.isPending}>
              {t('signals.new.sendAnyway')}
            </Button>
          </Alert>
        ) : null}
        <SubmitActions label={t('signals.new.send')} busy={send.isPending} />
      </form>
    </Page>
  );
}
