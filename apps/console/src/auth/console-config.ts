/** The gateway's `/console/config.json`: how one signs in here (development tokens, an OIDC provider, or both). */
export interface ConsoleConfig {
  auth: {
    developmentTokens: boolean;
    oidc?: { authority: string; clientId: string; scope: string };
  };
}

export async function loadConsoleConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/console/config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`/console/config.json answered ${response.status}`);
  return (await response.json()) as ConsoleConfig;
}
