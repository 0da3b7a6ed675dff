import { useTranslation } from 'react-i18next';
import { allianceItems, localize } from '@spreekkamer/shared';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.js';
import { formatMonth, formatNumber } from '../../lib/format.js';
import { useAllianceOverview } from './api.js';
import { SignalNote } from './SignalNote.js';
import './feedback.css';

function monthName(period: string, language: string): string {
  const [year, month] = period.split('-').map(Number);
  if (!year || !month) return period;
  return formatMonth(year, month, language);
}

function formatAverage(value: number | null | undefined, language: string): string {
  return value === null || value === undefined ? '—' : formatNumber(value, language);
}

/**
 * /samenwerkingscheck — the professional's own anonymous alliance checks as totals per closed
 * month, shown only when at least the organisation's minimum number of people answered.
 */
export function AllianceOverviewPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const overview = useAllianceOverview();
  return (
    <Page title={t('feedback.overview.title')} intro={t('feedback.overview.intro')}>
      <QueryStatus query={overview} />
      {overview.data ? (
        <>
          <Paragraph>{overview.data.anonymous ? t('feedback.alliance.anonymousNote', { count: overview.data.minimumGroupSize }) : t('feedback.overview.named')}</Paragraph>
          {overview.data.signals.map((signal) => (
            <SignalNote key={`${signal.clientId ?? 'anonymous'}-${signal.kind}`} signal={signal} />
          ))}
          {overview.data.periods.length === 0 ? (
            <Paragraph>{t('feedback.overview.empty')}</Paragraph>
          ) : (
            <Table>
              <TableCaption>{t('feedback.overview.caption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('feedback.overview.month')}</TableHeaderCell>
                  <TableHeaderCell>{t('feedback.overview.count')}</TableHeaderCell>
                  {allianceItems.map((item) => (
                    <TableHeaderCell key={item.id}>{localize(item.short, language)}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {overview.data.periods.map((period) => (
                  <TableRow key={period.period}>
                    <TableCell label={t('feedback.overview.month')}>{monthName(period.period, language)}</TableCell>
                    <TableCell label={t('feedback.overview.count')}>{period.enoughAnswers ? period.count : t('feedback.overview.notEnough', { count: overview.data.minimumGroupSize })}</TableCell>
                    {allianceItems.map((item) => (
                      <TableCell key={item.id} label={localize(item.short, language)}>
                        {formatAverage(period.averages?.[item.id], language)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      ) : null}
    </Page>
  );
}
