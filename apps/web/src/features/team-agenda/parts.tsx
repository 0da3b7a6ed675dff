import { useTranslation } from 'react-i18next';
import { findIdentifyingDetails, themeCard, localize, type AgendaItem, type AgendaMeeting, type AgendaTeamSummary, type IdentifyingDetail } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { Link } from '../../components/Links.js';
import { Paragraph } from '../../components/Paragraph.js';
import { StatusBadge, type BadgeStatus } from '../../components/StatusBadge.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDay } from '../../lib/format.js';
import { teamAgendaPaths } from './api.js';

const statusLook: Record<AgendaItem['status'], BadgeStatus> = { new: 'warning', discussed: 'neutral', trying: 'success', done: 'inactive' };

export function AgendaStatus({ status }: { status: AgendaItem['status'] }) {
  const { t } = useTranslation();
  return <StatusBadge status={statusLook[status]}>{t(`teamAgenda.status.${status}`)}</StatusBadge>;
}

/** Who brought it in: "door u" for the author, a name only when the author chose it. */
export function AgendaAuthor({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  if (item.mine) return <>{t('teamAgenda.items.byYou')}</>;
  if (item.authorName) return <>{t('teamAgenda.items.byName', { name: item.authorName })}</>;
  return <>{t('teamAgenda.items.anonymous')}</>;
}

export function themeTitle(theme: AgendaItem['themes'][number]): string {
  return localize(themeCard(theme).title, currentLocale());
}

/** The text, kind, themes, author and what was agreed: the same on the agenda and in the werkoverleg. */
export function AgendaItemBody({ item, meeting }: { item: AgendaItem; meeting?: AgendaMeeting | undefined }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <>
      <Paragraph small>
        <strong>{t(`teamAgenda.items.kinds.${item.kind}`)}</strong> · <AgendaStatus status={item.status} /> · <AgendaAuthor item={item} />
      </Paragraph>
      <Paragraph className="sk-agenda__text">{item.text}</Paragraph>
      {item.themes.length > 0 ? (
        <Paragraph small>
          {t('teamAgenda.items.themes')}: {item.themes.map(themeTitle).join(', ')}
        </Paragraph>
      ) : null}
      {meeting ? <Paragraph small>{t('teamAgenda.items.planned', { date: formatDay(meeting.date, locale) })}</Paragraph> : null}
      {item.signalStatuses.length > 0 ? (
        <Paragraph small>
          {t('teamAgenda.items.signals', { count: item.signalStatuses.length })}: {item.signalStatuses.map((status) => t(`signals.status.${status}`)).join(', ')}
        </Paragraph>
      ) : null}
      <Paragraph small>
        <Link to={`/signalen/nieuw?agendapunt=${encodeURIComponent(item.id)}`}>{t('teamAgenda.items.sendSignal')}</Link>
      </Paragraph>
      {item.agreement ? (
        <Paragraph>
          <strong>{t('teamAgenda.items.agreement')}:</strong> {item.agreement}
        </Paragraph>
      ) : null}
    </>
  );
}

/** Per team: new items and the next werkoverleg, with the ways in. The home card and the overview page share it. */
export function TeamSummaries({ teams }: { teams: readonly AgendaTeamSummary[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <ul className="sk-agenda__teams">
      {teams.map((team) => (
        <li key={team.id}>
          <Paragraph>
            <strong>{team.name}</strong>: {t('teamAgenda.teamSummary', { count: team.newCount })}{' '}
            {team.nextMeeting ? t('teamAgenda.nextMeeting', { date: formatDay(team.nextMeeting.date, locale) }) : t('teamAgenda.noNextMeeting')}
            {team.lead ? ` ${t('teamAgenda.youLead')}` : null}
          </Paragraph>
          <Paragraph>
            <Link to={teamAgendaPaths.team(team.id)}>{t('teamAgenda.toAgenda', { team: team.name })}</Link>
          </Paragraph>
          <Paragraph>
            <Link to={teamAgendaPaths.meetings(team.id)}>{t('teamAgenda.toMeetings', { team: team.name })}</Link>
          </Paragraph>
        </li>
      ))}
    </ul>
  );
}

/** What the identification check found, read out politely while the author types. */
export function Findings({ findings }: { findings: readonly IdentifyingDetail[] }) {
  const { t } = useTranslation();
  return (
    <ul>
      {findings.map((finding) => (
        <li key={`${finding.kind}-${finding.index}`}>
          “{finding.text}” ({t(`teamAgenda.check.kinds.${finding.kind}`)})
        </li>
      ))}
    </ul>
  );
}

/** The identification check on a text as it is typed: a warning with what was found, never a block. */
export function LiveCheck({ text }: { text: string }) {
  const { t } = useTranslation();
  const findings = findIdentifyingDetails(text);
  return (
    <div aria-live="polite">
      {findings.length > 0 ? (
        <Alert type="warning">
          <Paragraph>
            <strong>{t('teamAgenda.check.title')}</strong>
          </Paragraph>
          <Paragraph>{t('teamAgenda.check.intro')}</Paragraph>
          <Findings findings={findings} />
        </Alert>
      ) : null}
    </div>
  );
}
