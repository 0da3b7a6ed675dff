import { useTranslation } from 'react-i18next';
import type { RecordingView } from '@spreekkamer/shared';
import { Paragraph } from '../../components/Paragraph.js';
import { formatDateTime } from '../../lib/format.js';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.js';
import { formatClock } from './format.js';

/** "Who watched what, when": every playback of this recording, newest first. */
export function ViewsTable({ views }: { views: readonly RecordingView[] }) {
  const { t, i18n } = useTranslation();
  if (views.length === 0) return <Paragraph>{t('recordings.views.none')}</Paragraph>;
  const columns = {
    who: t('recordings.views.who'),
    as: t('recordings.views.as'),
    what: t('recordings.views.what'),
    when: t('recordings.views.when'),
  };
  const sorted = [...views].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <Table className="sk-views-table">
      <caption className="utrecht-table__caption sk-visually-hidden">{t('recordings.views.caption')}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{columns.who}</TableHeaderCell>
          <TableHeaderCell>{columns.as}</TableHeaderCell>
          <TableHeaderCell>{columns.what}</TableHeaderCell>
          <TableHeaderCell>{columns.when}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {sorted.map((view, index) => (
          <TableRow key={`${view.at}-${index}`}>
            <TableCell label={columns.who}>{view.viewerName}</TableCell>
            <TableCell label={columns.as}>{t(`recordings.views.role.${view.role}`)}</TableCell>
            <TableCell label={columns.what}>
              {view.momentRange
                ? t('recordings.views.moment', { from: formatClock(view.momentRange[0]), to: formatClock(view.momentRange[1]) })
                : t('recordings.views.whole')}
            </TableCell>
            <TableCell label={columns.when}>
              <time dateTime={view.at}>{formatDateTime(view.at, i18n.language)}</time>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
