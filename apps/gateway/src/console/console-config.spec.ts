import { consoleConfig, consoleConnectSources } from './console-config';

const base = { NODE_ENV: 'development' as const, CONSOLE_OIDC_SCOPE: 'openid profile', CONSOLE_OIDC_AUTHORITY: undefined, CONSOLE_OIDC_CLIENT_ID: undefined };

describe('consoleConfig', () => {
  it('offers development tokens outside production, and no OIDC unless configured', () => {
    expect(consoleConfig(base)).toEqual({ auth: { developmentTokens: true } });
    expect(consoleConnectSources(consoleConfig(base))).toEqual(["'self'"]);
  });

  it('offers only the configured OIDC provider in production', () => {
    const config = consoleConfig({ ...base, NODE_ENV: 'production' as const, CONSOLE_OIDC_AUTHORITY: 'https://login.example.org/realms/health', CONSOLE_OIDC_CLIENT_ID: 'console' });
    expect(config).toEqual({
      auth: { developmentTokens: false, oidc: { authority: 'https://login.example.org/realms/health', clientId: 'console', scope: 'openid profile' } },
    });
    expect(consoleConnectSources(config)).toEqual(["'self'", 'https://login.example.org']);
  });

  it('offers no OIDC sign-in with an authority but no client id', () => {
    expect(consoleConfig({ ...base, CONSOLE_OIDC_AUTHORITY: 'https://login.example.org' }).auth.oidc).toBeUndefined();
  });
});
