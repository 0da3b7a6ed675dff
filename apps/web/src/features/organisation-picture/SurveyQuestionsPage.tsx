import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { contract } from '@spreekkamer/shared';
import { hrefOf } from '../../api/client.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { picturePaths, useSurveyQuestions } from './api.js';
import './organisation-picture.css';

/** /klanttevredenheid/vragen: the theme cards as the next survey's questions, printable and as CSV. */
export function SurveyQuestionsPage() {
  const { t } = useTranslation();
  const questions = useSurveyQuestions();
  return (
    <Page title={t('kar.questions.title')} intro={t('kar.questions.intro')} breadcrumbs={[{ to: picturePaths.survey, label: t('kar.survey.title') }]}>
      <div className="sk-actions sk-picture__actions">
        <Button appearance="secondary-action-button" onClick={() => window.print()}>
          {t('kar.print')}
        </Button>
        <a className="utrecht-link" href={hrefOf(contract.surveys.questionsCsv, {})} download>
          {t('kar.questions.csv')}
        </a>
      </div>
      <QueryStatus query={questions} loadingLabel={t('kar.questions.loading')} />
      {questions.data && questions.data.questions.length === 0 ? <Paragraph>{t('kar.questions.none')}</Paragraph> : null}
      {questions.data ? (
        <ol className="sk-picture__questions">
          {questions.data.questions.map((question) => (
            <li key={question.code} className={`sk-picture__question sk-picture__question--${question.kind}`}>
              <strong>{question.title}</strong>
              <span>{question.question}</span>
              <span className="sk-picture__code">{t('kar.questions.code', { code: question.code })}</span>
            </li>
          ))}
        </ol>
      ) : null}
      <Paragraph small>{t('kar.questions.scale')}</Paragraph>
    </Page>
  );
}
