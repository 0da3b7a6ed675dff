import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Pictogram } from '../../components/icons/Pictogram.js';
import { clientExplainerLink } from './story.js';

/** "Eerst uitleg bekijken": the picture story, then back to `returnTo` (a client page). */
export function ExplainerLink({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  return (
    <Link className="sk-client-button sk-client-button--secondary" to={clientExplainerLink(returnTo)}>
      <Pictogram name="eye" size={28} />
      <span>{t('explainer.client.open')}</span>
    </Link>
  );
}
