import type { Role } from '@app/contracts';
import { patientPseudonym } from '@app/fr-health';
import { sign } from 'jsonwebtoken';
import { DEV_JWT_SECRET, DEV_PSEUDONYM_SECRET } from './dev-secrets';
import { principalFromClaims } from './principal-from-claims';

/** Demo identities so `npm run token -- --role <role>` needs nothing else. All synthetic. */
export const DEV_DEFAULT_CLAIMS = {
  vendorSiret: '12345678200010',
  evaluatorOrg: 'demo-notified-body',
  operatorOrg: 'demo-telemonitoring-operator',
  physicianRpps: '10012345673',
  physicianSpecialty: 'cardiology',
  patientNir: '184037512345690',
} as const;

/** One stable subject per role, so tokens minted twice name the same user. */
export const DEV_SUBJECTS: Record<Role, string> = {
  vendor: '00000000-0000-7000-8000-000000000001',
  evaluator: '00000000-0000-7000-8000-000000000002',
  physician: '00000000-0000-7000-8000-000000000003',
  patient: '00000000-0000-7000-8000-000000000004',
  operator: '00000000-0000-7000-8000-000000000005',
  claims_processor: '00000000-0000-7000-8000-000000000006',
  auditor: '00000000-0000-7000-8000-000000000007',
  admin: '00000000-0000-7000-8000-000000000008',
};

export interface DevTokenRequest {
  role: Role;
  sub?: string;
  org?: string;
  rpps?: string;
  specialty?: string;
  /** Patient only: turned into the pseudonym, never put in the token. */
  nir?: string;
  ttlSeconds?: number;
  /** HS256 secret; defaults to DEV_JWT_SECRET. */
  secret?: string;
  pseudonymSecret?: string;
  /** Issue time in ms since the epoch (tests); defaults to now. */
  nowMs?: number;
}

export function devTokenClaims(request: DevTokenRequest): Record<string, unknown> {
  const now = Math.floor((request.nowMs ?? Date.now()) / 1000);
  const claims: Record<string, unknown> = {
    sub: request.sub ?? DEV_SUBJECTS[request.role],
    role: request.role,
    iat: now,
    exp: now + (request.ttlSeconds ?? 8 * 3600),
  };
  switch (request.role) {
    case 'vendor':
      claims.org = request.org ?? DEV_DEFAULT_CLAIMS.vendorSiret;
      break;
    case 'evaluator':
      claims.org = request.org ?? DEV_DEFAULT_CLAIMS.evaluatorOrg;
      break;
    case 'operator':
      claims.org = request.org ?? DEV_DEFAULT_CLAIMS.operatorOrg;
      break;
    case 'physician':
      claims.rpps = request.rpps ?? DEV_DEFAULT_CLAIMS.physicianRpps;
      claims.specialty = request.specialty ?? DEV_DEFAULT_CLAIMS.physicianSpecialty;
      break;
    case 'patient':
      claims.pseudonym = patientPseudonym(request.nir ?? DEV_DEFAULT_CLAIMS.patientNir, request.pseudonymSecret ?? DEV_PSEUDONYM_SECRET);
      break;
  }
  return claims;
}

/**
 * A development HS256 token. The claims go through the guard's own check
 * first, so it never mints a token the platform would refuse.
 */
export function signDevToken(request: DevTokenRequest): string {
  const claims = devTokenClaims(request);
  principalFromClaims(claims);
  return sign(claims, request.secret ?? DEV_JWT_SECRET, { algorithm: 'HS256' });
}
