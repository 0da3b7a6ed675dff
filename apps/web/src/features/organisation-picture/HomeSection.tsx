import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Links.js';
import { Paragraph } from '../../components/Paragraph.js';
import { picturePaths } from './api.js';

/** On the home page of a team lead or policy advisor: the way to the KAR canvases and to the survey. */
export function OrganisationPictureHomeSection() {
  const { t } = useTranslation();
  return (
    <>
      <Paragraph>{t('kar.home.text')}</Paragraph>
      <ul>
        <li>
          <Link to={picturePaths.canvases}>{t('kar.home.toCanvases')}</Link>
        </li>
        <li>
          <Link to={picturePaths.survey}>{t('kar.home.toSurvey')}</Link>
        </li>
      </ul>
    </>
  );
}
