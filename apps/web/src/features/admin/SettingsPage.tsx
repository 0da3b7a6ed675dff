import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { clientLanguages, type ClientLocale, contract, minimumGroupSizeFloor, offeredClientLocales, type OrganisationSettings } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary, useFormErrors } from '../../components/ErrorSummary.js';
import { CheckboxField, Fieldset, FieldsetLegend, RadioGroup, TextField } from '../../components/fields.js';
import { SubmitActions } from '../../components/FormActions.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { sessionKey } from '../auth/session.js';
import { adminKeys, useSettings } from './queries.js';
import { RhythmSection } from '../learning/RhythmSection.js';
import { SsoSettingsSection } from '../auth/SsoAdmin.js';
import { FilmSettings } from './FilmSettings.js';
import { call } from '../../api/client.js';
import { preloadTexts, useTexts } from '../../i18n/index.js';

// Fetched as this module loads (with its page), so the components rarely wait.
preloadTexts('languages');

const maxRetentionOptions = 6;

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <Page title={t('admin.settings.title')} intro={t('admin.settings.intro')}>
      <QueryStatus query={settings} />
      {settings.data ? <SettingsForm initial={settings.data} /> : null}
      <RhythmSection />
      <SsoSettingsSection />
      <FilmSettings />
    </Page>
  );
}

function parseWholeNumber(value: string): number | null {
  return /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
}

function SettingsForm({ initial }: { initial: OrganisationSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(initial.name);
  const [requireTotp, setRequireTotp] = useState(initial.requireTotp);
  const [groupSize, setGroupSize] = useState(String(initial.minimumGroupSize));
  const [options, setOptions] = useState<number[]>([...initial.retentionDaysOptions].sort((a, b) => a - b));
  const [defaultDays, setDefaultDays] = useState<number | null>(initial.retentionDaysDefault);
  const [newOption, setNewOption] = useState('');
  const [optionError, setOptionError] = useState<string | undefined>();
  const [allianceAnonymous, setAllianceAnonymous] = useState(initial.allianceCheckAnonymous ?? false);
  const [signalBelow, setSignalBelow] = useState(String(initial.allianceSignalBelow ?? 3));
  const [languages, setLanguages] = useState<ClientLocale[]>(offeredClientLocales(initial.clientLocales));
  const { errors, showError, check, clear } = useFormErrors();

  const save = useMutation({
    mutationFn: (body: OrganisationSettings) =>
      call(contract.admin.updateSettings, { body }),
    onSuccess: async (saved) => {
      clear();
      queryClient.setQueryData(adminKeys.settings, saved);
      // The organisation's name and TOTP rule are part of everyone's session, including ours.
      await queryClient.invalidateQueries({ queryKey: sessionKey });
    },
    onError: showError,
  });

  const fields = {
    name: { id: 'settings-name', label: t('admin.settings.name') },
    minimumGroupSize: { id: 'settings-group-size', label: t('admin.settings.groupSize') },
    retentionDaysOptions: { id: 'settings-new-option', label: t('admin.settings.retentionOptions') },
    retentionDaysDefault: { id: 'settings-default', label: t('admin.settings.retentionDefault') },
    allianceSignalBelow: { id: 'settings-signal-below', label: t('feedback.settings.threshold') },
  };

  function addOption() {
    const days = parseWholeNumber(newOption);
    if (days === null || days < 1 || days > 3650) {
      setOptionError(t('validation.retentionDays'));
      return;
    }
    if (options.includes(days)) {
      setOptionError(t('validation.retentionDuplicate'));
      return;
    }
    setOptionError(undefined);
    setOptions([...options, days].sort((a, b) => a - b));
    setNewOption('');
  }

  function removeOption(days: number) {
    setOptions(options.filter((option) => option !== days));
    if (defaultDays === days) setDefaultDays(null);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    const size = parseWholeNumber(groupSize);
    const below = Number(signalBelow.trim().replace(',', '.'));
    const belowValid = signalBelow.trim() !== '' && below >= 1 && below <= 5 && Number.isInteger(below * 2);
    const valid = check({
      name: name.trim() === '' && t('validation.nameRequired'),
      minimumGroupSize: (size === null || size < minimumGroupSizeFloor || size > 50) && t('validation.groupSize'),
      retentionDaysOptions: options.length === 0 && t('validation.retentionOptions'),
      retentionDaysDefault: (defaultDays === null || !options.includes(defaultDays)) && t('validation.retentionDefault'),
      allianceSignalBelow: !belowValid && t('feedback.settings.thresholdInvalid'),
    });
    if (!valid || size === null || defaultDays === null) return;
    save.mutate({
      name: name.trim(),
      requireTotp,
      minimumGroupSize: size,
      retentionDaysOptions: options,
      retentionDaysDefault: defaultDays,
      allianceCheckAnonymous: allianceAnonymous,
      allianceSignalBelow: below,
      clientLocales: languages,
    });
  }

  return (
    <form className="sk-form sk-section" noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} fields={fields} />
      <TextField
        id={fields.name.id}
        label={fields.name.label}
        autoComplete="organization"
        required
        value={name}
        error={errors.fields.name}
        onChange={setName}
      />
      <Fieldset>
        <FieldsetLegend>{t('admin.settings.securityTitle')}</FieldsetLegend>
        <CheckboxField
          id="settings-require-totp"
          label={t('admin.settings.requireTotp')}
          description={t('admin.settings.requireTotpHelp')}
          checked={requireTotp}
          onChange={setRequireTotp}
        />
      </Fieldset>
      <TextField
        id={fields.minimumGroupSize.id}
        label={fields.minimumGroupSize.label}
        description={t('admin.settings.groupSizeHelp')}
        inputMode="numeric"
        className="sk-field--short"
        required
        value={groupSize}
        error={errors.fields.minimumGroupSize}
        onChange={setGroupSize}
      />
      <Fieldset invalid={Boolean(errors.fields.retentionDaysOptions)}>
        <FieldsetLegend>{t('admin.settings.retentionOptions')}</FieldsetLegend>
        <Paragraph small>{t('admin.settings.retentionHelp')}</Paragraph>
        {errors.fields.retentionDaysOptions ? (
          <Alert type="error">
            <Paragraph>{errors.fields.retentionDaysOptions}</Paragraph>
          </Alert>
        ) : null}
        <ul className="sk-option-list">
          {options.map((days) => (
            <li key={days}>
              <span>{t('admin.settings.days', { count: days })}</span>
              <Button
                appearance="subtle-button"
                aria-label={`${t('common.remove')}: ${t('admin.settings.days', { count: days })}`}
                onClick={() => removeOption(days)}
              >
                {t('common.remove')}
              </Button>
            </li>
          ))}
        </ul>
        {options.length < maxRetentionOptions ? (
          <div className="sk-inline-add">
            <TextField
              id={fields.retentionDaysOptions.id}
              label={t('admin.settings.newOption')}
              inputMode="numeric"
              className="sk-field--short"
              value={newOption}
              error={optionError}
              onChange={setNewOption}
              onKeyDown={(event) => {
                // Enter adds the option here instead of submitting the whole form.
                if (event.key === 'Enter') {
                  event.preventDefault();
                  addOption();
                }
              }}
            />
            <Button appearance="secondary-action-button" onClick={addOption}>
              {t('admin.settings.addOption')}
            </Button>
          </div>
        ) : (
          <Paragraph small>{t('admin.settings.maxOptions', { count: maxRetentionOptions })}</Paragraph>
        )}
      </Fieldset>
      {options.length > 0 ? (
        <RadioGroup<string>
          id={fields.retentionDaysDefault.id}
          legend={fields.retentionDaysDefault.label}
          value={defaultDays === null ? null : String(defaultDays)}
          onChange={(value) => setDefaultDays(Number(value))}
          error={errors.fields.retentionDaysDefault}
          options={options.map((days) => ({ value: String(days), label: t('admin.settings.days', { count: days }) }))}
        />
      ) : null}
      <Fieldset>
        <FieldsetLegend>{t('feedback.settings.title')}</FieldsetLegend>
        <CheckboxField
          id="settings-alliance-anonymous"
          label={t('feedback.settings.anonymous')}
          description={t('feedback.settings.anonymousHelp')}
          checked={allianceAnonymous}
          onChange={setAllianceAnonymous}
        />
        <TextField
          id={fields.allianceSignalBelow.id}
          label={fields.allianceSignalBelow.label}
          description={t('feedback.settings.thresholdHelp')}
          inputMode="decimal"
          className="sk-field--short"
          value={signalBelow}
          error={errors.fields.allianceSignalBelow}
          onChange={setSignalBelow}
        />
      </Fieldset>
      <ClientLanguagesField
        chosen={languages}
        onChange={(code, on) => setLanguages(offeredClientLocales(on ? [...languages, code] : languages.filter((other) => other !== code)))}
      />
      <SubmitActions label={t('common.save')} busy={save.isPending} />
      {save.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('admin.settings.saved')}</Paragraph>
        </Alert>
      ) : null}
    </form>
  );
}

