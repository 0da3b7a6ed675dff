import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button } from '@utrecht/button-react';
import { contract, localize, themeCard, type InsightFigure, type KarResult, type KarScope, type YearlyPicture, type YearlySignalAnswer } from '@spreekkamer/shared';
import { hrefOf } from '../../api/client.js';
import { Heading } from '../../components/Heading.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadErrorPage, LoadingPage } from '../../components/QueryState.js';
import { formatDay } from '../../lib/format.js';
import { InsightTable } from '../insight/InsightTable.js';
import { monthName } from '../insight/model.js';
import '../insight/insight.css';
import { picturePaths, useYearlyPicture } from './api.js';
import { SurveyTable } from './SurveyTable.js';
import './organisation-picture.css';

/** /kar/:id/jaarbeeld: the yearly picture for the management team and the council, in the canvas's own terms. */
export function YearlyPicturePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const picture = useYearlyPicture(id);
  if (picture.isPending) return <LoadingPage title={t('kar.picture.loading')} />;
  if (picture.error || !picture.data) return <LoadErrorPage error={picture.error} onRetry={() => void picture.refetch()} goneTitle={t('kar.canvas.goneTitle')} goneText={t('kar.canvas.goneText')} errorTitle={t('kar.picture.errorTitle')} />;
  return <Picture picture={picture.data} />;
}

