import { useTranslation } from 'react-i18next';
import type { OrganisationFilm } from '@spreekkamer/shared';

export interface OrganisationFilmPlayerProps {
  film: OrganisationFilm;
  /** /api/explainer/film.mp4 for staff, /api/client/explainer/film.mp4 for clients. */
  src: string;
  title: string;
}

/**
 * The organisation's own explainer film, the same player on the professional's and the client's
 * explainer: the browser's own controls (keyboard and screen readers know them), no download
 * offered. The uploaded time keeps a replaced film from coming out of the browser cache.
 */
export function OrganisationFilmPlayer({ film, src, title }: OrganisationFilmPlayerProps) {
  const { t } = useTranslation();
  return (
    <figure className="sk-organisation-film">
      <video className="sk-organisation-film__video" src={`${src}?v=${encodeURIComponent(film.uploadedAt)}`} controls preload="metadata" controlsList="nodownload" aria-label={title} />
      <figcaption>{t('explainer.client.filmLength', { minutes: Math.max(1, Math.round(film.durationSeconds / 60)) })}</figcaption>
    </figure>
  );
}
