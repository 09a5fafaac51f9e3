import { EnrolmentErrors } from '../enrolment.errors';
import { existing, inStatus, iso, NOT_ENDED, type Decisions } from './decision.types';

/**
 * The AMO's answer on the patient's rights, asked again as often as an
 * operator wants (each request numbered, so a late answer to an older one
 * changes nothing), and the device the operator hands over: the prescribed
 * product, replaced while monitoring when it fails.
 */
export const rightsAndDeviceDecisions: Decisions<'RequestRightsCheck' | 'RecordRights' | 'AssignDevice'> = {
  RequestRightsCheck({ by, now }, state) {
    const enrolment = inStatus(state, 'check the rights of', NOT_ENDED);
    return [{ type: 'RightsCheckRequested', data: { request: enrolment.rights.request + 1, requestedAt: iso(now), requestedBy: by } }];
  },
  RecordRights({ request, status, attempts, now }, state) {
    const enrolment = existing(state);
    if (request !== enrolment.rights.request || enrolment.rights.status !== 'PENDING') return [];
    return [{ type: 'RightsChecked', data: { request, status, checkedAt: iso(now), attempts } }];
  },
  AssignDevice({ serialNumber, udiDi, now }, state) {
    const enrolment = inStatus(state, 'assign a device to', NOT_ENDED);
    if (udiDi !== enrolment.prescription.device.udiDi) throw EnrolmentErrors.udiDiMismatch(enrolment.prescription.device.udiDi);
    const current = enrolment.device;
    if (current?.serialNumber === serialNumber && current.udiDi === udiDi) return [];
    return [{ type: 'DeviceAssigned', data: { serialNumber, udiDi, assignedAt: iso(now), replaced: current } }];
  },
};