/** Which languages clients are offered, and which translations a native speaker still has to check. */
function ClientLanguagesField({ chosen, onChange }: { chosen: readonly ClientLocale[]; onChange: (code: ClientLocale, on: boolean) => void }) {
  useTexts('languages');
  const { t } = useTranslation();
  const unreviewed = clientLanguages.filter((language) => !language.reviewedByNativeSpeaker);
  return (
    <Fieldset>
      <FieldsetLegend>{t('languages.settings.title')}</FieldsetLegend>
      <Paragraph small>{t('languages.settings.help')}</Paragraph>
      <Paragraph small>{t('languages.settings.dutchAlways')}</Paragraph>
      {clientLanguages
        .filter((language) => language.code !== 'nl')
        .map((language) => (
          <CheckboxField
            key={language.code}
            id={`settings-client-language-${language.code}`}
            label={
              <>
                <span lang={language.code} dir={language.dir}>
                  {language.name}
                </span>
                {language.reviewedByNativeSpeaker ? null : ` (${t('languages.settings.unreviewedMark')})`}
              </>
            }
            checked={chosen.includes(language.code)}
            onChange={(on) => onChange(language.code, on)}
          />
        ))}
      {unreviewed.length > 0 ? (
        <Alert type="info">
          <Paragraph>
            <strong>{t('languages.settings.unreviewedTitle')}</strong>
          </Paragraph>
          <Paragraph>{t('languages.settings.unreviewed', { languages: unreviewed.map((language) => language.name).join(', ') })}</Paragraph>
        </Alert>
      ) : null}
    </Fieldset>
  );
}
