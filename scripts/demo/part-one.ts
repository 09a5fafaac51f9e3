import { deviceBody, freshSuffix, getEnrolment, pollUntil, prescribe, waitForEnrolment, type Device, type Workflow } from '../workflow';
import { MINIMUM_BILLABLE_DAYS, planBilling } from './billing-plan';
import { actorsOf, castOf } from './demo-actors';
import { sleep, timed, type DemoContext } from './demo-context';
import type { DemoIdentities, DemoState } from './demo-state';
import { outcomeOf, seconds } from './narration';
import { platformShiftMs } from './platform-clock';

const DAY_MS = 86_400_000;

/**
 * The first part, on the platform's clock as it runs: a device registered
 * and certified, a prescription with a justified override of HOME_COVERAGE,
 * the patient's consent, the device assigned and activated, its first
 * transmission. Ends with the state the second part needs.
 */
export async function runPartOne(ctx: DemoContext, identities: DemoIdentities, nir: string): Promise<DemoState> {
  const { client, narrator } = ctx;
  const actors = actorsOf(identities, nir, ctx.env);
  const cast = castOf(identities);
  let shiftMs = 0;
  const wf: Workflow = { client, actors, now: () => new Date(ctx.realNow().getTime() + shiftMs), timeoutMs: ctx.timeoutMs };

  narrator.section('Part 1: from a device to an active monitoring');
  // deviceBody's wide-area radio: the patient's poor home coverage makes HOME_COVERAGE warn.
  const body = deviceBody(wf, { name: 'CardioLink HF', exploitant: null });
  const created = await client.post('/v1/devices', body, { token: actors.vendor.token, expect: 201 });
  // The platform's clock, read from the answer: the demo dates what it reports by it.
  shiftMs = platformShiftMs(created.body.createdAt, ctx.realNow());
  const deviceId = created.body.id as string;
  narrator.step(cast.vendor, `registers device "${body.name}" (UDI-DI ${body.udiDi}, class IIa, cellular only)`, outcomeOf(created.status, created.body));
  const submitted = await client.post(`/v1/devices/${deviceId}/submission`, {}, { token: actors.vendor.token, expect: 200 });
  narrator.step(cast.vendor, 'submits it for certification', outcomeOf(submitted.status, submitted.body));
  const validUntil = new Date(wf.now().getTime() + 3 * 365 * DAY_MS).toISOString();
  const review = { decision: 'CERTIFY', validUntil, lppCode: '1612544', certifiedIndications: ['HEART_FAILURE'] };
  const certified = await client.post(`/v1/devices/${deviceId}/review`, review, { token: actors.evaluator.token, expect: 200 });
  narrator.step(cast.evaluator, `certifies it for heart failure, LPP code 1612544, valid until ${validUntil.slice(0, 10)}`, outcomeOf(certified.status, certified.body));

  const device: Device = { deviceId, udiDi: body.udiDi, lppCode: '1612544', exploitant: body.manufacturer, body };
  const prescription = await prescribe(wf, device, { justifiedOverride: true, durationMonths: 6 });
  const results = (prescription.issued.evaluation?.results ?? []) as Array<{ ruleId: string; outcome: string }>;
  const warned = results.filter((result) => result.outcome === 'WARN').map((result) => result.ruleId);
  narrator.step(
    cast.physician,
    `prescribes it for 6 months (heart failure, home cellular coverage POOR), overriding HOME_COVERAGE with a justification`,
    `201 ${prescription.issued.status} (${prescription.startDate} to ${prescription.endDate})`,
  );
  const overrides = (prescription.body.overrides ?? []) as Array<{ ruleId: string; justification: string }>;
  narrator.detail(`HAS referential ${prescription.issued.evaluation?.referentialVersion}: ${results.length} rules, WARN ${warned.join(', ') || 'none'}; justification: "${overrides[0]?.justification}"`);

  const enrolment = await timed(() => waitForEnrolment(wf, prescription.id));
  const enrolmentId = enrolment.value.id as string;
  narrator.step(cast.enrolment, 'creates the enrolment of the prescription (it learnt of it through Kafka)', `${enrolment.value.status} (after ${seconds(enrolment.ms)})`);

  const consent = { consentTextVersion: 'tlsm-2026.1', method: 'ELECTRONIC', signedAt: new Date(wf.now().getTime() - 60_000).toISOString() };
  const consented = await client.post(`/v1/enrolments/${enrolmentId}/consent`, consent, { token: actors.patient.token, expect: 200 });
  narrator.step(cast.patient, 'gives consent electronically (consent text tlsm-2026.1)', outcomeOf(consented.status, consented.body));
  const rights = await timed(() =>
    pollUntil(
      `the AMO's answer on the rights of enrolment ${enrolmentId}`,
      async () => {
        const current = await getEnrolment(wf, enrolmentId);
        if (['CLOSED', 'UNAVAILABLE'].includes(current.rights?.status)) throw new Error(`the AMO answered ${current.rights.status} for the patient's rights`);
        return current.rights?.status === 'OPEN' ? current : undefined;
      },
      { timeoutMs: ctx.timeoutMs, intervalMs: 250 },
    ),
  );
  narrator.step(cast.enrolment, "asks the AMO (simulated) for the patient's insurance rights", `rights ${rights.value.rights.status} (after ${seconds(rights.ms)})`);

  const serialNumber = `SN-DEMO-${freshSuffix().toUpperCase()}`;
  const assigned = await client.post(`/v1/enrolments/${enrolmentId}/device`, { serialNumber, udiDi: body.udiDi }, { token: actors.operator.token, expect: 200 });
  narrator.step(cast.operator, `assigns the device serial ${serialNumber} to the patient`, outcomeOf(assigned.status, assigned.body));
  const activated = await client.post(`/v1/enrolments/${enrolmentId}/activation`, {}, { token: actors.operator.token, expect: 200 });
  const activatedAt = activated.body.activatedAt as string;
  narrator.step(cast.operator, 'activates the remote monitoring', `${outcomeOf(activated.status, activated.body)} at ${activatedAt}`);

  // A transmission is never dated in the future: wait until the platform's clock is past it.
  const firstAt = new Date(Date.parse(activatedAt) + 1_000);
  await sleep(Math.max(0, firstAt.getTime() - wf.now().getTime() + 500));
  const first = await client.post(
    `/v1/enrolments/${enrolmentId}/transmissions`,
    { items: [{ at: firstAt.toISOString(), network: 'CELLULAR_4G', kind: 'PERIODIC' }] },
    { token: actors.operator.token, expect: 202 },
  );
  narrator.step(cast.operator, "reports the device's first transmission (cellular 4G)", `${first.status} accepted ${first.body.accepted}`);

  return {
    version: 1,
    gatewayUrl: ctx.options.gatewayUrl,
    startedAt: ctx.realNow().toISOString(),
    phase: 'AWAITING_CLOCK',
    identities,
    device: { id: deviceId, name: body.name, udiDi: body.udiDi },
    prescriptionId: prescription.id,
    enrolmentId,
    serialNumber,
    activatedAt,
    plan: planBilling(new Date(activatedAt), MINIMUM_BILLABLE_DAYS),
    requestedOffset: null,
  };
}
