import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { decode } from 'jsonwebtoken';
import { DEV_JWT_SECRET, JwtVerifier } from '@app/auth';

const ROOT = join(__dirname, '../..');
const runCli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/token/token.cli.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, JWT_SECRET: '', JWT_PUBLIC_KEY: '', JWT_JWKS_URL: '', PSEUDONYM_SECRET: '', ...env },
  });

describe('npm run token', () => {
  it('prints only a token the platform accepts', async () => {
    const result = runCli(['--role', 'vendor', '--ttl', '1h']);
    expect(result.status).toBe(0);
    const token = result.stdout.trim();
    expect(token.split('.')).toHaveLength(3);
    const verifier = new JwtVerifier({ jwtSecret: DEV_JWT_SECRET, clockToleranceSeconds: 0 });
    await expect(verifier.verify(token)).resolves.toMatchObject({ role: 'vendor', org: '12345678200010' });
  });

  it('signs with JWT_SECRET and never prints the NIR of a patient', () => {
    const result = runCli(['--role', 'patient', '--nir', '2 69 05 49 588 157 80'], { JWT_SECRET: 'a-secret-set-by-env-1234' });
    expect(result.status).toBe(0);
    const token = result.stdout.trim();
    expect(decode(token)).toMatchObject({ role: 'patient', pseudonym: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(Buffer.from(token.split('.')[1], 'base64url').toString() + result.stderr).not.toContain('269054958815780');
    const wrongSecret = new JwtVerifier({ jwtSecret: DEV_JWT_SECRET, clockToleranceSeconds: 0 });
    return expect(wrongSecret.verify(token)).rejects.toMatchObject({ message: 'invalid token: invalid signature' });
  });

  it('exits 2 with a message on bad arguments', () => {
    const result = runCli(['--role', 'superuser']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/unknown role superuser/);
    const badNir = runCli(['--role', 'patient', '--nir', '184037512345691']);
    expect(badNir.status).toBe(2);
    expect(badNir.stderr).toMatch(/--nir: NIR key/);
  });
});
