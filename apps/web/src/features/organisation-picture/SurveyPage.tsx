import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { contract, hasPermission } from '@spreekkamer/shared';
import { ApiError } from '../../api/client.js';
import { Alert } from '../../components/Alert.js';
import { Link } from '../../components/Links.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { MutationError, QueryStatus } from '../../components/QueryState.js';
import { hrefOf } from '../../api/client.js';
import { useSession } from '../auth/session.js';
import { picturePaths, useSurveyComparison, useSurveyImport } from './api.js';
import { SurveyTable } from './SurveyTable.js';
import './organisation-picture.css';

/** /klanttevredenheid: import the survey's results, and see them beside the alliance checks. */
export function SurveyPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const comparison = useSurveyComparison();
  const canImport = session ? hasPermission(session.user.roles, 'survey.import') : false;
  return (
    <Page title={t('kar.survey.title')} intro={t('kar.survey.intro')}>
      {canImport ? <SurveyImport /> : null}
      <Section id="survey-comparison" title={t('kar.survey.comparisonTitle')}>
        <Paragraph>{t('kar.survey.comparisonText')}</Paragraph>
        <QueryStatus query={comparison} loadingLabel={t('kar.survey.loading')} />
        {comparison.data ? <SurveyTable comparison={comparison.data} caption={t('kar.survey.caption')} /> : null}
      </Section>
      <Section id="survey-questions" title={t('kar.questions.title')}>
        <Paragraph>{t('kar.questions.short')}</Paragraph>
        <Paragraph>
          <Link to={picturePaths.questions}>{t('kar.questions.open')}</Link>
        </Paragraph>
      </Section>
    </Page>
  );
}

function SurveyImport() {
  const { t } = useTranslation();
  const id = useId();
  const upload = useSurveyImport();
  const [file, setFile] = useState<File | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (file) upload.mutate(file);
  }
  const lineErrors = upload.error instanceof ApiError ? upload.error.fields : [];
  return (
    <Section id="survey-import" title={t('kar.survey.importTitle')}>
      <Paragraph>{t('kar.survey.importText')}</Paragraph>
      <pre className="sk-picture__example" role="region" aria-label={t('kar.survey.exampleLabel')} tabIndex={0}>
        {'periode;thema;score;percentage;respondenten\n2026-03;overall;7,4;;120\n2026-Q1;collaboration.listening;;81;95'}
      </pre>
      <Paragraph small>
        {t('kar.survey.codesHelp')} <a className="utrecht-link" href={hrefOf(contract.surveys.questionsCsv, {})} download>{t('kar.questions.csv')}</a>
      </Paragraph>
      <form className="sk-form" noValidate onSubmit={submit}>
        <label htmlFor={`${id}-file`}>{t('kar.survey.choose')}</label>
        <input id={`${id}-file`} type="file" accept=".csv,text/csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        <div className="sk-actions">
          <Button type="submit" appearance="primary-action-button" disabled={!file || upload.isPending}>
            {upload.isPending ? t('kar.survey.importing') : t('kar.survey.import')}
          </Button>
        </div>
      </form>
      <MutationError error={upload.error} />
      {lineErrors.length > 0 ? (
        <Alert type="error">
          <ul className="sk-picture__line-errors">
            {lineErrors.map((problem, index) => (
              <li key={index}>{problem.path ? `${problem.path}: ${problem.message}` : problem.message}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {upload.data ? <p role="status">{t('kar.survey.imported', { count: upload.data.lines })}</p> : null}
    </Section>
  );
}
