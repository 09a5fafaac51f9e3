import { FR_SYSTEMS, platformUrl } from '@app/fhir';
import { expectValidFhir } from '@app/testing';
import type { Bundle, DeviceRequest, OperationOutcome } from '@medplum/fhirtypes';
import request from 'supertest';
import { DeviceCertificationFeed } from '../../testing/device-events.fixture';
import { prescriptionBody } from '../../testing/prescription-request.fixture';
import { bearer, startPrescription, tokens, type PrescriptionTestApp } from '../../testing/prescription.test-app';

const JUSTIFICATION = 'Patient installs a home Wi-Fi gateway supplied by the operator';
const REASON = 'patient moved abroad';

interface Issued {
  id: string;
  nir: string;
  pseudonym: string;
}

describe('FHIR DeviceRequest (real Postgres, Kafka, Redis)', () => {
  let t: PrescriptionTestApp;
  const http = () => request(t.app.getHttpServer());
  const fhir = (path: string, token = tokens.cardiologist) => http().get(`/fhir/R4/${path}`).set('Authorization', token);
  const bundleOf = async (path: string, token = tokens.cardiologist): Promise<Bundle<DeviceRequest>> => {
    const res = await fhir(path, token).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const bundle = res.body as Bundle<DeviceRequest>;
    expectValidFhir(bundle);
    for (const entry of bundle.entry ?? []) expectValidFhir(entry.resource!);
    return bundle;
  };
  const idsOf = (bundle: Bundle<DeviceRequest>) => (bundle.entry ?? []).map((entry) => entry.resource!.id).sort();

  // Patient 1: a cancelled prescription with a justified override (cellular-only device at a poorly covered home), then a new one.
  let cancelled: Issued;
  let current: Issued;
  // Patient 2, by the same cardiologist; patient 3, by another cardiologist.
  let second: Issued;
  let others: Issued;

  const issue = async (body: ReturnType<typeof prescriptionBody> & { overrides?: object[] }, token = tokens.cardiologist): Promise<Issued> => {
    const res = await http().post('/v1/prescriptions').set('Authorization', token).send(body).expect(201);
    return { id: res.body.id, nir: body.patient.nir, pseudonym: res.body.patient.pseudonym };
  };

  beforeAll(async () => {
    t = await startPrescription();
    const wifi = await new DeviceCertificationFeed(t.dataSource).certify();
    const cellular = await new DeviceCertificationFeed(t.dataSource).certify({ connectivity: ['CELLULAR_4G'] });
    const base = prescriptionBody(cellular.deviceId);
    cancelled = await issue({
      ...base,
      patient: { ...base.patient, homeCellularCoverage: 'POOR' },
      overrides: [{ ruleId: 'HOME_COVERAGE', justification: JUSTIFICATION }],
    });
    await http().post(`/v1/prescriptions/${cancelled.id}/cancellation`).set('Authorization', tokens.cardiologist).send({ reason: REASON }).expect(200);
    current = await issue({ ...prescriptionBody(wifi.deviceId), patient: { ...base.patient, homeCellularCoverage: 'GOOD' } });
    second = await issue(prescriptionBody(wifi.deviceId));
    others = await issue(prescriptionBody(wifi.deviceId), tokens.otherCardiologist);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reads a prescription as a valid DeviceRequest, the NIR for its prescriber alone', async () => {
    const res = await fhir(`DeviceRequest/${cancelled.id}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const resource = res.body as DeviceRequest;
    expectValidFhir(resource);
    expect(resource).toMatchObject({
      resourceType: 'DeviceRequest',
      id: cancelled.id,
      meta: { versionId: '2' },
      status: 'revoked',
      intent: 'order',
      codeCodeableConcept: { coding: [{ system: FR_SYSTEMS.lpp, code: '1612544' }] },
      subject: { reference: `Patient/${cancelled.pseudonym}`, identifier: { system: FR_SYSTEMS.nir, value: cancelled.nir } },
      requester: { identifier: { system: FR_SYSTEMS.idNatPs, value: '810012345673' } },
      performer: { identifier: { system: platformUrl('NamingSystem/operator'), value: 'operator-telecardio' } },
      reasonCode: [{ coding: [{ system: platformUrl('CodeSystem/indication'), code: 'HEART_FAILURE' }] }],
    });
    const text = JSON.stringify(resource);
    expect(text).toContain(JUSTIFICATION);
    expect(text).toContain(REASON);
    expect(text).not.toContain('1984-03-02');

    const audited = (await fhir(`DeviceRequest/${cancelled.id}`, tokens.auditor).expect(200)).body as DeviceRequest;
    expectValidFhir(audited);
    expect(audited.subject).toEqual({ reference: `Patient/${cancelled.pseudonym}` });
    expect(JSON.stringify(audited)).toContain(JUSTIFICATION);
    const admin = (await fhir(`DeviceRequest/${cancelled.id}`, bearer({ role: 'admin', sub: 'admin-user' })).expect(200)).body as DeviceRequest;
    expectValidFhir(admin);
    for (const hidden of [cancelled.nir, JUSTIFICATION, REASON]) expect(JSON.stringify(admin)).not.toContain(hidden);
  });

  it('answers 404 OperationOutcome for another physician’s, a missing or a malformed id, and 403 to a vendor', async () => {
    for (const path of [`DeviceRequest/${cancelled.id}`, 'DeviceRequest/01950000-0000-7000-8000-00000000dead', 'DeviceRequest/not-a-uuid']) {
      const res = await fhir(path, tokens.otherCardiologist).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
      expect(res.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
      expectValidFhir(res.body as OperationOutcome);
    }
    const forbidden = await fhir(`DeviceRequest/${cancelled.id}`, tokens.vendor).expect(403);
    expect(forbidden.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'forbidden' }] });
    await fhir('DeviceRequest', tokens.vendor).expect(403);
  });

  it('searches by patient: exactly that patient’s, and nothing of another physician’s patient', async () => {
    const first = await bundleOf(`DeviceRequest?patient=Patient/${current.pseudonym}`);
    expect(first).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 2 });
    expect(idsOf(first)).toEqual([cancelled.id, current.id].sort());
    expect(first.entry?.every((entry) => entry.resource?.subject?.reference === `Patient/${current.pseudonym}`)).toBe(true);
    const bare = await bundleOf(`DeviceRequest?patient=${second.pseudonym}`);
    expect(idsOf(bare)).toEqual([second.id]);
    expect(bare.entry?.[0].fullUrl).toMatch(new RegExp(`/fhir/R4/DeviceRequest/${second.id}$`));

    const mine = await bundleOf('DeviceRequest');
    expect(idsOf(mine)).toEqual([cancelled.id, current.id, second.id].sort());
    const foreign = await bundleOf(`DeviceRequest?patient=${others.pseudonym}`);
    expect(foreign).toMatchObject({ total: 0 });
    expect(foreign.entry ?? []).toEqual([]);
    const theirs = await bundleOf(`DeviceRequest?patient=${current.pseudonym}`, tokens.otherCardiologist);
    expect(theirs).toMatchObject({ total: 0 });

    const everything = await bundleOf('DeviceRequest', tokens.auditor);
    expect(idsOf(everything)).toEqual([cancelled.id, current.id, second.id, others.id].sort());
  });

  it('lets a patient read their own prescriptions, as their export does, and no one else’s', async () => {
    const patient = bearer({ role: 'patient', nir: current.nir, sub: 'patient-one' });
    const own = await bundleOf('DeviceRequest', patient);
    expect(idsOf(own)).toEqual([cancelled.id, current.id].sort());
    expect(own.entry?.[0].resource?.subject?.identifier).toEqual({ system: FR_SYSTEMS.nir, value: current.nir });
    expect(await bundleOf(`DeviceRequest?patient=${second.pseudonym}`, patient)).toMatchObject({ total: 0 });
    await fhir(`DeviceRequest/${second.id}`, patient).expect(404);
    await fhir(`DeviceRequest/${current.id}`, patient).expect(200);
  });

  it('filters by status, FHIR codes standing for the service’s', async () => {
    const patient = `patient=${current.pseudonym}`;
    expect(idsOf(await bundleOf(`DeviceRequest?${patient}&status=revoked`))).toEqual([cancelled.id]);
    expect(idsOf(await bundleOf(`DeviceRequest?${patient}&status=active`))).toEqual([current.id]);
    expect(idsOf(await bundleOf(`DeviceRequest?${patient}&status=active,revoked`))).toEqual([cancelled.id, current.id].sort());
    expect(await bundleOf(`DeviceRequest?${patient}&status=completed`)).toMatchObject({ total: 0 });
  });

  it('filters by _lastUpdated, the instant of each version', async () => {
    const read = async (id: string) => ((await fhir(`DeviceRequest/${id}`).expect(200)).body as DeviceRequest).meta!.lastUpdated!;
    const cancelledAt = await read(cancelled.id);
    const currentAt = await read(current.id);
    expect(Date.parse(cancelledAt)).toBeLessThan(Date.parse(currentAt));
    const patient = `patient=${current.pseudonym}`;
    const q = encodeURIComponent;
    expect(idsOf(await bundleOf(`DeviceRequest?${patient}&_lastUpdated=lt${q(currentAt)}`))).toEqual([cancelled.id]);
    expect(idsOf(await bundleOf(`DeviceRequest?${patient}&_lastUpdated=ge${q(currentAt)}`))).toEqual([current.id]);
    expect(idsOf(await bundleOf(`DeviceRequest?${patient}&_lastUpdated=${q(cancelledAt)}`))).toEqual([cancelled.id]);
    const range = `_lastUpdated=ge${q(cancelledAt)}&_lastUpdated=le${q(currentAt)}`;
    expect(idsOf(await bundleOf(`DeviceRequest?${patient}&${range}`))).toEqual([cancelled.id, current.id].sort());
    expect(await bundleOf(`DeviceRequest?${patient}&_lastUpdated=gt${q(currentAt)}`)).toMatchObject({ total: 0 });
  });

  it('pages with _count, and following the next link reads the rest', async () => {
    const seen: string[] = [];
    let path: string | undefined = `DeviceRequest?patient=${current.pseudonym}&_count=1`;
    for (let page = 1; path; page += 1) {
      const bundle = await bundleOf(path);
      expect(bundle).toMatchObject({ total: 2 });
      expect(bundle.entry).toHaveLength(1);
      seen.push(bundle.entry![0].resource!.id!);
      const next = bundle.link?.find((link) => link.relation === 'next')?.url;
      if (page === 1) expect(next).toBeDefined();
      path = next ? new URL(next).href.split('/fhir/R4/')[1] : undefined;
    }
    expect(seen.sort()).toEqual([cancelled.id, current.id].sort());
  });

  it('refuses an unknown parameter and a bad value with a 400 OperationOutcome naming each', async () => {
    const res = await fhir(`DeviceRequest?code=1612544&status=draft&_count=0`).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const outcome = res.body as OperationOutcome;
    expectValidFhir(outcome);
    const named = outcome.issue.flatMap((issue) => issue.expression ?? []);
    expect(named.sort()).toEqual(['_count', 'code', 'status']);
    expect(outcome.issue.every((issue) => issue.code === 'invalid')).toBe(true);
    const patient = await fhir('DeviceRequest?patient=Patient/nobody').expect(400);
    expect(patient.body.issue.flatMap((issue: { expression?: string[] }) => issue.expression ?? [])).toEqual(['patient']);
  });

  it('lists DeviceRequest in its capabilities', async () => {
    const res = await http().get('/internal/fhir/capabilities').expect(200);
    const type = res.body.resources.find((resource: { type: string }) => resource.type === 'DeviceRequest');
    expect(type).toMatchObject({ interactions: ['read', 'search-type'] });
    expect(type.searchParams.map((param: { name: string }) => param.name)).toEqual(['patient', 'status', '_lastUpdated', '_count', '_page']);
    expect(type.searchParams[1].values).toEqual(['active', 'revoked', 'completed']);
  });
});
