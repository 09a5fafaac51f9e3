import { randomNir, randomRpps } from '@app/testing';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { type ActiveEnrolment, EnrolmentFeed, type IssuedPrescription } from './enrolment-feed.fixture';
import { bearer, enrolmentTokens, type EnrolmentTestApp } from './enrolment.test-app';

export const physicianToken = (rpps: string): string => bearer({ role: 'physician', rpps, specialty: 'cardiology', sub: `physician-${rpps}` });

/**
 * What the FHIR views' integration specs read, made through the service's
 * real consumers and HTTP API, for an operator org of their own:
 * - `a`: ACTIVE, its device replaced (`replacedSerial` then `serialNumber`),
 *   its first consent superseded by a second one;
 * - `b`: ACTIVE, its consent withdrawn (SUSPENDED), then ENDED by its operator;
 *   `a` and `b` prescribed by `prescriberRpps`;
 * - `c`: prescribed by `otherRpps`, its patient's consent refused.
 */
export interface FhirEnrolments {
  operatorOrg: string;
  operator: string;
  prescriberRpps: string;
  otherRpps: string;
  a: ActiveEnrolment & { replacedSerial: string; consentIds: string[] };
  b: ActiveEnrolment & { consentIds: string[]; endedAt: string };
  c: IssuedPrescription & { consentIds: string[] };
  /** Before anything of these was made. */
  startedAt: Date;
}

export async function makeFhirEnrolments(t: EnrolmentTestApp): Promise<FhirEnrolments> {
  const startedAt = new Date(t.clock.now().getTime() - 1);
  const operatorOrg = `OP-FHIR-${uuidv7().slice(-8)}`;
  const operator = enrolmentTokens.operatorOf(operatorOrg);
  const prescriberRpps = randomRpps();
  const otherRpps = randomRpps();
  const feed = new EnrolmentFeed(t, { operatorOrg });
  const http = () => request(t.app.getHttpServer());
  const prescriber = (rpps: string) => ({ data: { prescriber: { rpps, specialty: 'CARDIOLOGY' } } });
  const consentBody = (decision: 'GIVEN' | 'REFUSED') => ({
    decision,
    consentTextVersion: 'tlsm-2026.1',
    method: 'ELECTRONIC',
    signedAt: new Date(t.clock.now().getTime() - 30_000).toISOString(),
  });
  const consentIds = async (enrolmentId: string): Promise<string[]> => {
    const { body } = await http().get(`/v1/enrolments/${enrolmentId}`).set('Authorization', operator).expect(200);
    return body.consents.map((consent: { id: string }) => consent.id);
  };

  const activeA = await feed.activeEnrolment({ nir: randomNir(), ...prescriber(prescriberRpps) });
  const serialNumber = `SN-${uuidv7().slice(-12)}`;
  await http().post(`/v1/enrolments/${activeA.enrolmentId}/device`).set('Authorization', operator).send({ serialNumber, udiDi: activeA.udiDi }).expect(200);
  await http().post(`/v1/enrolments/${activeA.enrolmentId}/consent`).set('Authorization', enrolmentTokens.patient(activeA.nir)).send(consentBody('GIVEN')).expect(200);
  const a = { ...activeA, replacedSerial: activeA.serialNumber, serialNumber, consentIds: await consentIds(activeA.enrolmentId) };

  const activeB = await feed.activeEnrolment({ nir: randomNir(), ...prescriber(prescriberRpps) });
  await http().post(`/v1/enrolments/${activeB.enrolmentId}/consent-withdrawal`).set('Authorization', enrolmentTokens.patient(activeB.nir)).send({}).expect(200);
  await http().post(`/v1/enrolments/${activeB.enrolmentId}/end`).set('Authorization', operator).send({ reason: 'monitoring stopped' }).expect(200);
  const { body: ended } = await http().get(`/v1/enrolments/${activeB.enrolmentId}`).set('Authorization', operator).expect(200);
  const b = { ...activeB, consentIds: await consentIds(activeB.enrolmentId), endedAt: ended.endedAt as string };

  const issuedC = await feed.issuePrescription(await feed.certifyDevice(), { nir: randomNir(), ...prescriber(otherRpps) });
  await http().post(`/v1/enrolments/${issuedC.enrolmentId}/consent`).set('Authorization', enrolmentTokens.patient(issuedC.nir)).send(consentBody('REFUSED')).expect(200);
  const c = { ...issuedC, consentIds: await consentIds(issuedC.enrolmentId) };

  return { operatorOrg, operator, prescriberRpps, otherRpps, a, b, c, startedAt };
}

/** Every resource of a search, following its `next` links (through the same app) until the last page. */
export async function allPages<T extends Resource>(t: EnrolmentTestApp, first: Bundle, token: string): Promise<{ resources: T[]; pages: number }> {
  const resources: T[] = [];
  let page: Bundle | undefined = first;
  let pages = 0;
  while (page) {
    pages += 1;
    resources.push(...((page.entry ?? []).map((entry) => entry.resource) as T[]));
    const next: string | undefined = page.link?.find((link) => link.relation === 'next')?.url;
    if (!next) break;
    const url = new URL(next);
    const answer: request.Response = await request(t.app.getHttpServer()).get(`${url.pathname}${url.search}`).set('Authorization', token).expect(200);
    page = answer.body as Bundle;
    if (pages > 50) throw new Error('more than 50 pages: the next links do not end');
  }
  return { resources, pages };
}

/** The resources of a searchset Bundle. */
export const resourcesOf = <T extends Resource>(bundle: Bundle): T[] => (bundle.entry ?? []).map((entry) => entry.resource as T);
