import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { contract, type ClientSessionResponse } from '@spreekkamer/shared';
import { OrganisationFilmPlayer } from '../../features/explainer/OrganisationFilmPlayer.js';
import { call } from '../../api/client.js';
import { explainerReturnPath, storyPanels } from '../../features/explainer/story.js';
import { StoryPanel } from '../../features/explainer/StoryPanel.js';
import '../../features/explainer/explainer.css';
import { ClientButton, ClientShell } from '../../components/client/index.js';
import { Pictogram } from '../../components/icons/Pictogram.js';
import { RequireClient } from './RequireClient.js';

/**
 * /klant/uitleg — the picture story, one panel per screen, before consent and before preparing.
 * Read-aloud (in the header) reads the panel on screen; "done" goes back where the client came from.
 */
export function ExplainerPage() {
  return <RequireClient>{(session) => <Explainer session={session} />}</RequireClient>;
}

function Explainer({ session }: { session: ClientSessionResponse }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const back = explainerReturnPath(params.get('terug'));
  const [index, setIndex] = useState(0);
  const panelHeading = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  const panel = storyPanels[index] ?? storyPanels[0];
  const last = index === storyPanels.length - 1;
  const film = useQuery({ queryKey: ['client', 'explainer-film'], queryFn: () => call(contract.explainer.clientFilm), retry: false });

  // Moving between panels: start reading (and the keyboard) at the new panel, as a new page would.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    panelHeading.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [index]);

  return (
    <ClientShell documentTitle={t('explainer.client.documentTitle')} organisationName={session.organisationName} progress={{ step: index + 1, total: storyPanels.length }}>
      <h1 tabIndex={-1}>{t('explainer.client.title')}</h1>
      {index === 0 ? <p>{t('explainer.client.intro')}</p> : null}
      {index === 0 && film.data?.film ? (
        <section aria-labelledby="organisation-film">
          <h2 id="organisation-film">{t('explainer.client.film', { organisation: session.organisationName })}</h2>
          <OrganisationFilmPlayer film={film.data.film} src="/api/client/explainer/film.mp4" title={t('explainer.client.film', { organisation: session.organisationName })} />
        </section>
      ) : null}
      <div ref={panelHeading} className="sk-story">
        <StoryPanel key={panel.id} panel={panel} headingLevel={2} />
      </div>
      <div className="sk-step__nav sk-client-spaced">
        {index > 0 ? (
          <ClientButton appearance="secondary" icon="arrowLeft" onClick={() => setIndex(index - 1)}>
            {t('clientKit.back')}
          </ClientButton>
        ) : null}
        {last ? (
          <Link className="sk-client-button sk-client-button--primary" to={back}>
            <Pictogram name="check" size={28} />
            <span>{t('explainer.client.done')}</span>
          </Link>
        ) : (
          <ClientButton icon="arrowRight" onClick={() => setIndex(index + 1)}>
            {t('clientKit.next')}
          </ClientButton>
        )}
      </div>
    </ClientShell>
  );
}
