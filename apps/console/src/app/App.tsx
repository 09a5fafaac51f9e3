import { Navigate, Route, Routes } from 'react-router-dom';
import { isConsoleRole } from '../auth/claims';
import { OIDC_CALLBACK_PATH } from '../auth/oidc';
import { OidcCallback } from '../auth/OidcCallback';
import { useSession } from '../auth/session';
import { SignInPage } from '../auth/SignInPage';
import { ROLE_CONSOLES } from '../roles/role-consoles';
import { Layout } from './Layout';

/**
 * Signed out: the sign-in page. Signed in: the role's console under
 * `/<base>/*`; `/` leads there. A role has only its own screens: another
 * role's path leads home (the API would refuse its calls anyway).
 */
export function App() {
  const { session } = useSession();
  const role = session && isConsoleRole(session.claims.role) ? session.claims.role : undefined;
  if (!session || !role) {
    return (
      <Layout>
        <Routes>
          <Route path={OIDC_CALLBACK_PATH} element={<OidcCallback />} />
          <Route path="*" element={<SignInPage />} />
        </Routes>
      </Layout>
    );
  }
  const roleConsole = ROLE_CONSOLES[role];
  return (
    <Layout console={roleConsole}>
      <Routes>
        <Route path={`/${roleConsole.base}/*`} element={<roleConsole.Screens />} />
        <Route path="*" element={<Navigate to={`/${roleConsole.base}`} replace />} />
      </Routes>
    </Layout>
  );
}
