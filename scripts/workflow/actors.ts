import { DEV_PSEUDONYM_SECRET, signDevToken, type DevTokenRequest } from '@app/auth';
import { patientPseudonym } from '@app/fr-health';
import { freshNir, freshRpps, freshSiret, freshSuffix } from './identifiers';

/**
 * A development token exactly as `npm run token` mints it (libs/auth's dev
 * token, HS256 under the development JWT_SECRET a LocalPlatform or `npm start`
 * runs with). Without "Bearer ".
 */
export const devToken = (request: DevTokenRequest): string => signDevToken(request);

/** Who acts in one flow, each with a token and the identifiers of their org. Fresh per call: flows never share a party. */
export interface Actors {
  vendor: { token: string; siret: string };
  /** The company paid the technical fee (the device's exploitant), a vendor org of its own. */
  exploitant: { token: string; siret: string; name: string };
  evaluator: { token: string; org: string };
  physician: { token: string; rpps: string; specialty: string };
  patient: { token: string; nir: string; pseudonym: string };
  operator: { token: string; org: string };
  claimsProcessor: { token: string };
  auditor: { token: string };
  admin: { token: string };
}

export function freshActors(options: { specialty?: string; pseudonymSecret?: string } = {}): Actors {
  const suffix = freshSuffix();
  const vendorSiret = freshSiret();
  const exploitantSiret = freshSiret();
  const rpps = freshRpps();
  const specialty = options.specialty ?? 'cardiology';
  const nir = freshNir();
  const evaluatorOrg = `evaluator-${suffix}`;
  const operatorOrg = `operator-${suffix}`;
  return {
    vendor: { token: devToken({ role: 'vendor', org: vendorSiret, sub: `vendor-${suffix}` }), siret: vendorSiret },
    exploitant: {
      token: devToken({ role: 'vendor', org: exploitantSiret, sub: `exploitant-${suffix}` }),
      siret: exploitantSiret,
      name: 'Télésuivi Exploitation SAS',
    },
    evaluator: { token: devToken({ role: 'evaluator', org: evaluatorOrg, sub: `evaluator-${suffix}` }), org: evaluatorOrg },
    physician: { token: devToken({ role: 'physician', rpps, specialty, sub: `physician-${suffix}` }), rpps, specialty },
    patient: {
      token: devToken({ role: 'patient', nir, sub: `patient-${suffix}` }),
      nir,
      pseudonym: patientPseudonym(nir, options.pseudonymSecret ?? DEV_PSEUDONYM_SECRET),
    },
    operator: { token: devToken({ role: 'operator', org: operatorOrg, sub: `operator-${suffix}` }), org: operatorOrg },
    claimsProcessor: { token: devToken({ role: 'claims_processor', sub: `claims-processor-${suffix}` }) },
    auditor: { token: devToken({ role: 'auditor', sub: `auditor-${suffix}` }) },
    admin: { token: devToken({ role: 'admin', sub: `admin-${suffix}` }) },
  };
}
