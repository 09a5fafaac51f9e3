import { DomainError } from '@app/contracts';
import { DEV_JWT_SECRET, DEV_PSEUDONYM_SECRET } from '../dev-secrets';
import { signDevToken } from '../dev-token';
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
    if (process.env.JWT_PUBLIC_KEY || process.env.JWT_JWKS_URL) {
      console.error('warning: JWT_PUBLIC_KEY or JWT_JWKS_URL is set; services will refuse this HS256 token');
    }
    const token = signDevToken({
      ...request,
      secret: process.env.JWT_SECRET || DEV_JWT_SECRET,
      pseudonymSecret: process.env.PSEUDONYM_SECRET || DEV_PSEUDONYM_SECRET,
    });
    process.stdout.write(`${token}\n`);
    return 0;
  } catch (error: unknown) {
    if (error instanceof UsageError || error instanceof DomainError) {
      console.error(`token: ${error.message}\n\n${TOKEN_USAGE}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
