import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '@utrecht/button-react';
import { hasPermission } from '@spreekkamer/shared';
import { Link } from '../../components/Links.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { MutationError, QueryStatus } from '../../components/QueryState.js';
import { formatDay } from '../../lib/format.js';
import { useSession } from '../auth/session.js';
import { picturePaths, useCanvases, useStartCanvas } from './api.js';
import './organisation-picture.css';

/** /kar: the KAR canvases of one's teams and, for policy advisors and managers, the organisation. */
export function KarListPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const list = useCanvases();
  const start = useStartCanvas();
  const year = list.data?.year ?? new Date().getFullYear();
  const open = list.data ? list.data.places.filter((place) => !list.data.canvases.some((c) => c.year === year && c.teamId === place.teamId)) : [];
  return (
    <Page title={t('kar.list.title')} intro={t('kar.list.intro')}>
      <QueryStatus query={list} loadingLabel={t('kar.list.loading')} />
      {list.data ? (
        <>
          <Section id="kar-canvases" title={t('kar.list.canvases')}>
            {list.data.canvases.length === 0 ? <Paragraph>{t('kar.list.none')}</Paragraph> : null}
            <ul className="sk-picture__list">
              {list.data.canvases.map((canvas) => (
                <li key={canvas.id}>
                  <Link to={picturePaths.canvas(canvas.id)}>{t('kar.list.canvasName', { name: canvas.name, year: canvas.year })}</Link>{' '}
                  <span className="sk-picture__count">{t('kar.list.updated', { date: formatDay(canvas.updatedAt, i18n.language) })}</span>
                  {' · '}
                  <Link to={picturePaths.picture(canvas.id)}>{t('kar.picture.short')}</Link>
                </li>
              ))}
            </ul>
          </Section>
          {open.length > 0 ? (
            <Section id="kar-start" title={t('kar.list.startTitle', { year })}>
              <Paragraph>{t('kar.list.startText')}</Paragraph>
              <div className="sk-actions">
                {open.map((place) => (
                  <Button
                    key={place.teamId ?? 'organisation'}
                    appearance="secondary-action-button"
                    disabled={start.isPending}
                    onClick={() => start.mutate({ teamId: place.teamId, year }, { onSuccess: (canvas) => void navigate(picturePaths.canvas(canvas.id)) })}
                  >
                    {t('kar.list.start', { name: place.name, year })}
                  </Button>
                ))}
              </div>
              <MutationError error={start.error} />
            </Section>
          ) : null}
          {list.data.places.length === 0 ? <Paragraph>{t('kar.list.noPlaces')}</Paragraph> : null}
        </>
      ) : null}
      {session && hasPermission(session.user.roles, 'survey.view') ? (
        <Paragraph>
          <Link to={picturePaths.survey}>{t('kar.survey.toPage')}</Link>
        </Paragraph>
      ) : null}
    </Page>
  );
}
