import { deciderSpecification } from '@app/testing/decider-specification';
import type { DeviceCommand } from './device.commands';
import { deviceDecider } from './device.decider';
import type { DeviceEvent } from './device.events';
import { DEVICE_ID, NOW, VENDOR_SIRET, certified, product, registered, rejected, sealed, submitted, suspended } from './device.fixtures';

const EVALUATOR = 'EVAL-1';
const EXPLOITANT = { siret: '44306184100047', name: 'TeleSuivi Services' };

// Given these past events, when this command, then these events (fields not named are not compared) or this refusal.
const given = deciderSpecification(deviceDecider);

const cmd = <T extends DeviceCommand['type']>(
  type: T,
  fields: Omit<Extract<DeviceCommand, { type: T }>, 'type' | 'now'> & { now?: Date },
) => ({ now: NOW, ...fields, type }) as DeviceCommand;

describe('DeviceProduct decider', () => {
  describe('register', () => {
    it('registers a draft for the manufacturer', () =>
      given([]).when(cmd('RegisterDevice', { deviceId: DEVICE_ID, product: product(), actorOrg: VENDOR_SIRET }))
        .thenMatches([{ type: 'DeviceRegistered', data: { deviceId: DEVICE_ID, product: product() } }]));
    it('names the manufacturer as the exploitant when none is given', () =>
      given([]).when(cmd('RegisterDevice', { deviceId: DEVICE_ID, product: product(), actorOrg: VENDOR_SIRET }))
        .thenMatches([{ type: 'DeviceRegistered', data: { product: { exploitant: { siret: VENDOR_SIRET, name: 'Cardio SAS' } } } }]));
    it('carries the exploitant given, which need not be the manufacturer', () =>
      given([]).when(cmd('RegisterDevice', { deviceId: DEVICE_ID, product: product({ exploitant: EXPLOITANT }), actorOrg: VENDOR_SIRET }))
        .thenMatches([{ type: 'DeviceRegistered', data: { product: { manufacturer: { siret: VENDOR_SIRET }, exploitant: EXPLOITANT } } }]));
    it('refuses a vendor registering for another SIRET', () =>
      given([]).when(cmd('RegisterDevice', { deviceId: DEVICE_ID, product: product(), actorOrg: '44306184100047' }))
        .thenThrows('DEVICE.NOT_MANUFACTURER', 'forbidden'));
    it('refuses registering the same id twice', () =>
      given([registered()]).when(cmd('RegisterDevice', { deviceId: DEVICE_ID, product: product(), actorOrg: VENDOR_SIRET }))
        .thenThrows('DEVICE.ALREADY_REGISTERED', 'conflict'));
  });

  describe('update', () => {
    const renamed = product({ name: 'CardioWatch Pro' });
    it('updates a draft', () =>
      given([registered()]).when(cmd('UpdateDevice', { product: renamed, actorOrg: VENDOR_SIRET }))
        .thenMatches([{ type: 'DeviceUpdated', data: { product: renamed, reopenedFromRejection: false } }]));
    it('carries the exploitant of the new body: the given one, else back to the manufacturer', () => {
      given([registered()]).when(cmd('UpdateDevice', { product: product({ exploitant: EXPLOITANT }), actorOrg: VENDOR_SIRET }))
        .thenMatches([{ type: 'DeviceUpdated', data: { product: { exploitant: EXPLOITANT } } }]);
      given([registered(product({ exploitant: EXPLOITANT }))]).when(cmd('UpdateDevice', { product: renamed, actorOrg: VENDOR_SIRET }))
        .thenMatches([{ type: 'DeviceUpdated', data: { product: { name: 'CardioWatch Pro', exploitant: { siret: VENDOR_SIRET, name: 'Cardio SAS' } } } }]);
    });
    it('returns a rejected product to draft', () => {
      given([registered(), submitted, rejected]).when(cmd('UpdateDevice', { product: renamed, actorOrg: VENDOR_SIRET }))
        .thenMatches([{ type: 'DeviceUpdated', data: { reopenedFromRejection: true } }]);
      const state = [registered(), submitted, rejected, { type: 'DeviceUpdated', data: { product: renamed, reopenedFromRejection: true } } as DeviceEvent]
        .reduce(deviceDecider.evolve, deviceDecider.initialState());
      expect(state.status).toBe('DRAFT');
    });
    it.each([
      ['SUBMITTED', [registered(), submitted]],
      ['CERTIFIED', [registered(), submitted, certified()]],
    ])('refuses an update in %s', (_status, events) =>
      given(events).when(cmd('UpdateDevice', { product: renamed, actorOrg: VENDOR_SIRET })).thenThrows('DEVICE.NOT_EDITABLE', 'conflict'));
    it('refuses another vendor', () =>
      given([registered()]).when(cmd('UpdateDevice', { product: renamed, actorOrg: '44306184100047' }))
        .thenThrows('DEVICE.NOT_MANUFACTURER', 'forbidden'));
    it('refuses moving the product to another manufacturer', () =>
      given([registered()])
        .when(cmd('UpdateDevice', { product: product({ manufacturer: { siret: '44306184100047', name: 'Other' } }), actorOrg: VENDOR_SIRET }))
        .thenThrows('DEVICE.NOT_MANUFACTURER', 'forbidden'));
    it('refuses an unknown device', () =>
      given([]).when(cmd('UpdateDevice', { product: renamed, actorOrg: VENDOR_SIRET })).thenThrows('DEVICE.NOT_FOUND', 'not_found'));
  });

  describe('submit', () => {
    it('submits a draft', () =>
      given([registered()]).when(cmd('SubmitDevice', { actorOrg: VENDOR_SIRET }))
        .thenMatches([{ type: 'DeviceSubmitted', data: { submittedAt: NOW.toISOString() } }]));
    it('refuses a submitted product', () =>
      given([registered(), submitted]).when(cmd('SubmitDevice', { actorOrg: VENDOR_SIRET })).thenThrows('DEVICE.NOT_DRAFT', 'conflict'));
    it('refuses another vendor', () =>
      given([registered()]).when(cmd('SubmitDevice', { actorOrg: '44306184100047' })).thenThrows('DEVICE.NOT_MANUFACTURER', 'forbidden'));
    it('refuses a cloud-hosted product without HDS certificate', () =>
      given([registered(product({ dataHosting: { storage: 'HDS_CLOUD' } }))]).when(cmd('SubmitDevice', { actorOrg: VENDOR_SIRET }))
        .thenThrows('DEVICE.CERTIFICATION_RULES_FAILED', 'rule'));
  });

  describe('review', () => {
    const certify = (fields: Partial<Extract<DeviceCommand, { type: 'CertifyDevice' }>> = {}) =>
      cmd('CertifyDevice', { validUntil: '2027-12-31T00:00:00.000Z', lppCode: '1612544', certifiedIndications: ['HEART_FAILURE'], actorOrg: EVALUATOR, ...fields });
    it('certifies a submitted product with the facts prescribers rely on', () =>
      given([registered(), submitted]).when(certify()).thenMatches([certified()]));
    it('rejects with reasons', () =>
      given([registered(), submitted]).when(cmd('RejectDevice', { reasons: [sealed('no clinical data')], actorOrg: EVALUATOR })).thenMatches([rejected]));
    it('refuses to certify a draft', () =>
      given([registered()]).when(certify()).thenThrows('DEVICE.NOT_SUBMITTED', 'conflict'));
    it('refuses to reject a certified product', () =>
      given([registered(), submitted, certified()]).when(cmd('RejectDevice', { reasons: [sealed('x')], actorOrg: EVALUATOR }))
        .thenThrows('DEVICE.NOT_SUBMITTED', 'conflict'));
    it('refuses a validity in the past', () =>
      given([registered(), submitted]).when(certify({ validUntil: '2026-01-01T00:00:00.000Z' })).thenThrows('DEVICE.CERTIFICATION_RULES_FAILED', 'rule'));
    it('refuses an indication the vendor did not declare', () =>
      given([registered(), submitted]).when(certify({ certifiedIndications: ['DIABETES'] })).thenThrows('DEVICE.CERTIFICATION_RULES_FAILED', 'rule'));
    it('refuses a product without ETSI EN 303 645', () =>
      given([registered(product({ security: { etsiEn303645: false } })), submitted]).when(certify())
        .thenThrows('DEVICE.CERTIFICATION_RULES_FAILED', 'rule'));
  });

  describe('recertify', () => {
    it('extends a certified product', () =>
      given([registered(), submitted, certified()])
        .when(cmd('RecertifyDevice', { validUntil: '2028-12-31T00:00:00.000Z', actorOrg: EVALUATOR }))
        .thenMatches([{ type: 'DeviceRecertified', data: { validUntil: '2028-12-31T00:00:00.000Z', previousValidUntil: '2027-12-31T00:00:00.000Z', lppCode: '1612544' } }]));
    it('refuses a validity that does not extend', () =>
      given([registered(), submitted, certified()])
        .when(cmd('RecertifyDevice', { validUntil: '2027-06-30T00:00:00.000Z', actorOrg: EVALUATOR }))
        .thenThrows('DEVICE.CERTIFICATION_RULES_FAILED', 'rule'));
    it('refuses a suspended product', () =>
      given([registered(), submitted, certified(), suspended])
        .when(cmd('RecertifyDevice', { validUntil: '2028-12-31T00:00:00.000Z', actorOrg: EVALUATOR }))
        .thenThrows('DEVICE.NOT_CERTIFIED', 'conflict'));
  });

  describe('suspend, reinstate, revoke', () => {
    it('suspends a certified product', () =>
      given([registered(), submitted, certified()]).when(cmd('SuspendDevice', { reason: sealed('vigilance report'), actorOrg: EVALUATOR })).thenMatches([suspended]));
    it('refuses to suspend a draft', () =>
      given([registered()]).when(cmd('SuspendDevice', { reason: sealed('x'), actorOrg: EVALUATOR })).thenThrows('DEVICE.NOT_CERTIFIED', 'conflict'));
    it('reinstates a suspended product', () =>
      given([registered(), submitted, certified(), suspended]).when(cmd('ReinstateDevice', { reason: sealed('fixed'), actorOrg: EVALUATOR }))
        .thenMatches([{ type: 'DeviceReinstated', data: { reason: sealed('fixed') } }]));
    it('refuses to reinstate a certified product', () =>
      given([registered(), submitted, certified()]).when(cmd('ReinstateDevice', { reason: sealed('x'), actorOrg: EVALUATOR })).thenThrows('DEVICE.NOT_SUSPENDED', 'conflict'));
    it('refuses to reinstate once the validity has ended', () =>
      given([registered(), submitted, certified('2026-12-01T00:00:00.000Z'), suspended])
        .when(cmd('ReinstateDevice', { reason: sealed('x'), actorOrg: EVALUATOR, now: new Date('2026-12-02T00:00:00.000Z') }))
        .thenThrows('DEVICE.CERTIFICATION_RULES_FAILED', 'rule'));
    it.each([
      ['CERTIFIED', [registered(), submitted, certified()]],
      ['SUSPENDED', [registered(), submitted, certified(), suspended]],
    ])('revokes a %s product', (_status, events) =>
      given(events).when(cmd('RevokeDevice', { reason: sealed('fraud'), actorOrg: EVALUATOR })).thenMatches([{ type: 'DeviceRevoked', data: { reason: sealed('fraud') } }]));
    it('refuses to revoke a revoked product', () =>
      given([registered(), submitted, certified(), { type: 'DeviceRevoked', data: { reason: sealed('x'), evaluatorOrg: EVALUATOR } }])
        .when(cmd('RevokeDevice', { reason: sealed('again'), actorOrg: EVALUATOR })).thenThrows('DEVICE.NOT_CERTIFIED', 'conflict'));
  });

  describe('expire', () => {
    const after = new Date('2028-01-01T00:00:00.000Z');
    it.each([
      ['CERTIFIED', [registered(), submitted, certified()]],
      ['SUSPENDED', [registered(), submitted, certified(), suspended]],
    ])('expires a %s product past its validity', (_status, events) =>
      given(events).when(cmd('ExpireCertification', { now: after }))
        .thenMatches([{ type: 'DeviceCertificationExpired', data: { validUntil: '2027-12-31T00:00:00.000Z', expiredAt: after.toISOString() } }]));
    it('refuses before the end of validity', () =>
      given([registered(), submitted, certified()]).when(cmd('ExpireCertification', {})).thenThrows('DEVICE.NOT_YET_EXPIRED', 'conflict'));
    it('refuses a revoked product', () =>
      given([registered(), submitted, certified(), { type: 'DeviceRevoked', data: { reason: sealed('x'), evaluatorOrg: EVALUATOR } }])
        .when(cmd('ExpireCertification', { now: after })).thenThrows('DEVICE.NOT_CERTIFIED', 'conflict'));
  });
});
