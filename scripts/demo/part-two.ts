import { parisMidnight } from '@app/fr-health';
import { adjudicate, getEnrolment, listClaims, pollUntil, remittances, waitForBillingRun, waitForNotifications, waitForPayment, type BillingRun, type Workflow } from '../workflow';
import { periodOverOn } from './billing-plan';
import { clockOffsetToReach } from './clock-offset';
import type { ClaimView, EnrolmentView, IncidentView, RemittanceView } from '../workflow';
import { actorsOf, castOf, type DemoCast } from './demo-actors';
import { money, sleep, timed, type DemoContext } from './demo-context';
import type { DemoState } from './demo-state';
import { coverageIncident, inBatches, transmissionsBetween } from './monitoring-plan';
import { outcomeOf, seconds, shortId } from './narration';
import { DemoStop } from './platform-check';
import { platformDayFromObservance } from './platform-clock';
import { restartInstructions } from './restart-instructions';

/** The saved demo is not on this platform (its database was made anew): a new demo starts. */
export class DemoStateGone extends Error {}

/** Billing runs the demo starts before it says the month did not give a claim (claims may still be reading the late data). */
const BILLING_ATTEMPTS = 5;

/**
 * The second part, once the billed month is over on the platform's clock:
 * the month's transmissions and the incident, the billing run, the claim
 * submitted, approved and paid, the remittances. 'WAITING' when the clock
 * is not there yet (the reader is told how to move it).
 */
export async function runPartTwo(ctx: DemoContext, state: DemoState): Promise<{ wf: Workflow; claim: ClaimView } | 'WAITING'> {
  const { client, narrator } = ctx;
  const actors = actorsOf(state.identities, undefined, ctx.env);
  const cast = castOf(state.identities);
  // `now` dates nothing here: this part dates by the platform's day it reads, and the steps it calls only poll.
  const wf: Workflow = { client, actors, now: () => ctx.realNow(), timeoutMs: ctx.timeoutMs };
  const { plan } = state;

  const found = await client.get<EnrolmentView>(`/v1/enrolments/${state.enrolmentId}`, { token: actors.operator.token, expect: [200, 404] });
  if (found.status === 404) throw new DemoStateGone(`enrolment ${state.enrolmentId} of the saved demo is not on this platform`);
  const platformDay = platformDayFromObservance(found.body.observance);
  if (!platformDay) throw new DemoStop(`The platform's clock cannot be read from enrolment ${state.enrolmentId} (no observance: its first transmission is missing). Start a new demo: npm run demo -- --fresh`);
  narrator.step(cast.demo, "reads the platform's clock from the enrolment's observance (days elapsed, counted on the platform's clock)", `${platformDay.day}${platformDay.atLeast ? ' or later' : ''} in Paris`);
  if (!periodOverOn(plan, platformDay.day)) {
    narrator.say();
    for (const line of restartInstructions({ plan, platformDay, offset: clockOffsetToReach(new Date(plan.target), ctx.realNow()), statePath: ctx.options.statePath, demoCommand: ctx.demoCommand })) narrator.say(line);
    return 'WAITING';
  }

  narrator.section(`Part 2: ${plan.period} is over on the platform's clock: monitoring reported, billed, approved, paid`);
  const silences = found.body.incidents.filter((incident) => incident.openedBy === 'system');
  if (silences.length > 0) {
    // The clock jumped ahead of the device's reports: what the platform concluded meanwhile is in the dossier too.
    narrator.step(
      cast.enrolment,
      `had found, once its clock moved on, a silence from ${silences[0].startedAt} (no transmission for more than 26 hours)`,
      `incident opened by the platform, cause ${silences[0].cause}: the ${silences[0].responsibleParty}'s until explained`,
    );
  }
  await reportTheMonth(ctx, wf, cast, state, platformDay.day);
  const run = await billTheMonth(ctx, wf, cast, state);
  const claim = await claimOf(ctx, wf, cast, state, run);

  if (claim.status === 'SUBMITTED') {
    const approved = await adjudicate(wf, claim.id, { decision: 'APPROVE' });
    narrator.step(cast.processor, `approves claim ${shortId(claim.id)} whole, from the processors' queue`, `200 ${approved.status}`);
  } else {
    narrator.step(cast.processor, `finds claim ${shortId(claim.id)} already decided (an earlier run of the demo)`, claim.status);
  }
  const paid = await timed((): Promise<ClaimView> => waitForPayment(wf, claim.id));
  narrator.step(cast.claims, 'pays the approved lines (the payment job, a few seconds after the approval)', `PAID reference ${paid.value.payment?.reference} at ${paid.value.payment?.paidAt} (after ${seconds(paid.ms)})`);

  for (const [who, token, payee] of [
    [cast.operator, actors.operator.token, state.identities.operator.org],
    [cast.vendor, actors.vendor.token, state.identities.vendor.org],
  ] as const) {
    const advices = await pollUntil(`the remittance of ${payee}`, async () => {
      const items: RemittanceView[] = await remittances(wf, token);
      const mine = items.filter((item) => item.claims.some((line) => line.claimId === claim.id));
      return mine.length > 0 ? mine : undefined;
    }, { timeoutMs: ctx.timeoutMs, intervalMs: 500 });
    const advice = advices[0];
    const line = advice.claims.find((item) => item.claimId === claim.id)!;
    narrator.step(who, `reads its remittance advice ${advice.reference}`, `${money(line.amountCents)} for this claim, ${money(advice.totalCents)} in all, paid ${advice.paidAt}`);
  }
  // The payment reached the operator's inbox too (and its webhooks, had it registered one).
  const inbox = await waitForNotifications(wf, actors.operator.token, (items) => items.some((n) => n.type === 'CLAIM_PAID' && n.subject === `claim:${claim.id}`), `the operator told claim ${claim.id} was paid`);
  narrator.step(cast.operator, 'finds the payment in its notifications', inbox.find((n) => n.type === 'CLAIM_PAID' && n.subject === `claim:${claim.id}`)!.message);
  return { wf, claim: paid.value };
}

