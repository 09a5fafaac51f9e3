import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { Page } from '../components/Page';
import { isConsoleRole, isExpired } from './claims';
import { loadConsoleConfig } from './console-config';
import { oidcManager } from './oidc';
import { useSession } from './session';

/**
 * Signing in, as the gateway allows here: a development token pasted (those
 * `npm start` prints per role, or `npm run token`), and/or the configured
 * OpenID Connect provider. The token is only read, not verified: the API
 * verifies it on every call.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const config = useQuery({ queryKey: ['console-config'], queryFn: loadConsoleConfig, staleTime: Infinity });
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const session = signIn(token);
    if (!session) return setProblem(t('signIn.invalidToken'));
    if (isExpired(session.claims, Date.now())) return setProblem(t('signIn.expiredToken'));
    if (!isConsoleRole(session.claims.role)) return setProblem(t('signIn.noConsole', { role: session.claims.role }));
    navigate('/', { replace: true });
  };

  const auth = config.data?.auth;
  return (
    <Page title={t('signIn.title')}>
      <p>{t('signIn.intro')}</p>
      {config.isPending && <Busy />}
      {config.error && <ErrorAlert error={config.error} />}
      {auth?.oidc && (
        <p>
          <button type="button" className="primary" onClick={() => void oidcManager(auth.oidc!).signinRedirect()}>
            {t('signIn.oidc')}
          </button>
        </p>
      )}
      {auth?.developmentTokens && (
        <form onSubmit={submit} className="form" noValidate>
          <div className="field">
            <label htmlFor="dev-token">{t('signIn.devToken')}</label>
            <textarea
              id="dev-token"
              rows={4}
              value={token}
              onChange={(event) => setToken(event.target.value)}
              aria-describedby="dev-token-help"
              aria-invalid={problem ? true : undefined}
              spellCheck={false}
              autoComplete="off"
            />
            <p id="dev-token-help" className="field-hint">
              {t('signIn.devTokenHelp')}
            </p>
          </div>
          {problem && (
            <p role="alert" className="field-error">
              {problem}
            </p>
          )}
          <button type="submit" className="primary">
            {t('signIn.submit')}
          </button>
        </form>
      )}
      {auth && !auth.oidc && !auth.developmentTokens && <p role="alert">{t('signIn.noMethod')}</p>}
    </Page>
  );
}
