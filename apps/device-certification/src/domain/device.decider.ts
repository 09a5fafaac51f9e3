import type { DeviceCertificationEventV1, SealedTextV1 } from '@app/contracts';
import { decideByType, type DecisionTable, type Decider } from '@app/event-sourcing/decider/decider';
import type { DeviceCommand } from './device.commands';
import type { CertificationGranted, DeviceEvent } from './device.events';
import { DeviceErrors } from './device.errors';
import { certificationViolations, productConformityViolations, termsViolations } from './certification-rules';
import { withDefaultExploitant, type Certification, type DeviceProductData, type DeviceStatus } from './device-product';
import { evolveDevice, initialDeviceState, type DeviceState } from './device.state';

type Existing = Extract<DeviceState, { deviceId: string }>;
function existing(state: DeviceState): Existing {
  if (state.status === 'NONE') throw DeviceErrors.notFound('(unknown)');
  return state;
}

function requireStatus(state: Existing, code: string, action: string, allowed: DeviceStatus[]): void {
  if (!allowed.includes(state.status)) throw DeviceErrors.wrongState(code, action, state.status, allowed);
}

/** Only the manufacturer (token `org` = SIRET) speaks for its product. */
function requireManufacturer(product: DeviceProductData, actorOrg: string | undefined): void {
  if (actorOrg !== product.manufacturer.siret) throw DeviceErrors.notManufacturer(actorOrg, product.manufacturer.siret);
}

function granted(
  state: Existing,
  terms: { validUntil: string; lppCode: string; certifiedIndications: CertificationGranted['certifiedIndications'] },
  command: { now: Date; actorOrg?: string; notes?: SealedTextV1 },
): CertificationGranted {
  return {
    validFrom: command.now.toISOString(),
    validUntil: new Date(terms.validUntil).toISOString(),
    lppCode: terms.lppCode,
    certifiedIndications: terms.certifiedIndications,
    connectivity: state.product.connectivity,
    ceClass: state.product.ceClass,
    udiDi: state.product.udiDi,
    manufacturerSiret: state.product.manufacturer.siret,
    evaluatorOrg: command.actorOrg ?? '',
    ...(command.notes ? { notes: command.notes } : {}),
  };
}

