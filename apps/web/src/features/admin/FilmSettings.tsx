import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { contract } from '@spreekkamer/shared';
import { call, callWithFile } from '../../api/client.js';
import { Alert } from '../../components/Alert.js';
import { Heading } from '../../components/Heading.js';
import { Paragraph } from '../../components/Paragraph.js';
import { useErrorText } from '../../components/errors.js';
import { OrganisationFilmPlayer } from '../explainer/OrganisationFilmPlayer.js';

const filmKey = ['explainer', 'film'] as const;

/** The administrator adds, replaces or removes the organisation's own explainer film. */
export function FilmSettings() {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const film = useQuery({ queryKey: filmKey, queryFn: () => call(contract.explainer.film) });
  const [file, setFile] = useState<File | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => callWithFile(contract.explainer.uploadFilm, chosen, 'video/mp4'),
    onSuccess: async () => {
      setNotice(t('explainer.film.ready'));
      await queryClient.invalidateQueries({ queryKey: filmKey });
    },
  });
  const remove = useMutation({
    mutationFn: () => call(contract.explainer.removeFilm),
    onSuccess: async () => {
      setNotice(t('explainer.film.removed'));
      await queryClient.invalidateQueries({ queryKey: filmKey });
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    if (file) upload.mutate(file);
  }
  const error = upload.error ?? remove.error;
  return (
    <section aria-labelledby={`${id}-title`}>
      <Heading level={2} id={`${id}-title`}>
        {t('explainer.film.title')}
      </Heading>
      <Paragraph>{t('explainer.film.help')}</Paragraph>
      {film.data?.film ? <OrganisationFilmPlayer film={film.data.film} src="/api/explainer/film.mp4" title={t('explainer.film.watch')} /> : <Paragraph>{t('explainer.film.none')}</Paragraph>}
      <form className="sk-form" noValidate onSubmit={submit}>
        <label htmlFor={`${id}-file`}>{t('explainer.film.choose')}</label>
        <input id={`${id}-file`} type="file" accept="video/mp4,.mp4" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        <div className="sk-actions">
          <Button type="submit" appearance="primary-action-button" disabled={!file || upload.isPending}>
            {upload.isPending ? t('explainer.film.uploading') : t('explainer.film.upload')}
          </Button>
          {film.data?.film ? (
            <Button type="button" appearance="secondary-action-button" disabled={remove.isPending} onClick={() => remove.mutate()}>
              {t('explainer.film.remove')}
            </Button>
          ) : null}
        </div>
      </form>
      {error ? (
        <Alert type="error" role="alert">
          <Paragraph>{errorText(error)}</Paragraph>
        </Alert>
      ) : null}
      {notice ? <p role="status">{notice}</p> : null}
    </section>
  );
}
