import { deciderSpecification } from '@app/testing/decider-specification';
import { enrolmentDecider } from '../enrolment.decider';
import {
  NOW,
  OPERATOR,
  OTHER_SERIAL,
  OTHER_UDI_DI,
  SERIAL,
  UDI_DI,
  activeHistory,
  assignDevice,
  deviceAssigned,
  expiredHistory,
  extended,
  pendingActivationHistory,
  pendingConsentHistory,
  readyToActivateHistory,
  recordRights,
  requestRightsCheck,
  rightsCheckRequested,
  rightsChecked,
  suspendedHistory,
} from '../enrolment.fixtures';

// Given these past events, when this command, then these events or this refusal.
const given = deciderSpecification(enrolmentDecider);

describe('insurance rights and device', () => {
  describe('RequestRightsCheck', () => {
    it('asks the AMO again under the next request number (the first check, request 1, starts with the enrolment)', () =>
      given([...pendingConsentHistory(), rightsChecked('UNAVAILABLE')])
        .when(requestRightsCheck())
        .then([{ type: 'RightsCheckRequested', data: { request: 2, requestedAt: NOW.toISOString(), requestedBy: OPERATOR } }]));

    it('numbers every further request', () =>
      given([...pendingConsentHistory(), rightsChecked('UNAVAILABLE'), rightsCheckRequested(2), rightsChecked('UNAVAILABLE', 2)])
        .when(requestRightsCheck())
        .thenMatches([{ type: 'RightsCheckRequested', data: { request: 3 } }]));

    it('asks again while an earlier check is still pending: its answer will be stale', () =>
      given(pendingConsentHistory()).when(requestRightsCheck()).thenMatches([{ type: 'RightsCheckRequested', data: { request: 2 } }]));

    it.each([
      ['ACTIVE', activeHistory()],
      ['SUSPENDED', suspendedHistory()],
    ])('asks again for a %s enrolment', (_status, history) =>
      given(history).when(requestRightsCheck()).thenMatches([{ type: 'RightsCheckRequested' }]));

    it('refuses for an ENDED enrolment', () => given(expiredHistory()).when(requestRightsCheck()).thenThrows('ENROLMENT.ENDED', 'conflict'));

    it('refuses for an enrolment that does not exist', () =>
      given([]).when(requestRightsCheck()).thenThrows('ENROLMENT.NOT_FOUND', 'not_found'));
  });

  describe('RecordRights', () => {
    it.each(['OPEN', 'CLOSED', 'UNAVAILABLE'] as const)('records the answer %s to the pending request', (status) =>
      given(pendingConsentHistory())
        .when(recordRights(status, 1, { attempts: 3 }))
        .then([{ type: 'RightsChecked', data: { request: 1, status, checkedAt: NOW.toISOString(), attempts: 3 } }]));

    it('ignores a stale answer to an older request', () =>
      given([...pendingConsentHistory(), rightsCheckRequested(2)]).when(recordRights('CLOSED', 1)).thenNothing());

    it('records the answer to the latest request', () =>
      given([...pendingConsentHistory(), rightsCheckRequested(2)])
        .when(recordRights('OPEN', 2))
        .thenMatches([{ type: 'RightsChecked', data: { request: 2, status: 'OPEN' } }]));

    it('ignores the same answer delivered again', () =>
      given([...pendingConsentHistory(), rightsChecked('OPEN')]).when(recordRights('OPEN', 1)).thenNothing());

    it('ignores a late different answer to a request already answered', () =>
      given([...pendingConsentHistory(), rightsChecked('UNAVAILABLE')]).when(recordRights('OPEN', 1)).thenNothing());

    it('ignores an answer to a request never made', () => given(pendingConsentHistory()).when(recordRights('OPEN', 2)).thenNothing());

    it('refuses for an enrolment that does not exist', () => given([]).when(recordRights()).thenThrows('ENROLMENT.NOT_FOUND', 'not_found'));
  });

  describe('AssignDevice', () => {
    it('assigns the prescribed product', () =>
      given(pendingActivationHistory())
        .when(assignDevice())
        .then([{ type: 'DeviceAssigned', data: { serialNumber: SERIAL, udiDi: UDI_DI, assignedAt: NOW.toISOString(), replaced: null } }]));

    it('assigns it before the consent too', () =>
      given(pendingConsentHistory()).when(assignDevice()).thenMatches([{ type: 'DeviceAssigned', data: { replaced: null } }]));

    it("refuses a device whose UDI-DI is not the prescribed product's", () => {
      const refusal = given(pendingActivationHistory()).when(assignDevice({ udiDi: OTHER_UDI_DI }));
      refusal.thenThrows('ENROLMENT.UDI_DI_MISMATCH', 'rule');
      expect(refusal.refusal().details).toEqual([expect.objectContaining({ field: 'udiDi', code: 'UDI_DI_MISMATCH' })]);
    });

    it('changes nothing when the same device is assigned again', () =>
      given(readyToActivateHistory()).when(assignDevice()).thenNothing());

    it('changes nothing for the same device again while ACTIVE', () => given(activeHistory()).when(assignDevice()).thenNothing());

    it('replaces a faulty device while ACTIVE, naming the one replaced', () =>
      given(activeHistory())
        .when(assignDevice({ serialNumber: OTHER_SERIAL }))
        .then([
          {
            type: 'DeviceAssigned',
            data: { serialNumber: OTHER_SERIAL, udiDi: UDI_DI, assignedAt: NOW.toISOString(), replaced: { serialNumber: SERIAL, udiDi: UDI_DI } },
          },
        ]));

    it.each([
      ['PENDING_ACTIVATION', readyToActivateHistory()],
      ['SUSPENDED', suspendedHistory()],
    ])('replaces the device of a %s enrolment', (_status, history) =>
      given(history)
        .when(assignDevice({ serialNumber: OTHER_SERIAL }))
        .thenMatches([{ type: 'DeviceAssigned', data: { serialNumber: OTHER_SERIAL, replaced: { serialNumber: SERIAL } } }]));

    it('assigns a device anew to an enrolment reopened without its own', () =>
      given([...expiredHistory(), extended({ reopened: true, deviceReleased: true })])
        .when(assignDevice({ serialNumber: OTHER_SERIAL }))
        .thenMatches([{ type: 'DeviceAssigned', data: { serialNumber: OTHER_SERIAL, replaced: null } }]));

    it('refuses a device for an ENDED enrolment', () =>
      given(expiredHistory()).when(assignDevice({ serialNumber: OTHER_SERIAL })).thenThrows('ENROLMENT.ENDED', 'conflict'));

    it('refuses a UDI-DI mismatch even when replacing', () =>
      given([...pendingActivationHistory(), deviceAssigned()])
        .when(assignDevice({ serialNumber: OTHER_SERIAL, udiDi: OTHER_UDI_DI }))
        .thenThrows('ENROLMENT.UDI_DI_MISMATCH', 'rule'));
  });
});
