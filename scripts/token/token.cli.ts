/**
 * `npm run token -- --role <role> ...`: a development token for any role of
 * API.md, signed with the platform's configured JWT_SECRET (validated like
 * every service's configuration), the patient's NIR turned into its pseudonym
 * under PSEUDONYM_SECRET.
 */
import { signDevToken } from '@app/auth';
import { DomainError } from '@app/contracts';
import { ConfigError, loadPlatformConfig } from '@app/service-kit';
import { parseTokenArgs, TOKEN_USAGE, UsageError } from './token-args';

// Prints only the token on stdout so `TOKEN=$(npm run -s token -- --role vendor)` works;
// everything meant for a person goes to stderr.
function main(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${TOKEN_USAGE}\n`);
    return 0;
  }
  try {
    const request = parseTokenArgs(argv);
    const config = loadPlatformConfig(process.env, { defaultPort: 3000 });
    if (config.JWT_PUBLIC_KEY || config.JWT_JWKS_URL) {
      console.error('warning: JWT_PUBLIC_KEY or JWT_JWKS_URL is set; services will refuse this HS256 token');
    }
    const token = signDevToken({ ...request, secret: config.JWT_SECRET, pseudonymSecret: config.PSEUDONYM_SECRET });
    process.stdout.write(`${token}\n`);
    return 0;
  } catch (error: unknown) {
    if (error instanceof UsageError || error instanceof DomainError || error instanceof ConfigError) {
      console.error(`token: ${error.message}\n\n${TOKEN_USAGE}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