function Why({ label, children }: { label: string; children: string }) {
  if (children.trim() === '') return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function BlockText({ block, scope }: { block: KarResult; scope: KarScope }) {
  const { t } = useTranslation();
  const parts: ReactNode[] = [
    <Why key="p" label={t('kar.picture.whyProfessional')}>{block.whyProfessional}</Why>,
    <Why key="o" label={scope === 'team' ? t('kar.picture.whyClient') : t('kar.picture.whyOrganisation')}>{block.whyOther}</Why>,
    <Why key="s" label={t('kar.picture.startingPoint')}>{block.startingPoint}</Why>,
    <Why key="b" label={t('kar.picture.behaviour')}>{block.behaviour}</Why>,
  ];
  const empty = [block.whyProfessional, block.whyOther, block.startingPoint, block.behaviour].every((text) => text.trim() === '');
  return empty ? null : <dl className="sk-picture__why">{parts}</dl>;
}

/** The insight page's tables, each in its own scrolling box: the yearly picture shows them as they are. */
function FigureTables({ figures }: { figures: readonly InsightFigure[] }) {
  const { t } = useTranslation();
  return figures.map((figure) => (
    <div key={figure.id} className="sk-insight__table">
      <InsightTable figure={figure} caption={t(`insight.figures.${figure.id}.title`)} />
    </div>
  ));
}

/** What policy and the management team answered this year: their own words, with what it was about, never who asked. */
function SignalAnswers({ answers }: { answers: readonly YearlySignalAnswer[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <>
      <Heading level={3}>{t('kar.picture.answersTitle')}</Heading>
      {answers.length === 0 ? <Paragraph>{t('kar.picture.answersNone')}</Paragraph> : null}
      <ul className="sk-picture__list">
        {answers.map((answer, index) => {
          const about = [answer.groupName, answer.kind ? t(`kar.picture.kinds.${answer.kind}`) : null, answer.theme ? localize(themeCard(answer.theme).title, language) : null].filter((part) => part !== null);
          return (
            <li key={index}>
              <Paragraph small>
                {t('kar.picture.answerMeta', { status: t(`insight.categories.${answer.status}`), month: monthName(answer.month, language) })}
                {about.length > 0 ? ` · ${t('kar.picture.answerAbout', { about: about.join(', ') })}` : ''}
              </Paragraph>
              <Paragraph>{answer.answer}</Paragraph>
              <Paragraph small>{answer.signals === null ? t('kar.picture.answerFew') : t('kar.picture.answerCount', { count: answer.signals })}</Paragraph>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function Picture({ picture }: { picture: YearlyPicture }) {
  const { t, i18n } = useTranslation();
  const { canvas } = picture;
  return (
    <Page
      title={t('kar.picture.title', { name: canvas.name, year: canvas.year })}
      intro={t('kar.picture.intro')}
      breadcrumbs={[
        { to: picturePaths.canvases, label: t('kar.list.title') },
        { to: picturePaths.canvas(canvas.id), label: t('kar.canvas.title', { name: canvas.name, year: canvas.year }) },
      ]}
      crumbLabel={t('kar.picture.short')}
    >
      <div className="sk-actions sk-picture__actions">
        <Button appearance="secondary-action-button" onClick={() => window.print()}>
          {t('kar.print')}
        </Button>
        <a className="utrecht-link" href={hrefOf(contract.kar.pictureCsv, { params: { id: canvas.id } })} download>
          {t('kar.picture.csv')}
        </a>
      </div>
      <Paragraph small>{t('kar.picture.updated', { date: formatDay(canvas.updatedAt, i18n.language) })}</Paragraph>

      <Section id="picture-canvas" title={t('kar.picture.canvasTitle')}>
        {canvas.content.factors.length === 0 ? <Paragraph>{t('kar.picture.noFactors')}</Paragraph> : null}
        {canvas.content.factors.map((factor) => (
          <article key={factor.id} className="sk-picture__factor">
            <Heading level={3}>{factor.title}</Heading>
            <BlockText block={factor} scope={canvas.scope} />
            {factor.activities.length > 0 ? (
              <>
                <Paragraph>
                  <strong>{t('kar.picture.whatWeDo')}</strong>
                </Paragraph>
                <ul className="sk-picture__activities">
                  {factor.activities.map((activity) => (
                    <li key={activity.id}>
                      <strong>{activity.title}</strong>
                      <BlockText block={activity} scope={canvas.scope} />
                      {activity.results.length > 0 ? (
                        <>
                          <span>{t('kar.picture.whatWeExpect')}</span>
                          <ul>
                            {activity.results.map((result) => (
                              <li key={result.id}>
                                {result.title}
                                <BlockText block={result} scope={canvas.scope} />
                              </li>
                            ))}
                          </ul>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </article>
        ))}
      </Section>

      <Section id="picture-seen" title={t('kar.picture.seenTitle')}>
        <Paragraph>{t('kar.picture.seenText')}</Paragraph>
        {picture.insight ? <FigureTables figures={picture.insight.figures} /> : <Paragraph>{t('kar.picture.noInsight')}</Paragraph>}
        <Heading level={3}>{t('kar.picture.surveyTitle')}</Heading>
        <SurveyTable comparison={picture.survey} caption={t('kar.survey.caption')} />
      </Section>

      <Section id="picture-agenda" title={t('kar.picture.agendaTitle')}>
        <Paragraph>{picture.agenda.available ? t('kar.picture.agendaText') : t('kar.picture.agendaLater')}</Paragraph>
        <FigureTables figures={picture.agenda.figures} />
      </Section>
      <Section id="picture-signals" title={t('kar.picture.signalsTitle')}>
        <Paragraph>{picture.signals.available ? t('kar.picture.signalsText') : t('kar.picture.signalsLater')}</Paragraph>
        <FigureTables figures={picture.signals.figures} />
        {picture.signals.available && canvas.scope === 'organisation' ? <SignalAnswers answers={picture.signals.answers} /> : null}
      </Section>

      <Section id="picture-revisions" title={t('kar.canvas.revisions')}>
        {canvas.revisions.length === 0 ? <Paragraph>{t('kar.canvas.noRevisions')}</Paragraph> : null}
        <ul className="sk-picture__list">
          {canvas.revisions.map((revision, index) => (
            <li key={index}>
              {t('kar.canvas.revisedOn', { date: formatDay(revision.on, i18n.language) })}
              {revision.note ? `: ${revision.note}` : ''}
            </li>
          ))}
        </ul>
      </Section>
    </Page>
  );
}
