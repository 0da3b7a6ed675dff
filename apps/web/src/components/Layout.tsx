import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Button } from '@utrecht/button-react';
import { contract, hasPermission, type Permission, type SessionResponse } from '@spreekkamer/shared';
import { forgetEverything, useSession } from '../features/auth/session.js';
import type { TranslationKey } from '../i18n/keys.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { NotificationBell } from '../features/notifications/NotificationBell.js';
import { call } from '../api/client.js';

interface NavItem {
  to: string;
  label: TranslationKey;
  permission: Permission;
}

const navItems: readonly NavItem[] = [
  { to: '/', label: 'nav.home', permission: 'account.self' },
  { to: '/clienten', label: 'clients.nav', permission: 'clients.own' },
  { to: '/leren', label: 'learning.nav', permission: 'learning.own' },
  { to: '/leeragenda', label: 'teamAgenda.nav', permission: 'agenda.team' },
  { to: '/gedeeld', label: 'reviews.nav.received', permission: 'shares.received' },
  { to: '/intervisie', label: 'reviews.nav.groups', permission: 'shares.received' },
  { to: '/kijk-met-ons-mee', label: 'reviews.policy.nav', permission: 'shares.policy' },
  { to: '/inzicht/teams', label: 'insight.navTeams', permission: 'insight.team' },
  { to: '/inzicht/organisatie', label: 'insight.navOrganisation', permission: 'insight.organisation' },
  { to: '/signalen', label: 'signals.nav', permission: 'signals.send' },
  { to: '/signalen/ontvangen', label: 'signals.navInbox', permission: 'signals.receive' },
  { to: '/kar', label: 'kar.nav.canvases', permission: 'kar.canvas' },
  { to: '/klanttevredenheid', label: 'kar.nav.survey', permission: 'survey.view' },
  { to: '/uitleg/opname', label: 'explainer.staff.menu', permission: 'recordings.own' },
  { to: '/beheer/gebruikers', label: 'nav.users', permission: 'admin.users' },
  { to: '/beheer/teams', label: 'nav.teams', permission: 'admin.teams' },
  { to: '/beheer/instellingen', label: 'nav.settings', permission: 'admin.settings' },
  { to: '/beheer/kijkwijzer', label: 'reviews.nav.guide', permission: 'admin.settings' },
  { to: '/beheer/logboek', label: 'nav.audit', permission: 'admin.audit' },
  { to: '/beheer/verwerkingsregister', label: 'register.nav', permission: 'admin.settings' },
  { to: '/account', label: 'nav.account', permission: 'account.self' },
];

/** Moves focus to the new page's h1 after client-side navigation, as a full page load would reset it. */
function useFocusOnNavigation(): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = document.getElementById('main');
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      heading?.focus();
      return heading !== null;
    };
    if (!focusHeading()) main?.focus();
    if (!main) return;
    // A page that loads first (e.g. home right after log-in) swaps its heading when the data is
    // there; the focused node disappears and focus would fall to the body. Follow the new heading
    // for a few seconds, unless the person has moved focus somewhere themselves.
    const observer = new MutationObserver(() => {
      const active = document.activeElement;
      if (active === null || active === document.body || active === main) focusHeading();
    });
    observer.observe(main, { childList: true, subtree: true });
    const stop = window.setTimeout(() => observer.disconnect(), 5000);
    return () => {
      observer.disconnect();
      window.clearTimeout(stop);
    };
  }, [pathname]);
}

export function Layout() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  useFocusOnNavigation();

  return (
    <div className="utrecht-page-layout sk-layout">
      <a className="utrecht-skip-link sk-skip-link" href="#main">
        {t('layout.skipLink')}
      </a>
      <header className="utrecht-page-header sk-header">
        <div className="utrecht-page-header__content sk-header__content">
          <RouterLink to="/" className="sk-brand">
            <svg aria-hidden="true" viewBox="0 0 32 32" width="32" height="32" className="sk-brand__logo">
              <rect width="32" height="32" rx="7" fill="currentColor" />
              <path
                d="M8 10.5A3.5 3.5 0 0 1 11.5 7h9A3.5 3.5 0 0 1 24 10.5v6a3.5 3.5 0 0 1-3.5 3.5H15l-5 4.5V20.1A3.5 3.5 0 0 1 8 16.5z"
                className="sk-brand__bubble"
              />
            </svg>
            <span className="sk-brand__text">
              <span className="sk-brand__name">{t('app.name')}</span>
              {session ? <span className="sk-brand__organisation">{session.organisation.name}</span> : null}
            </span>
          </RouterLink>
          <div className="sk-header__tools">
            {session && !session.mustSetUpTotp ? <NotificationBell /> : null}
            <LanguageSwitch />
          </div>
        </div>
      </header>
      {session ? <MainNav session={session} /> : null}
      <main id="main" tabIndex={-1} className="utrecht-page-body sk-main">
        <div className="utrecht-page-body__content sk-main__content">
          <Outlet />
        </div>
      </main>
      <footer className="utrecht-page-footer sk-footer">
        <div className="utrecht-page-footer__content sk-footer__content">{t('layout.footer')}</div>
      </footer>
    </div>
  );
}

function MainNav({ session }: { session: SessionResponse }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // The phone menu stays open only on the page where it was opened, so navigating closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const listId = useId();

  const logOut = useMutation({
    // One log-out for both ways in: after single sign-on the browser goes on to the provider's log-out page.
    mutationFn: () => call(contract.sso.logout),
    // Even if the server call fails, this browser forgets the person.
    onSettled: async (result) => {
      forgetEverything(queryClient);
      if (result?.redirectTo) {
        window.location.assign(result.redirectTo);
        return;
      }
      await navigate('/inloggen');
    },
  });

  const items = session.mustSetUpTotp
    ? []
    : navItems.filter((item) => hasPermission(session.user.roles, item.permission));

  return (
    <nav className="utrecht-nav-bar sk-nav" aria-label={t('nav.label')}>
      <div className="utrecht-nav-bar__content sk-nav__content">
        {items.length > 0 ? (
          <Button
            appearance="subtle-button"
            className="sk-nav__toggle"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpenOn(open ? null : pathname)}
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" className="sk-icon">
              <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
            {t('nav.menu')}
          </Button>
        ) : null}
        <ul id={listId} className={`utrecht-nav-list sk-nav__list${open ? ' sk-nav__list--open' : ''}`}>
          {items.map((item) => (
            <li key={item.to} className="utrecht-nav-list__item">
              <NavLink to={item.to} end className="utrecht-nav-list__link sk-nav__link">
                {t(item.label)}
              </NavLink>
            </li>
          ))}
        </ul>
        <div className="sk-nav__user">
          <span className="sk-nav__name">{session.user.name}</span>
          <Button appearance="secondary-action-button" busy={logOut.isPending} onClick={() => logOut.mutate()}>
            {t('nav.logOut')}
          </Button>
        </div>
      </div>
    </nav>
  );
}
