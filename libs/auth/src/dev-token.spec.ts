import { ROLES } from '@app/contracts';
import { patientPseudonym } from '@app/fr-health';
import { decode } from 'jsonwebtoken';
import { DEV_JWT_SECRET, DEV_PSEUDONYM_SECRET } from './dev-secrets';
import { DEV_DEFAULT_CLAIMS, DEV_SUBJECTS, signDevToken } from './dev-token';
import { JwtVerifier } from './jwt-verifier.service';

const verifier = new JwtVerifier({ jwtSecret: DEV_JWT_SECRET, clockToleranceSeconds: 0 });

describe('signDevToken', () => {
  it.each(ROLES)('mints a token the guard accepts for role %s', async (role) => {
    const principal = await verifier.verify(signDevToken({ role }));
    expect(principal).toMatchObject({ role, sub: DEV_SUBJECTS[role] });
  });

  it('fills sensible demo claims per role', async () => {
    expect(await verifier.verify(signDevToken({ role: 'vendor' }))).toMatchObject({ org: DEV_DEFAULT_CLAIMS.vendorSiret });
    expect(await verifier.verify(signDevToken({ role: 'physician' }))).toMatchObject({
      rpps: DEV_DEFAULT_CLAIMS.physicianRpps,
      specialty: 'cardiology',
    });
  });

  it('turns the NIR into the pseudonym and never puts it in the token', () => {
    const nir = '2 69 05 49 588 157 80';
    const token = signDevToken({ role: 'patient', nir });
    const payload = decode(token) as Record<string, unknown>;
    expect(payload.pseudonym).toBe(patientPseudonym(nir, DEV_PSEUDONYM_SECRET));
    expect(Buffer.from(token.split('.')[1], 'base64url').toString()).not.toMatch(/269054958815780|nir/);
    expect(decode(signDevToken({ role: 'patient', nir, pseudonymSecret: 'another-secret' }))).not.toMatchObject({ pseudonym: payload.pseudonym });
  });

  it('sets iat and exp from the ttl', () => {
    const payload = decode(signDevToken({ role: 'admin', ttlSeconds: 90, nowMs: 1_700_000_000_000 })) as Record<string, number>;
    expect(payload).toMatchObject({ iat: 1_700_000_000, exp: 1_700_000_090 });
  });

  it('refuses to mint a token the platform would reject', () => {
    expect(() => signDevToken({ role: 'vendor', org: 'not-a-siret' })).toThrow(/SIRET/);
    expect(() => signDevToken({ role: 'patient', nir: '184037512345691' })).toThrow(/key/);
  });
});
