import { DEV_JWT_SECRET, DEV_PSEUDONYM_SECRET, signDevToken, type DevTokenRequest } from '@app/auth';
import { patientPseudonym } from '@app/fr-health';
import { freshNir, freshRpps, freshSiret, freshSuffix, type Actors } from '../workflow';
import type { DemoIdentities } from './demo-state';
import type { Actor } from './narration';

/** The secrets `npm start` runs with: its development defaults unless this shell sets them too. */
const jwtSecret = (env: NodeJS.ProcessEnv) => env.JWT_SECRET || DEV_JWT_SECRET;
const pseudonymSecret = (env: NodeJS.ProcessEnv) => env.PSEUDONYM_SECRET || DEV_PSEUDONYM_SECRET;

/** New parties for a new demo: organisations and a patient no earlier run used (all synthetic). */
export function freshIdentities(env: NodeJS.ProcessEnv = process.env): { identities: DemoIdentities; nir: string } {
  const suffix = freshSuffix();
  const nir = freshNir();
  return {
    nir,
    identities: {
      vendor: { sub: `demo-vendor-${suffix}`, org: freshSiret(), name: 'Cardio SAS' },
      evaluator: { sub: `demo-evaluator-${suffix}`, org: `demo-notified-body-${suffix}`, name: 'Certif Santé' },
      physician: { sub: `demo-physician-${suffix}`, rpps: freshRpps(), specialty: 'cardiology' },
      operator: { sub: `demo-operator-${suffix}`, org: `demo-telecardio-${suffix}`, name: 'TéléCardio Services' },
      admin: { sub: `demo-admin-${suffix}` },
      processor: { sub: `demo-claims-processor-${suffix}` },
      patient: { pseudonym: patientPseudonym(nir, pseudonymSecret(env)) },
    },
  };
}

/** Who the demo's lines name. */
export interface DemoCast {
  vendor: Actor;
  evaluator: Actor;
  physician: Actor;
  patient: Actor;
  operator: Actor;
  admin: Actor;
  processor: Actor;
  auditor: Actor;
  enrolment: Actor;
  claims: Actor;
  ledger: Actor;
  demo: Actor;
}

export function castOf(identities: DemoIdentities): DemoCast {
  return {
    vendor: { role: 'vendor', label: identities.vendor.name },
    evaluator: { role: 'evaluator', label: identities.evaluator.name },
    physician: { role: 'physician', label: `cardiologist ${identities.physician.rpps}` },
    patient: { role: 'patient', label: `patient ${identities.patient.pseudonym.slice(0, 8)}…` },
    operator: { role: 'operator', label: identities.operator.name },
    admin: { role: 'admin', label: 'platform admin' },
    processor: { role: 'processor', label: 'CPAM claims unit' },
    auditor: { role: 'auditor', label: 'ledger auditor' },
    enrolment: { role: 'platform', label: 'enrolment service' },
    claims: { role: 'platform', label: 'claims service' },
    ledger: { role: 'platform', label: 'audit ledger' },
    demo: { role: 'demo', label: 'npm run demo' },
  };
}

/** The dossier names actors by token `sub`: the same names as the lines. */
export function actorNames(identities: DemoIdentities): Map<string, string> {
  const cast = castOf(identities);
  return new Map([
    [identities.vendor.sub, cast.vendor.label],
    [identities.evaluator.sub, cast.evaluator.label],
    [identities.physician.sub, cast.physician.label],
    [identities.operator.sub, cast.operator.label],
    [identities.admin.sub, cast.admin.label],
    [identities.processor.sub, cast.processor.label],
    [patientSub(identities), cast.patient.label],
  ]);
}

const patientSub = (identities: DemoIdentities) => `demo-patient-${identities.patient.pseudonym.slice(0, 12)}`;

/**
 * Tokens for the shared workflow client, minted again at each run (a token
 * lives 8 hours; the restart between the two runs may take longer). The
 * patient's needs the NIR, which only the first run has: the second run
 * never acts as the patient.
 */
export function actorsOf(identities: DemoIdentities, nir: string | undefined, env: NodeJS.ProcessEnv = process.env): Actors {
  const token = (request: DevTokenRequest) => signDevToken({ ...request, secret: jwtSecret(env), pseudonymSecret: pseudonymSecret(env) });
  const { vendor, evaluator, physician, operator, admin, processor } = identities;
  const vendorToken = token({ role: 'vendor', org: vendor.org, sub: vendor.sub });
  return {
    vendor: { token: vendorToken, siret: vendor.org },
    // The manufacturer operates its own device here: the technical fee is paid to it.
    exploitant: { token: vendorToken, siret: vendor.org, name: vendor.name },
    evaluator: { token: token({ role: 'evaluator', org: evaluator.org, sub: evaluator.sub }), org: evaluator.org },
    physician: { token: token({ role: 'physician', rpps: physician.rpps, specialty: physician.specialty, sub: physician.sub }), rpps: physician.rpps, specialty: physician.specialty },
    patient: nir
      ? { token: token({ role: 'patient', nir, sub: patientSub(identities) }), nir, pseudonym: identities.patient.pseudonym }
      : { token: '', nir: '', pseudonym: identities.patient.pseudonym },
    operator: { token: token({ role: 'operator', org: operator.org, sub: operator.sub }), org: operator.org },
    claimsProcessor: { token: token({ role: 'claims_processor', sub: processor.sub }) },
    auditor: { token: token({ role: 'auditor', sub: `${processor.sub}-auditor` }) },
    admin: { token: token({ role: 'admin', sub: admin.sub }) },
  };
}
