import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contract } from '@spreekkamer/shared';
import { Heading } from '../../components/Heading.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { formatNumber } from '../../lib/format.js';
import { call } from '../../api/client.js';
import { insightKeys } from './api.js';

/** Why clients said no: organisation totals only, and only from the minimum number of answers up. */
export function DeclineTotals() {
  const { t, i18n } = useTranslation();
  const totals = useQuery({ queryKey: insightKeys.declineReasons, queryFn: () => call(contract.insight.declineReasons) });
  return (
    <section aria-labelledby="decline-totals-title" className="sk-stack">
      <Heading level={3} id="decline-totals-title">
        {t('insight.declines.title')}
      </Heading>
      <Paragraph small>{t('insight.declines.intro', { count: totals.data?.minimum ?? 5 })}</Paragraph>
      <QueryStatus query={totals} />
      {totals.data?.kinds.map((kind) => (
        <div key={kind.kind}>
          <Paragraph>
            <strong>{t(`insight.declines.kinds.${kind.kind}`)}</strong>{' '}
            {kind.total === null ? t('insight.declines.tooFew') : t('insight.declines.total', { count: kind.total, n: formatNumber(kind.total, i18n.language) })}
          </Paragraph>
          {kind.reasons.length > 0 ? (
            <ul>
              {kind.reasons.map((r) => (
                <li key={r.reason}>{t('insight.declines.reasonLine', { reason: t(`insight.declines.reasons.${r.reason}`), n: formatNumber(r.count, i18n.language) })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
    </section>
  );
}