const deciders: DecisionTable<DeviceCommand, DeviceState, DeviceEvent> = {
  RegisterDevice(command, state) {
    if (state.status !== 'NONE') throw DeviceErrors.alreadyRegistered(command.deviceId);
    requireManufacturer(command.product, command.actorOrg);
    // The event names the exploitant paid the technical fee (claims reads it): the given one, else the manufacturer.
    return [{ type: 'DeviceRegistered', data: { deviceId: command.deviceId, product: withDefaultExploitant(command.product) } }];
  },
  UpdateDevice(command, state) {
    const device = existing(state);
    requireManufacturer(device.product, command.actorOrg);
    requireManufacturer(command.product, command.actorOrg);
    requireStatus(device, 'DEVICE.NOT_EDITABLE', 'update', ['DRAFT', 'REJECTED']);
    return [
      {
        type: 'DeviceUpdated',
        data: { product: withDefaultExploitant(command.product), reopenedFromRejection: device.status === 'REJECTED' },
      },
    ];
  },
  SubmitDevice(command, state) {
    const device = existing(state);
    requireManufacturer(device.product, command.actorOrg);
    requireStatus(device, 'DEVICE.NOT_DRAFT', 'submit', ['DRAFT']);
    const missing = productConformityViolations(device.product);
    if (missing.length > 0) throw DeviceErrors.rulesFailed('submit', missing);
    return [{ type: 'DeviceSubmitted', data: { submittedAt: command.now.toISOString() } }];
  },
  CertifyDevice(command, state) {
    const device = existing(state);
    requireStatus(device, 'DEVICE.NOT_SUBMITTED', 'certify', ['SUBMITTED']);
    const violations = certificationViolations(device.product, command, command.now);
    if (violations.length > 0) throw DeviceErrors.rulesFailed('certify', violations);
    return [{ type: 'DeviceCertified', data: granted(device, command, command) }];
  },
  RejectDevice(command, state) {
    const device = existing(state);
    requireStatus(device, 'DEVICE.NOT_SUBMITTED', 'reject', ['SUBMITTED']);
    return [{ type: 'DeviceRejected', data: { reasons: command.reasons, evaluatorOrg: command.actorOrg ?? '' } }];
  },
  RecertifyDevice(command, state) {
    const device = existing(state);
    requireStatus(device, 'DEVICE.NOT_CERTIFIED', 'recertify', ['CERTIFIED']);
    const current = device.certification as Certification;
    const terms = {
      validUntil: command.validUntil,
      lppCode: current.lppCode,
      certifiedIndications: command.certifiedIndications ?? current.certifiedIndications,
    };
    const violations = termsViolations(device.product, terms, command.now);
    if (new Date(command.validUntil).getTime() <= new Date(current.validUntil).getTime()) {
      violations.push({
        field: 'validUntil',
        code: 'VALID_UNTIL_NOT_EXTENDED',
        message: `validUntil must be later than the current ${current.validUntil}`,
      });
    }
    if (violations.length > 0) throw DeviceErrors.rulesFailed('recertify', violations);
    return [
      { type: 'DeviceRecertified', data: { ...granted(device, terms, command), previousValidUntil: current.validUntil } },
    ];
  },
  SuspendDevice(command, state) {
    const device = existing(state);
    requireStatus(device, 'DEVICE.NOT_CERTIFIED', 'suspend', ['CERTIFIED']);
    return [{ type: 'DeviceSuspended', data: { reason: command.reason, evaluatorOrg: command.actorOrg ?? '' } }];
  },
  ReinstateDevice(command, state) {
    const device = existing(state);
    requireStatus(device, 'DEVICE.NOT_SUSPENDED', 'reinstate', ['SUSPENDED']);
    const validUntil = (device.certification as Certification).validUntil;
    // A certification whose validity ended while suspended cannot come back: the expiry job ends it.
    if (new Date(validUntil).getTime() <= command.now.getTime()) {
      throw DeviceErrors.rulesFailed('reinstate', [
        { field: 'validUntil', code: 'CERTIFICATION_LAPSED', message: `the certification ended on ${validUntil}` },
      ]);
    }
    return [{ type: 'DeviceReinstated', data: { reason: command.reason, evaluatorOrg: command.actorOrg ?? '' } }];
  },
  RevokeDevice(command, state) {
    const device = existing(state);
    requireStatus(device, 'DEVICE.NOT_CERTIFIED', 'revoke', ['CERTIFIED', 'SUSPENDED']);
    return [{ type: 'DeviceRevoked', data: { reason: command.reason, evaluatorOrg: command.actorOrg ?? '' } }];
  },
  ExpireCertification(command, state) {
    const device = existing(state);
    requireStatus(device, 'DEVICE.NOT_CERTIFIED', 'expire', ['CERTIFIED', 'SUSPENDED']);
    const validUntil = (device.certification as Certification).validUntil;
    if (new Date(validUntil).getTime() > command.now.getTime()) throw DeviceErrors.notYetExpired(validUntil);
    return [{ type: 'DeviceCertificationExpired', data: { validUntil, expiredAt: command.now.toISOString() } }];
  },
};

/** The DeviceProduct aggregate as a decider; what it decides is what device-certification.events.v1 publishes. */
export const deviceDecider = {
  initialState: initialDeviceState,
  evolve: evolveDevice,
  decide: (command: DeviceCommand, state: DeviceState): DeviceEvent[] => decideByType(deciders, command, state),
} satisfies Decider<DeviceState, DeviceCommand, DeviceCertificationEventV1>;
