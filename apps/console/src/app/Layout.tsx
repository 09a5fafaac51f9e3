import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { useSession } from '../auth/session';
import { LANGUAGES, type Language } from '../format/locale';
import { changeLanguage } from '../i18n/i18n';
import { useLanguage } from '../i18n/use-language';
import type { RoleConsole } from '../roles/role-console';

/** The frame of every screen: a skip link, the banner (who is signed in, language, sign out), the role's navigation, the content. */
export function Layout({ console: roleConsole, children }: { console?: RoleConsole; children: ReactNode }) {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const language = useLanguage();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="banner">
        <p className="app-name">{t('appName')}</p>
        <div className="banner-tools">
          <label>
            {t('language')}{' '}
            <select value={language} onChange={(event) => changeLanguage(event.target.value as Language)}>
              {LANGUAGES.map((lang) => (
                <option key={lang} value={lang}>
                  {lang === 'fr' ? 'Français' : 'English'}
                </option>
              ))}
            </select>
          </label>
          {session && (
            <>
              <span>{t('signedInAs', { who: session.claims.sub, role: t(`roles.${session.claims.role}`, { defaultValue: session.claims.role }) })}</span>
              <button type="button" onClick={signOut}>
                {t('signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      {roleConsole && (
        <nav className="role-nav" aria-label={t('mainNavigation')}>
          <ul>
            {roleConsole.nav.map((item) => (
              <li key={item.to}>
                <NavLink to={`/${roleConsole.base}${item.to ? `/${item.to}` : ''}`} end={item.to === ''}>
                  {t(item.labelKey, { ns: roleConsole.namespace })}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
