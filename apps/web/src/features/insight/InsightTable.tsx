import { useTranslation } from 'react-i18next';
import { allianceItems, localize, type InsightFigure } from '@spreekkamer/shared';
import { Table, TableBody, TableCaption, TableCell, TableHeaderRow, TableRow } from '../../components/Table.js';
import { InsightValue } from './HiddenValue.js';
import { categoryName, monthName } from './model.js';

/**
 * The figure as a table: the truth the chart above it draws. Months run down the rows (twelve rows
 * stack well on a phone); the columns are the teams and the organisation, the themes, or the
 * questions of the alliance check.
 */
export function InsightTable({ figure, caption }: { figure: InsightFigure; caption: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const questionName = (id: string) => {
    const item = allianceItems.find((candidate) => candidate.id === id);
    return item ? localize(item.short, language) : id;
  };

  if (figure.kind === 'monthly') {
    const columns = [t('insight.month'), ...figure.rows.map((row) => row.name)];
    return (
      <Table>
        <TableCaption>{caption}</TableCaption>
        <TableHeaderRow columns={columns} />
        <TableBody>
          {figure.columns.map((month, c) => (
            <TableRow key={month}>
              <TableCell label={t('insight.month')}>{monthName(month, language)}</TableCell>
              {figure.rows.map((row) => (
                <TableCell key={row.id} label={row.name}>
                  <InsightValue value={row.cells[c]} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }

  const columnName = (column: string): string => (figure.kind === 'themes' ? categoryName(column, language, (key) => t(key)) : questionName(column));
  const first = figure.kind === 'themes' ? t('insight.group') : t('insight.month');
  const columns = [first, ...figure.columns.map(columnName)];
  return (
    <Table>
      <TableCaption>{caption}</TableCaption>
      <TableHeaderRow columns={columns} />
      <TableBody>
        {figure.rows.map((row) => (
          <TableRow key={row.id}>
            <TableCell label={first}>{figure.kind === 'scores' ? monthName(row.name, language) : row.name}</TableCell>
            {figure.columns.map((column, c) => (
              <TableCell key={column} label={columnName(column)}>
                <InsightValue value={row.cells[c]} />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