/** The month's transmissions, reported late by the operator's platform, and the outage it investigated. */
async function reportTheMonth(ctx: DemoContext, wf: Workflow, cast: DemoCast, state: DemoState, platformDay: string): Promise<void> {
  const { client, narrator } = ctx;
  const token = wf.actors.operator.token;
  const outage = coverageIncident(state.plan);
  // Up to the platform's midnight: surely not in its future, and past the billed month's last day.
  const items = transmissionsBetween(new Date(state.activatedAt), parisMidnight(platformDay), outage);
  let accepted = 0;
  for (const batch of inBatches(items)) {
    const answer = await client.post(`/v1/enrolments/${state.enrolmentId}/transmissions`, { items: batch }, { token, expect: 202 });
    accepted += answer.body.accepted as number;
  }
  narrator.step(
    cast.operator,
    `reports what the device sent since the activation, uploaded late: every 6 hours from ${items[0]?.at.slice(0, 10)} to ${items[items.length - 1]?.at.slice(0, 10)}, none during the outage`,
    `202 accepted ${accepted}`,
  );

  const enrolment: EnrolmentView = await getEnrolment(wf, state.enrolmentId);
  const known = enrolment.incidents.find((incident) => incident.openedBy === 'operator' && incident.startedAt === outage.startedAt);
  const incident: IncidentView =
    known ??
    (await client.post(`/v1/enrolments/${state.enrolmentId}/connectivity-incidents`, outage, {
      token,
      expect: 201,
      headers: { 'Idempotency-Key': `demo-incident-${state.enrolmentId}` },
    })).body;
  narrator.step(
    cast.operator,
    `reports a connectivity incident: no cellular network at the patient's home, ${outage.startedAt} to ${outage.endedAt}, cause ${outage.cause}`,
    `${known ? 'already recorded' : '201'}: responsible party ${incident.responsibleParty}`,
  );
  narrator.detail('the prescriber overrode the HOME_COVERAGE warning, so a coverage outage is theirs (DOMAIN.md "Responsibility"); it removes no billable day');

  // The silence the platform found while its clock ran ahead is withdrawn by the late transmissions; claims reads that through Kafka.
  const periodStart = parisMidnight(state.plan.firstBillableDay).getTime();
  const periodEnd = Date.parse(state.plan.periodEnd);
  const silences = (current: EnrolmentView) =>
    current.incidents.filter(
      (incident) => incident.openedBy === 'system' && Date.parse(incident.startedAt) < periodEnd && (incident.endedAt === null || Date.parse(incident.endedAt) > periodStart),
    );
  const settled = await timed(() =>
    pollUntil('the silences of the billed month withdrawn', async () => silences(await getEnrolment(wf, state.enrolmentId)).length === 0, { timeoutMs: ctx.timeoutMs, intervalMs: 500 }).catch(() => false),
  );
  narrator.step(
    cast.enrolment,
    `checks the month for silences longer than 26 hours`,
    settled.value ? `none left in ${state.plan.period} (after ${seconds(settled.ms)})` : `some remain in ${state.plan.period}: those days may not be billable`,
  );
}

