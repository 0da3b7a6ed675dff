import { useTranslation } from 'react-i18next';
import { localize, themeCards, type SurveyComparison, type SurveyFigure, type SurveyTheme } from '@spreekkamer/shared';
import { Paragraph } from '../../components/Paragraph.js';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.js';
import { formatMonth, formatNumber } from '../../lib/format.js';

/** "maart 2026" for a month, "1e kwartaal 2026" for a quarter. */
export function usePeriodText(): (period: string) => string {
  const { t, i18n } = useTranslation();
  return (period) => {
    const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
    if (quarter) return t('kar.survey.quarter', { quarter: quarter[2], year: quarter[1] });
    const month = /^(\d{4})-(\d{2})$/.exec(period);
    return month ? formatMonth(Number(month[1]), Number(month[2]), i18n.language) : period;
  };
}

export function useThemeText(): (theme: SurveyTheme | string) => string {
  const { t, i18n } = useTranslation();
  return (code) => {
    const [theme, subtopic] = code.split('.');
    if (theme === 'overall') return t('kar.survey.overall');
    const card = themeCards.find((candidate) => candidate.id === theme);
    if (!card) return code;
    const sub = card.subtopics.find((candidate) => candidate.id === subtopic);
    return sub ? `${localize(card.title, i18n.language)} – ${localize(sub.title, i18n.language)}` : localize(card.title, i18n.language);
  };
}

/** The survey's figures beside the alliance check's, per period and theme; what fewer than k gave says so. */
export function SurveyTable({ comparison, caption }: { comparison: SurveyComparison; caption: string }) {
  const { t, i18n } = useTranslation();
  const periodText = usePeriodText();
  const themeText = useThemeText();
  const tooFew = t('kar.tooFew');
  const figure = (f: SurveyFigure) =>
    f.value === null ? tooFew : f.measure === 'percentage' ? `${formatNumber(f.value, i18n.language)}%` : formatNumber(f.value, i18n.language, { maximumFractionDigits: 1 });
  if (comparison.rows.length === 0) return <Paragraph>{t('kar.survey.empty')}</Paragraph>;
  return (
    // A wide table scrolls sideways on a phone; the region takes focus so a keyboard can scroll it too.
    <div className="sk-picture__table" role="region" aria-label={caption} tabIndex={0}>
      <Table>
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('kar.survey.period')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kar.survey.theme')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kar.survey.surveyColumn')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('kar.survey.allianceColumn')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {comparison.rows.map((row) => (
            <TableRow key={`${row.period}-${row.theme}`}>
              <TableCell label={t('kar.survey.period')}>{periodText(row.period)}</TableCell>
              <TableCell label={t('kar.survey.theme')}>{themeText(row.theme)}</TableCell>
              <TableCell label={t('kar.survey.surveyColumn')}>
                <ul className="sk-picture__figures">
                  {row.survey.map((f) => (
                    <li key={f.code}>
                      {f.code.includes('.') ? `${themeText(f.code)}: ` : ''}
                      {figure(f)} <span className="sk-picture__count">({t('kar.survey.respondents', { count: f.respondents })})</span>
                    </li>
                  ))}
                </ul>
              </TableCell>
              <TableCell label={t('kar.survey.allianceColumn')}>
                {row.alliance.answers === null
                  ? tooFew
                  : row.alliance.average === null
                    ? t('kar.survey.allianceNoItem', { count: row.alliance.answers })
                    : t('kar.survey.allianceFigure', { average: formatNumber(row.alliance.average, i18n.language, { maximumFractionDigits: 1 }), count: row.alliance.answers })}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Paragraph small>{t('kar.survey.howCounted', { count: comparison.minimumGroupSize })}</Paragraph>
    </div>
  );
}
