import { useTranslation } from 'react-i18next';
import type { RecordingSummary } from '@spreekkamer/shared';
import { Link } from '../../components/Links.js';
import { RecordingActions } from '../reviews/ReviewRoomLink.js';
import { formatDateTime, formatDay } from '../../lib/format.js';
import { StatusBadge, type BadgeStatus } from '../../components/StatusBadge.js';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.js';
import { formatClock, percent } from './format.js';

const badge: Record<RecordingSummary['status'], BadgeStatus> = {
  uploading: 'warning',
  processing: 'warning',
  ready: 'success',
  failed: 'danger',
  deleted: 'inactive',
};

/** A list of recordings; each row links to the recording's page. */
export function RecordingTable({ recordings, caption }: { recordings: readonly RecordingSummary[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const columns = {
    conversation: t('recordings.list.conversation'),
    kind: t('recordings.list.kind'),
    duration: t('recordings.list.duration'),
    status: t('recordings.list.status'),
    until: t('recordings.list.until'),
    actions: t('recordings.list.actions'),
  };
  return (
    <Table className="sk-recording-table">
      <caption className="sk-visually-hidden">{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{columns.conversation}</TableHeaderCell>
          <TableHeaderCell>{columns.kind}</TableHeaderCell>
          <TableHeaderCell>{columns.duration}</TableHeaderCell>
          <TableHeaderCell>{columns.status}</TableHeaderCell>
          <TableHeaderCell>{columns.until}</TableHeaderCell>
          <TableHeaderCell>{columns.actions}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {recordings.map((recording) => (
          <TableRow key={recording.id}>
            <TableCell label={columns.conversation}>
              {recording.status === 'deleted' ? (
                <span>{t('recordings.list.name', { client: recording.clientPseudonym, date: formatDay(recording.conversationHeldOn, locale) })}</span>
              ) : (
                <Link to={`/opnames/${recording.id}`}>
                  {t('recordings.list.name', { client: recording.clientPseudonym, date: formatDay(recording.conversationHeldOn, locale) })}
                </Link>
              )}
              <span className="sk-muted">{t('recordings.list.made', { at: formatDateTime(recording.createdAt, locale) })}</span>
            </TableCell>
            <TableCell label={columns.kind}>{t(`recordings.kind.${recording.kind}`)}</TableCell>
            <TableCell label={columns.duration}>{recording.durationSeconds === null ? '–' : formatClock(recording.durationSeconds)}</TableCell>
            <TableCell label={columns.status}>
              <StatusBadge status={badge[recording.status]}>{t(`recordings.status.${recording.status}`)}</StatusBadge>
              {recording.status === 'uploading' || recording.status === 'processing' ? (
                <span className="sk-muted">{percent(recording.progress)}%</span>
              ) : null}
            </TableCell>
            <TableCell label={columns.until}>
              {recording.retentionEndsAt ? formatDay(recording.retentionEndsAt, locale) : '–'}
            </TableCell>
            <TableCell label={columns.actions} className="sk-cell--actions">
              {recording.status === 'ready' ? <RecordingActions recording={recording} compact /> : '–'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
