import { organizationByPlatformId, organizationBySiret, practitionerReference } from '@app/fhir';
import type { AuditEntry } from '@app/contracts';
import type { Device, Organization, Practitioner, Reference } from '@medplum/fhirtypes';

/** Who may take or sign a step: a practitioner, an organisation, or a software device (the platform). */
export type ActorReference = Reference<Practitioner | Organization | Device>;
import { LEDGER_NAMING_SYSTEMS } from './ledger-fhir.urls';

/** An entry's actor: `{ id, role }`, and the RPPS or org a step actor may carry (libs/auth stepActorOf). */
type EntryActor = AuditEntry['actor'] & { rpps?: unknown; org?: unknown };

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

/**
 * The RPPS of a physician actor: carried by the actor, or, for the first step
 * of a prescription or attempt, the prescriber its evidence names (who issued
 * or tried it is the prescriber, the same fact `mayRead` relies on).
 */
function actorRpps(entry: AuditEntry): string | undefined {
  const actor = entry.actor as EntryActor;
  if (text(actor.rpps)) return text(actor.rpps);
  if (entry.action !== 'prescription.issued' && entry.action !== 'prescription.refused') return undefined;
  const evidence = entry.evidence ?? {};
  return text(evidence.prescriberRpps) ?? text((evidence.prescriber as { rpps?: unknown } | undefined)?.rpps);
}

/**
 * Who took the step, as FR Core names people and organisations: a physician
 * by RPPS when the entry tells it, a vendor by SIRET and an operator or an
 * evaluator by platform id when the actor carries its org; the platform's own
 * jobs by their name (`system:billing-run`); anyone else by their platform
 * user id (the token's `sub`, which the entry records).
 */
export function actorReference(entry: AuditEntry): ActorReference {
  const actor = entry.actor as EntryActor;
  const display = `${actor.role} ${actor.id}`;
  if (actor.role === 'system') return { display: actor.id };
  const rpps = actor.role === 'physician' ? actorRpps(entry) : undefined;
  if (rpps) return { ...practitionerReference(rpps), display };
  const org = text(actor.org);
  if (org && actor.role === 'vendor') return organizationBySiret(org, display);
  if (org && (actor.role === 'operator' || actor.role === 'evaluator')) return organizationByPlatformId(LEDGER_NAMING_SYSTEMS[actor.role], org, display);
  return {
    ...(actor.role === 'physician' ? { type: 'Practitioner' } : {}),
    identifier: { system: LEDGER_NAMING_SYSTEMS.user, value: actor.id },
    display,
  };
}

/** The platform service that wrote and sealed an entry: a software device, named by its service name. */
export const serviceReference = (service: string): Reference<Device> => ({
  type: 'Device',
  identifier: { system: LEDGER_NAMING_SYSTEMS.service, value: service },
  display: service,
});
