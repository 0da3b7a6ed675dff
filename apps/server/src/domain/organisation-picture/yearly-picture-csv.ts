import { themeCards, type InsightFigure, type SurveyTheme, type YearlyPicture } from '@spreekkamer/shared';
import { csvCell } from '../reviews/review-export.js';

const figureNames: Readonly<Record<string, string>> = {
  roundsTaken: 'leerrondes begonnen',
  roundsCompleted: 'leerrondes met een volgende stap',
  recordingsMade: 'opnames gemaakt',
  feedbackHeld: 'samenleergesprekken gehouden',
  allianceChecks: 'samenwerkingschecks',
  questionThemes: 'thema’s van leervragen',
  agendaItems: 'punten op de leeragenda',
  agendaThemes: 'thema’s van de leeragenda',
  signalsSent: 'signalen verstuurd',
  signalThemes: 'signalen per thema',
  signalKinds: 'wat knelt, wat werkt',
  signalStatuses: 'wat er met signalen gebeurde',
  allianceResults: 'samenwerkingscheck, gemiddelde (1 tot 5)',
};

function themeName(theme: SurveyTheme): string {
  return theme === 'overall' ? 'Alles bij elkaar' : (themeCards.find((card) => card.id === theme)?.title.nl ?? theme);
}

/** Column names in Dutch: theme cards, a signal's kind and status; months and learning themes stay as they are. */
const columnNames: Readonly<Record<string, string>> = {
  ...Object.fromEntries(themeCards.map((card) => [card.id, card.title.nl])),
  none: 'zonder thema',
  total: 'totaal',
  knelt: 'knelt',
  werkt: 'werkt',
  received: 'ontvangen',
  in_progress: 'in behandeling',
  answered: 'beantwoord',
  adopted: 'opgepakt',
  not_adopted: 'niet aangepast',
};

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
  const months = picture.insight?.months ?? [];
  const wholePeriod = months.length > 0 ? `${months[0]} tot ${months.at(-1)}` : '';
  const figureRows = (part: string, figures: readonly InsightFigure[]) => {
    for (const figure of figures) {
      const name = figureNames[figure.id] ?? figure.id;
      for (const row of figure.rows) {
        row.cells.forEach((cell, index) => {
          const column = figure.columns[index] ?? '';
          // monthly: a column per month; themes: a column per theme over the whole period; scores: a row per month, a column per question.
          const period = figure.kind === 'monthly' ? column : figure.kind === 'scores' ? row.id : wholePeriod;
          const title = figure.kind === 'monthly' ? name : `${name}: ${columnNames[column] ?? column}`;
          rows.push([part, figure.kind === 'scores' ? 'organisatie' : row.name, title, '', '', '', '', period, number(cell), '']);
        });
      }
    }
  };
  figureRows('leerroutine', picture.insight?.figures ?? []);
  figureRows('leeragenda', picture.agenda.figures);
  figureRows('signalen', picture.signals.figures);
  for (const answer of picture.signals.answers) {
    const about = [answer.groupName, answer.kind ? columnNames[answer.kind] : null, answer.theme ? columnNames[answer.theme] : null].filter((part) => part !== null && part !== undefined).join(', ');
    rows.push(['antwoord op signalen', columnNames[answer.status] ?? answer.status, about, '', '', '', '', answer.month, answer.answer, answer.signals === null ? 'te weinig om te tonen' : String(answer.signals)]);
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
