import { foldEvents } from '@app/event-sourcing/decider/decider';
import { unmetForActivationDate, unmetForMonitoring } from './activation-requirements';
import { enrolmentDecider } from './enrolment.decider';
import {
  CONSENT_SIGNED_AT,
  OTHER_UDI_DI,
  SERIAL,
  at,
  certificationInForce,
  consentGiven,
  created,
  deviceAssigned,
  prescription,
  readyToActivateHistory,
  rightsChecked,
} from './enrolment.fixtures';
import type { Enrolment, EnrolmentEvent } from './enrolment.state';

const enrolment = (events: EnrolmentEvent[] = readyToActivateHistory(), overrides: Partial<Enrolment> = {}): Enrolment => {
  const state = foldEvents(enrolmentDecider, events);
  if (state.status === 'NONE') throw new Error('no enrolment');
  return { ...state, ...overrides };
};
const codes = (unmet: Array<{ code: string }>) => unmet.map((requirement) => requirement.code);
const AT = at('2026-03-18T08:00:00.000Z');

describe('unmetForMonitoring', () => {
  it('is empty when rights are open, the prescribed device assigned, the prescription ISSUED and covering the day, the certification in force', () =>
    expect(unmetForMonitoring(enrolment(), AT, certificationInForce())).toEqual([]));

  it('names closed rights', () =>
    expect(unmetForMonitoring(enrolment(undefined, { rights: { status: 'CLOSED', request: 1 } }), AT, certificationInForce())).toEqual([
      expect.objectContaining({ field: 'rights', code: 'RIGHTS_CLOSED' }),
    ]));

  it.each(['PENDING', 'UNAVAILABLE'] as const)('names rights %s as not open, saying what to do', (status) => {
    const [unmet] = unmetForMonitoring(enrolment(undefined, { rights: { status, request: 1 } }), AT, certificationInForce());
    expect(unmet).toMatchObject({ field: 'rights', code: 'RIGHTS_NOT_OPEN' });
    expect(unmet.message).toContain(status);
    expect(unmet.message).toContain('rights-check');
  });

  it('names a missing device', () =>
    expect(codes(unmetForMonitoring(enrolment([created(), consentGiven(), rightsChecked('OPEN')]), AT, certificationInForce()))).toEqual(['DEVICE_REQUIRED']));

  it('names a device that is not the prescribed product', () =>
    expect(unmetForMonitoring(enrolment(undefined, { device: { serialNumber: SERIAL, udiDi: OTHER_UDI_DI } }), AT, certificationInForce())).toEqual([
      expect.objectContaining({ field: 'device.udiDi', code: 'UDI_DI_MISMATCH' }),
    ]));

  it.each(['CANCELLED', 'EXPIRED'] as const)('names a prescription %s', (prescriptionStatus) =>
    expect(codes(unmetForMonitoring(enrolment(undefined, { prescriptionStatus }), AT, certificationInForce()))).toEqual(['PRESCRIPTION_NOT_ISSUED']));

  it('names a day after the prescription ended (a Paris day)', () => {
    // 2026-09-14T22:00Z is already the 15th in Paris; the prescription ends on the 14th.
    expect(codes(unmetForMonitoring(enrolment(), at('2026-09-14T21:59:59.999Z'), certificationInForce()))).toEqual([]);
    expect(codes(unmetForMonitoring(enrolment(), at('2026-09-14T22:00:00.000Z'), certificationInForce()))).toEqual(['AFTER_PRESCRIPTION_END']);
  });

  it.each([
    ['unknown here', null],
    ['SUSPENDED', certificationInForce({ status: 'SUSPENDED' })],
    ['REVOKED', certificationInForce({ status: 'REVOKED' })],
    ['EXPIRED', certificationInForce({ status: 'EXPIRED' })],
  ])('names a certification %s', (_certification, certification) => {
    const [unmet] = unmetForMonitoring(enrolment(), AT, certification);
    expect(unmet).toMatchObject({ field: 'certification', code: 'CERTIFICATION_NOT_IN_FORCE' });
    expect(unmet.message).toContain(certification ? certification.status : 'unknown here');
  });

  it('holds a CERTIFIED certification in force until the instant it is valid until, not after', () => {
    expect(codes(unmetForMonitoring(enrolment(), AT, certificationInForce({ validUntil: '2026-03-18T08:00:00.001Z' })))).toEqual([]);
    expect(codes(unmetForMonitoring(enrolment(), AT, certificationInForce({ validUntil: '2026-03-18T08:00:00.000Z' })))).toEqual([
      'CERTIFICATION_NOT_IN_FORCE',
    ]);
    expect(codes(unmetForMonitoring(enrolment(), AT, certificationInForce({ validUntil: '2026-03-17T23:00:00.000Z' })))).toEqual([
      'CERTIFICATION_NOT_IN_FORCE',
    ]);
  });

  it('names every unmet requirement at once', () =>
    expect(
      unmetForMonitoring(
        enrolment([created(), consentGiven(), rightsChecked('CLOSED')], { prescriptionStatus: 'CANCELLED' }),
        AT,
        certificationInForce({ status: 'SUSPENDED' }),
      ).map(({ field, code }) => [field, code]),
    ).toEqual([
      ['rights', 'RIGHTS_CLOSED'],
      ['device', 'DEVICE_REQUIRED'],
      ['prescription', 'PRESCRIPTION_NOT_ISSUED'],
      ['certification', 'CERTIFICATION_NOT_IN_FORCE'],
    ]));
});

describe('unmetForActivationDate', () => {
  it('accepts an activation at or after the consent, on or after the prescription start', () => {
    expect(unmetForActivationDate(enrolment(), at(CONSENT_SIGNED_AT))).toEqual([]);
    expect(unmetForActivationDate(enrolment(), AT)).toEqual([]);
  });

  it("names an activation before the consent's signedAt", () =>
    expect(unmetForActivationDate(enrolment(), at('2026-03-16T09:59:59.999Z'))).toEqual([
      expect.objectContaining({ field: 'activatedAt', code: 'BEFORE_CONSENT' }),
    ]));

  it("names an activation before the prescription's first (Paris) day", () => {
    const late = enrolment([created({ prescription: prescription({ startDate: '2026-03-19' }) }), consentGiven(), rightsChecked('OPEN'), deviceAssigned()]);
    expect(codes(unmetForActivationDate(late, at('2026-03-18T22:59:59.999Z')))).toEqual(['BEFORE_PRESCRIPTION_START']);
    expect(codes(unmetForActivationDate(late, at('2026-03-18T23:00:00.000Z')))).toEqual([]);
  });

  it('names both at once', () =>
    expect(codes(unmetForActivationDate(enrolment(), at('2026-03-14T12:00:00.000Z')))).toEqual(['BEFORE_CONSENT', 'BEFORE_PRESCRIPTION_START']));

  it('checks only the prescription start when no consent is in force (the consent is refused on its own)', () =>
    expect(codes(unmetForActivationDate(enrolment([created()]), at('2026-03-14T12:00:00.000Z')))).toEqual(['BEFORE_PRESCRIPTION_START']));
});
