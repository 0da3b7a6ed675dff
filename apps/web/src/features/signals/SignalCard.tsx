import { useTranslation } from 'react-i18next';
import { localize, themeCards, type Signal } from '@spreekkamer/shared';
import { Heading } from '../../components/Heading.js';
import { Link } from '../../components/Links.js';
import { Paragraph } from '../../components/Paragraph.js';
import { StatusBadge, type BadgeStatus } from '../../components/StatusBadge.js';
import { formatDay } from '../../lib/format.js';
import { teamAgendaPaths } from '../team-agenda/api.js';
import { signalPaths } from './api.js';

const badge: Record<Signal['status'], BadgeStatus> = { received: 'neutral', in_progress: 'warning', answered: 'success', adopted: 'success', not_adopted: 'inactive' };

export function useThemeLabel(): (theme: Signal['theme']) => string {
  const { i18n } = useTranslation();
  return (theme) => {
    const card = themeCards.find((c) => c.id === theme);
    return card ? localize(card.title, i18n.language) : theme;
  };
}

/** One signal as its author and its readers see it; `link` adds the way to answer it. */
export function SignalCard({ signal, headingLevel = 3, link = false }: { signal: Signal; headingLevel?: 2 | 3; link?: boolean }) {
  const { t, i18n } = useTranslation();
  const themeLabel = useThemeLabel();
  const to = signal.toPolicy && signal.toManagement ? t('signals.card.toBoth') : signal.toPolicy ? t('signals.card.toPolicy') : t('signals.card.toManagement');
  return (
    <article className="sk-signal" id={`signaal-${signal.id}`} aria-labelledby={`signaal-${signal.id}-title`}>
      <Heading level={headingLevel} id={`signaal-${signal.id}-title`} className="sk-signal__title">
        {t('signals.card.about', { kind: t(`signals.kindShort.${signal.kind}`), subject: t(`signals.subjects.${signal.subject}`), theme: themeLabel(signal.theme) })}
      </Heading>
      <p className="sk-signal__meta">
        <StatusBadge status={badge[signal.status]}>{t(`signals.status.${signal.status}`)}</StatusBadge>{' '}
        {t('signals.card.sentOn', { date: formatDay(signal.createdAt, i18n.language) })} · {t('signals.card.to', { to })} ·{' '}
        {signal.authorName ? t('signals.card.by', { name: signal.authorName }) : t('signals.card.anonymous')}
        {signal.groupName ? <> · {t('signals.card.group', { name: signal.groupName })}</> : null}
      </p>
      <Paragraph className="sk-signal__text">{signal.text}</Paragraph>
      {signal.agendaItem ? (
        <Paragraph small>
          {t('signals.card.fromAgenda', { kind: t(`teamAgenda.items.kinds.${signal.agendaItem.kind}`), status: t(`teamAgenda.status.${signal.agendaItem.status}`) })}
          {signal.agendaItem.themes.length > 0 ? ` · ${signal.agendaItem.themes.map(themeLabel).join(', ')}` : ''}
          {signal.agendaItem.text ? <> · “{signal.agendaItem.text}”</> : null}
          {signal.agendaItem.teamId ? (
            <>
              {' '}
              <Link to={teamAgendaPaths.team(signal.agendaItem.teamId)}>{t('signals.card.toAgenda')}</Link>
            </>
          ) : null}
        </Paragraph>
      ) : null}
      {signal.answer ? (
        <div className="sk-signal__answer">
          <Heading level={headingLevel === 2 ? 3 : 4}>{t('signals.card.answer')}</Heading>
          <Paragraph>{signal.answer}</Paragraph>
          {signal.answeredAt ? <Paragraph small>{t('signals.card.answeredOn', { date: formatDay(signal.answeredAt, i18n.language) })}</Paragraph> : null}
        </div>
      ) : null}
      {link ? (
        <Paragraph>
          <Link to={signalPaths.one(signal.id)} aria-describedby={`signaal-${signal.id}-title`}>
            {t('signals.card.open')}
          </Link>
        </Paragraph>
      ) : null}
    </article>
  );
}
