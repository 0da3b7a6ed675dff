import { themeCards, type SurveyTheme, type YearlyPicture } from '@spreekkamer/shared';
import { csvCell } from '../reviews/review-export.js';

const figureNames: Readonly<Record<string, string>> = {
  roundsStarted: 'leerrondes begonnen',
  roundsCompleted: 'leerrondes afgerond',
  recordingsMade: 'opnames gemaakt',
  feedbackHeld: 'samenleergesprekken gehouden',
};

function themeName(theme: SurveyTheme): string {
  return theme === 'overall' ? 'Alles bij elkaar' : (themeCards.find((card) => card.id === theme)?.title.nl ?? theme);
}

function number(value: number | null): string {
  return value === null ? 'te weinig om te tonen' : String(value).replace('.', ',');
}

/**
 * The yearly picture as one CSV (semicolons, UTF-8 with a byte order mark, for Dutch spreadsheet
 * programs). First the canvas in its own terms, then the figures it draws on; a figure below the
 * minimum group size is written as "te weinig om te tonen", never as a number.
 */
export function yearlyPictureCsv(picture: YearlyPicture): string {
  const rows: string[][] = [['deel', 'niveau', 'titel', 'waarom voor de professional', 'waarom voor de cliënt of de organisatie', 'vertrekpunt', 'gedrag dat we verwachten', 'periode', 'uitkomst', 'aantal']];
  const block = (level: string, part: { title: string; whyProfessional: string; whyOther: string; startingPoint: string; behaviour: string }) =>
    rows.push(['KAR', level, part.title, part.whyProfessional, part.whyOther, part.startingPoint, part.behaviour, '', '', '']);
  for (const factor of picture.canvas.content.factors) {
    block('kritische succesfactor', factor);
    for (const activity of factor.activities) {
      block('activiteit', activity);
      for (const result of activity.results) block('verwacht resultaat', result);
    }
  }
  for (const revision of picture.canvas.revisions) rows.push(['herzien op', '', revision.note, '', '', '', '', revision.on, '', '']);
  for (const group of picture.insight?.groups ?? []) {
    for (const [metric, value] of Object.entries(group.figures)) rows.push(['leerroutine', group.name, figureNames[metric] ?? metric, '', '', '', '', `${picture.insight?.from.slice(0, 10) ?? ''} tot ${picture.insight?.to.slice(0, 10) ?? ''}`, number(value), '']);
  }
  for (const row of picture.survey.rows) {
    for (const figure of row.survey) {
      const value = figure.value;
      rows.push(['klanttevredenheid', themeName(row.theme), figure.code, '', '', '', '', row.period, `${number(value)}${figure.measure === 'percentage' && value !== null ? '%' : ''}`, String(figure.respondents)]);
    }
    rows.push(['samenwerkingscheck', themeName(row.theme), 'gemiddelde (1 tot 5)', '', '', '', '', row.period, number(row.alliance.average), row.alliance.answers === null ? 'te weinig om te tonen' : String(row.alliance.answers)]);
  }
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
