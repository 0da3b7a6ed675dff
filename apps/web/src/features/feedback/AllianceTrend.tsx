import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as Plot from '@observablehq/plot';
import { allianceItems, localize, type AllianceTrend as Trend } from '@spreekkamer/shared';
import { formatDay, formatNumber } from '../../lib/format.js';
import { Heading } from '../../components/Heading.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.js';
import { useAllianceTrend } from './api.js';
import { SignalNote } from './SignalNote.js';

/** The average per check over time for one client, drawn with Observable Plot; the table says the same in words. */
function Chart({ trend }: { trend: Trend }) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    // One place per check, labelled with its day: several checks on one day stay apart.
    const data = trend.points.map((p, index) => ({ check: index, average: p.average }));
    const day = (index: number) => formatDay(trend.points[index]?.answeredAt ?? '', i18n.language);
    const chart = Plot.plot({
      width: Math.min(640, element.clientWidth || 640),
      height: 240,
      marginLeft: 40,
      y: { domain: [1, 5], ticks: [1, 2, 3, 4, 5], tickFormat: (value: number) => formatNumber(value, i18n.language), grid: true, label: t('feedback.alliance.average') },
      x: { type: 'point', label: null, tickFormat: day, padding: 0.5 },
      marks: [
        Plot.ruleY([trend.threshold], { stroke: '#a85a00', strokeDasharray: '6,4' }),
        Plot.line(data, { x: 'check', y: 'average', stroke: '#17607a', strokeWidth: 3 }),
        Plot.dot(data, { x: 'check', y: 'average', fill: '#17607a', r: 5 }),
      ],
    });
    // The table below carries the same information for screen readers.
    chart.setAttribute('aria-hidden', 'true');
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [trend, t, i18n.language]);
  return (
    <figure className="sk-feedback-chart">
      <div ref={container} />
      <figcaption>{t('feedback.alliance.chartLabel', { threshold: formatNumber(trend.threshold, i18n.language) })}</figcaption>
    </figure>
  );
}

export function AllianceTrendView({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const trend = useAllianceTrend(clientId);
  if (trend.isPending || trend.error) return <QueryStatus query={trend} />;
  const data = trend.data;
  const columns = { date: t('feedback.alliance.date'), average: t('feedback.alliance.average') };
  return (
    <div className="sk-stack">
      {data.anonymous ? <Paragraph>{t('feedback.alliance.anonymousNote')}</Paragraph> : null}
      {data.signal ? <SignalNote signal={data.signal} /> : null}
      {data.openRequests.length > 0 ? <Paragraph small>{t('feedback.alliance.open', { count: data.openRequests.length })}</Paragraph> : null}
      {data.points.length === 0 ? (
        <Paragraph>{t('feedback.alliance.noAnswers')}</Paragraph>
      ) : (
        <>
          <Heading level={4}>{t('feedback.alliance.trendTitle')}</Heading>
          <Chart trend={data} />
          <Table>
            <TableCaption>{t('feedback.alliance.tableCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{columns.date}</TableHeaderCell>
                {allianceItems.map((item) => (
                  <TableHeaderCell key={item.id}>{localize(item.short, language)}</TableHeaderCell>
                ))}
                <TableHeaderCell>{columns.average}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.points.map((point, index) => (
                <TableRow key={`${point.answeredAt}-${index}`}>
                  <TableCell label={columns.date}>{formatDay(point.answeredAt, language)}</TableCell>
                  {allianceItems.map((item) => (
                    <TableCell key={item.id} label={localize(item.short, language)}>
                      {point.scores[item.id] ?? t('feedback.alliance.skipped')}
                    </TableCell>
                  ))}
                  <TableCell label={columns.average}>{formatNumber(point.average, language)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </div>
  );
}
