import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

export interface Crumb {
  to: string;
  label: string;
}

/**
 * NL Design System breadcrumb navigation: a labelled nav with an ordered list; the last item is
 * the current page (aria-current), not a link.
 */
export function Breadcrumbs({ items, current }: { items: readonly Crumb[]; current: string }) {
  const { t } = useTranslation();
  return (
    <nav className="utrecht-breadcrumb-nav sk-breadcrumbs" aria-label={t('breadcrumbs.label')}>
      <ol className="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
        {items.map((item, index) => (
          <li key={`${item.to}-${index}`} className="utrecht-breadcrumb-nav__item">
            <RouterLink to={item.to} className={`utrecht-breadcrumb-nav__link${index === 0 ? ' utrecht-breadcrumb-nav__link--first' : ''}`}>
              {item.label}
            </RouterLink>
          </li>
        ))}
        <li className="utrecht-breadcrumb-nav__item">
          <span className="utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current" aria-current="page">
            {current}
          </span>
        </li>
      </ol>
    </nav>
  );
}
