import { useTranslation } from 'react-i18next';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { useRecordingList } from './api.js';
import { Notices } from './Notices.js';
import { RecordingTable } from './RecordingTable.js';
import './recordings.css';

/** The professional's recordings on the home page, with quiet notices and a way in when there are none. */
export function RecordingsOverview() {
  const { t } = useTranslation();
  const list = useRecordingList();
  if (list.isPending || list.error) return <QueryStatus query={list} />;
  const { recordings, notices } = list.data;
  return (
    <div className="sk-recordings-overview">
      <Notices notices={notices} />
      {recordings.length === 0 ? (
        <>
          <Paragraph>{t('recordings.overview.empty')}</Paragraph>
          <Paragraph small>{t('recordings.overview.how')}</Paragraph>
        </>
      ) : (
        <RecordingTable recordings={recordings} caption={t('recordings.overview.caption')} />
      )}
    </div>
  );
}

/** One client's recordings and the notices about them (e.g. deleted after a withdrawal), from the same list the home page shows. */
export function ClientRecordings({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const list = useRecordingList();
  if (list.isPending || list.error) return <QueryStatus query={list} />;
  const recordings = list.data.recordings.filter((recording) => recording.clientId === clientId);
  const notices = list.data.notices.filter((notice) => notice.clientId === clientId);
  return (
    <>
      <Notices notices={notices} />
      {recordings.length === 0 ? <Paragraph>{t('recordings.overview.clientEmpty')}</Paragraph> : <RecordingTable recordings={recordings} caption={t('recordings.overview.clientTitle')} />}
    </>
  );
}
