import type { ServiceEntry } from '../../apps/gateway/src/registry';
import type { ConsoleToken } from './console-tokens';

/** What a newcomer needs after `npm start`: where things listen and how to call them. */
export function platformSummary(services: ServiceEntry[], localUrl: (s: ServiceEntry) => string, tokens: readonly ConsoleToken[] = []): string {
  const gateway = services.find((s) => s.name === 'gateway');
  const gatewayUrl = gateway ? localUrl(gateway) : '(no gateway in services.json)';
  const width = Math.max(7, ...services.map((s) => s.name.length));
  const rows = services.map(
    (s) => `  ${s.name.padEnd(width)}  ${String(s.port).padEnd(5)}  ${localUrl(s).padEnd(22)}  ${s.prefixes.join(' ')}`,
  );
  return [
    '',
    'The platform is up.',
    `  ${'service'.padEnd(width)}  ${'port'.padEnd(5)}  ${'url'.padEnd(22)}  routes (through the gateway)`,
    ...rows,
    '',
    `  Gateway:   ${gatewayUrl}`,
    `  Console:   ${gatewayUrl}/   (sign in with a development token below, or npm run token)`,
    `  API docs:  ${gatewayUrl}/docs`,
    `  Readiness: ${gatewayUrl}/health/ready`,
    '  Token:     npm run token -- --role physician   (roles: vendor, evaluator, physician, patient, operator,',
    '                                                   claims_processor, auditor, admin)',
    `  Try:       curl -H "Authorization: Bearer $(npm run -s token -- --role vendor)" ${gatewayUrl}/v1/devices`,
    '  Stop:      Ctrl-C',
    ...(tokens.length ? ['', '  Development tokens for the console (valid 8 hours):', ...tokens.map(({ role, token }) => `    ${role.padEnd(16)} ${token}`)] : []),
    '',
  ].join('\n');
}
