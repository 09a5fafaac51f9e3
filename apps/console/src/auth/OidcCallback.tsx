import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Busy } from '../components/Busy';
import { ErrorAlert } from '../components/ErrorAlert';
import { loadConsoleConfig } from './console-config';
import { oidcManager } from './oidc';
import { useSession } from './session';

/** Where the OIDC provider sends the browser back: the code is exchanged, and its access token becomes the session's. */
export function OidcCallback() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    void (async () => {
      try {
        const config = await loadConsoleConfig();
        if (!config.auth.oidc) throw new Error(t('signIn.noMethod'));
        const user = await oidcManager(config.auth.oidc).signinRedirectCallback();
        if (!signIn(user.access_token)) throw new Error(t('signIn.invalidToken'));
        navigate('/', { replace: true });
      } catch (caught) {
        setError(caught);
      }
    })();
  }, [navigate, signIn, t]);
  return error ? <ErrorAlert error={error} /> : <Busy label={t('signIn.callback')} />;
}
