import { useTranslation } from 'react-i18next';
import { Heading } from '../../components/Heading.js';
import { Link } from '../../components/Links.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDay } from '../../lib/format.js';
import { learningPaths, useCoaching, useLearningRound } from './api.js';

/** Home card part for professionals: the open round, a gentle reminder, and the way to Leren. */
export function LearningHomeSection() {
  const { t } = useTranslation();
  const round = useLearningRound();
  const locale = currentLocale();
  const current = round.data?.round ?? null;
  return (
    <section aria-labelledby="home-learning">
      <Heading level={3} id="home-learning">
        {t('learning.home.title')}
      </Heading>
      <QueryStatus query={round} />
      {round.data?.reminder ? <Paragraph>{t(`learning.reminder.${round.data.reminder}`)}</Paragraph> : null}
      {current ? (
        <Paragraph>
          {current.skipped
            ? t('learning.home.skipped')
            : t('learning.home.open', { endsOn: formatDay(current.endsOn, locale), done: current.steps.filter((s) => s.state === 'done').length, total: current.steps.length })}
        </Paragraph>
      ) : null}
      {round.data && !current ? (
        <Paragraph>
          {t('learning.home.none')} {round.data.nextRound ? t('learning.home.next', { startsOn: formatDay(round.data.nextRound.startsOn, locale) }) : null}
        </Paragraph>
      ) : null}
      <Paragraph>
        <Link to={learningPaths.home}>{t('learning.home.toLearning')}</Link>
      </Paragraph>
    </section>
  );
}

/** Home card part for reviewers: the people who asked them as leercoach, with what awaits. */
export function CoachingHomeSection() {
  const { t } = useTranslation();
  const coaching = useCoaching();
  return (
    <section aria-labelledby="home-coaching">
      <Heading level={3} id="home-coaching">
        {t('learning.home.coachTitle')}
      </Heading>
      <QueryStatus query={coaching} />
      {coaching.data && coaching.data.people.length === 0 ? <Paragraph>{t('learning.home.coachNone')}</Paragraph> : null}
      <ul>
        {coaching.data?.people.map((p) => (
          <li key={p.invitation.id}>
            <Link to={learningPaths.coach(p.invitation.id)}>
              {t('learning.home.coachItem', { name: p.invitation.professionalName, questions: p.sharedQuestions, fragments: p.fragments, notes: p.notes })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
