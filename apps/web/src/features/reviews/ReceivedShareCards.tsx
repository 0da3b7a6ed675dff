import { useTranslation } from 'react-i18next';
import { localize, momentThemeLabels, type ReceivedShare } from '@spreekkamer/shared';
import { ButtonLink } from '../../components/Links.js';
import { Paragraph } from '../../components/Paragraph.js';
import { formatClock } from '../recordings/format.js';
import { formatDay } from '../../lib/format.js';

/**
 * Shares received, one card each: the question, the shared moments and the end date. The lists for
 * reviewers and peers (/gedeeld) and for policy (/kijk-met-ons-mee) differ only in heading and link.
 */
export function ReceivedShareCards({ shares, heading, open }: { shares: readonly ReceivedShare[]; heading: (share: ReceivedShare) => string; open: (share: ReceivedShare) => { to: string; label: string } }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="sk-card-list">
      {shares.map((share) => {
        const link = open(share);
        return (
          <li key={share.id} className="sk-card">
            <h2 className="utrecht-heading-3">{heading(share)}</h2>
            {share.question ? (
              <Paragraph>
                <strong>{t('reviews.received.question')}</strong> <span className="sk-share-question">{share.question}</span>
              </Paragraph>
            ) : null}
            <ul>
              {share.moments.map((m) => (
                <li key={m.id}>
                  {formatClock(m.startSeconds)}–{formatClock(m.endSeconds)} {m.title}
                  {m.themes.length > 0 ? <span className="sk-muted"> ({m.themes.map((theme) => localize(momentThemeLabels[theme], i18n.language)).join(', ')})</span> : null}
                </li>
              ))}
            </ul>
            <Paragraph small>{t('reviews.received.until', { date: formatDay(share.expiresAt, i18n.language) })}</Paragraph>
            <ButtonLink appearance="primary-action" to={link.to}>
              {link.label}
            </ButtonLink>
          </li>
        );
      })}
    </ul>
  );
}
