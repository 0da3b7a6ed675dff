import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { allianceItems, localize, type InsightFigure } from '@spreekkamer/shared';
import { formatNumber } from '../../lib/format.js';
import { categoryName, chartRows, monthShort } from './model.js';

interface Point {
  x: string;
  y: number | null;
  series: string;
}

/**
 * A figure drawn with Observable Plot, loaded only when this page draws its first chart so the first
 * download stays small. The chart is hidden from screen readers: the table under it says the same.
 * A hidden cell is a gap in the line, never a zero.
 */
export function InsightChart({ figure }: { figure: InsightFigure }) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let cancelled = false;
    let chart: (SVGSVGElement | HTMLElement) | null = null;
    const language = i18n.language;
    const question = (id: string) => {
      const item = allianceItems.find((candidate) => candidate.id === id);
      return item ? localize(item.short, language) : id;
    };
    void import('@observablehq/plot').then((Plot) => {
      if (cancelled) return;
      const width = Math.min(720, element.clientWidth || 320);
      let points: Point[];
      let marks;
      let y: Record<string, unknown> = { grid: true, label: null, tickFormat: (value: number) => formatNumber(value, language) };
      if (figure.kind === 'monthly') {
        points = chartRows(figure).flatMap((row) => figure.columns.map((month, c) => ({ x: month, y: row.cells[c] ?? null, series: row.name })));
        marks = [Plot.lineY(points, { x: 'x', y: 'y', stroke: 'series', strokeWidth: 3 }), Plot.dot(points, { x: 'x', y: 'y', fill: 'series', r: 4 })];
      } else if (figure.kind === 'themes') {
        const themes = figure.columns.filter((column) => column !== 'total');
        points = chartRows(figure).flatMap((row) => themes.map((theme) => ({ x: categoryName(theme, language, (key) => t(key)), y: row.cells[figure.columns.indexOf(theme)] ?? null, series: row.name })));
        marks = [Plot.barY(points.filter((p) => p.y !== null), { x: 'x', y: 'y', fill: '#17607a', fx: 'series' }), Plot.ruleY([0])];
      } else {
        points = figure.rows.flatMap((row) => figure.columns.map((id, c) => ({ x: row.id, y: row.cells[c] ?? null, series: question(id) })));
        y = { ...y, domain: [1, 5], ticks: [1, 2, 3, 4, 5] };
        marks = [Plot.lineY(points, { x: 'x', y: 'y', stroke: 'series', strokeWidth: 2 }), Plot.dot(points, { x: 'x', y: 'y', fill: 'series', r: 3 })];
      }
      const monthly = figure.kind !== 'themes';
      chart = Plot.plot({
        width,
        height: 240,
        marginLeft: 40,
        marginBottom: 40,
        x: monthly ? { type: 'point', label: null, tickFormat: (month: string) => monthShort(month, language), tickRotate: width < 480 ? -45 : 0 } : { label: null },
        fx: { label: null },
        y,
        color: { legend: figure.kind !== 'themes' && new Set(points.map((p) => p.series)).size > 1 },
        marks,
      });
      chart.setAttribute('aria-hidden', 'true');
      element.replaceChildren(chart);
    });
    return () => {
      cancelled = true;
      chart?.remove();
    };
  }, [figure, t, i18n.language]);
  return (
    <figure className="sk-insight__chart">
      <div ref={container} />
      <figcaption>{t('insight.chartCaption')}</figcaption>
    </figure>
  );
}