/** The admin bills the month; again a few times while claims has not yet read the late data (it skips the enrolment BELOW_MINIMUM_DAYS). */
async function billTheMonth(ctx: DemoContext, wf: Workflow, cast: DemoCast, state: DemoState): Promise<BillingRun> {
  const { client, narrator } = ctx;
  for (let attempt = 1; ; attempt += 1) {
    const started = await client.post('/v1/billing-runs', { period: state.plan.period }, { token: wf.actors.admin.token, expect: 202 });
    narrator.step(cast.admin, `starts the billing run of ${state.plan.period}${attempt > 1 ? ` (attempt ${attempt})` : ''}`, outcomeOf(started.status, started.body));
    const run = await timed(() => waitForBillingRun(wf, started.body.id));
    const skipped = run.value.skipped.find((item) => item.enrolmentId === state.enrolmentId);
    narrator.step(
      cast.claims,
      `bills the month: ${run.value.enrolments} enrolment(s) seen, ${run.value.claimed} claimed${skipped ? `; ours skipped ${skipped.reason}` : ''}`,
      `${run.value.status} (started ${(run.value as BillingRun & { createdAt?: string }).createdAt ?? '?'} on the platform's clock, after ${seconds(run.ms)})`,
    );
    if (!skipped || skipped.reason === 'ALREADY_CLAIMED') return run.value;
    if (skipped.reason !== 'BELOW_MINIMUM_DAYS' || attempt >= BILLING_ATTEMPTS) {
      throw new DemoStop(`The billing run skipped the demo's enrolment: ${skipped.reason}. The month ${state.plan.period} was expected to have ${state.plan.billableDays} billable days.`);
    }
    await sleep(3_000);
  }
}

/** The demo's claim of the month once the AMO has answered (in the processors' queue, or decided by an earlier run). */
async function claimOf(ctx: DemoContext, wf: Workflow, cast: DemoCast, state: DemoState, run: BillingRun): Promise<ClaimView> {
  const settled = await timed(() =>
    pollUntil(
      `the claim of enrolment ${state.enrolmentId} for ${state.plan.period} answered by the AMO`,
      async () => {
        const all: ClaimView[] = await listClaims(wf, { period: state.plan.period });
        const claims = all.filter((claim) => claim.enrolmentId === state.enrolmentId && claim.status !== 'CANCELLED');
        const claim = claims.find((item) => item.status !== 'CREATED');
        return claim ?? undefined;
      },
      { timeoutMs: Math.max(ctx.timeoutMs, 60_000), intervalMs: 500 },
    ),
  );
  const claim = settled.value;
  if (claim.status === 'REJECTED' || claim.status === 'SUBMISSION_FAILED') {
    throw new DemoStop(`The claim ${claim.id} is ${claim.status}: ${JSON.stringify(claim.rejection ?? claim.submissionFailure)}`);
  }
  ctx.narrator.step(
    cast.claims,
    `submits claim ${shortId(claim.id)} to the AMO (simulated): ${claim.billableDays} billable days, tariff ${claim.tariffVersion}${claim.billingRunId === run.id ? '' : ', from an earlier run'}`,
    `${claim.status === 'SUBMITTED' ? 'SUBMITTED' : claim.status} (after ${seconds(settled.ms)})`,
  );
  for (const line of claim.lines) {
    const payee = line.payee === state.identities.operator.org ? cast.operator.label : line.payee === state.identities.vendor.org ? cast.vendor.label : line.payee;
    ctx.narrator.detail(`${line.kind} line ${line.code}: ${money(line.amountCents)} to ${payee}`);
  }
  ctx.narrator.detail(`total ${money(claim.totalCents)}, AMO share ${money(claim.amoShareCents)} (${claim.amoRatePercent}%: the ALD link), patient share ${money(claim.patientShareCents)}`);
  return claim;
}
