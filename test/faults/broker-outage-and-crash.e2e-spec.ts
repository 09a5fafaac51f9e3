import type { KafkaConnection } from '@app/messaging/kafka/kafka-sasl';
import { LocalPlatform } from '../../scripts/platform/local-platform';
import { activate, assignDevice, type Device, GatewayClient, giveConsent, pollUntil, prescribe, type Prescription, waitForEnrolment, type Workflow } from '../../scripts/workflow';
import { lostOrDoubled, PlatformFacts, platformKafka } from './fault-checks';
import { certifiedDevice, flowOn, internalErrors, readiness, startLoad } from './fault-flows';

jest.setTimeout(600_000);

/**
 * Faults of the broker and of a service process, on one platform whose every
 * service runs as its own process with its own broker (LocalPlatform): the
 * platform's Kafka stopped in the middle of the workflow, and a service killed
 * with SIGKILL under load. Each ends by checking, from the database and the
 * broker, that nothing was lost or doubled.
 */
describe('faults of the broker and of a service process (every service its own process, own broker)', () => {
  let platform: LocalPlatform;
  let facts: PlatformFacts;
  let kafka: KafkaConnection;
  let client: GatewayClient;
  let device: Device;
  let setup: Workflow;

  beforeAll(async () => {
    platform = await LocalPlatform.start();
    facts = new PlatformFacts(platform.databaseUrl);
    kafka = platformKafka(platform.kafkaBrokers);
    client = new GatewayClient(platform.gatewayUrl);
    setup = flowOn(client, () => platform.now());
    device = await certifiedDevice(setup);
    // The certification has reached the prescription service once a prescription is issued.
    await prescribe(setup, device);
  });

  afterAll(async () => {
    await facts?.close();
    await platform?.stop();
  });

  /** Consent, device, activation: the enrolment ACTIVE, each step through the gateway. */
  async function monitor(wf: Workflow, prescription: Prescription): Promise<string> {
    const enrolment = await waitForEnrolment(wf, prescription.id);
    await giveConsent(wf, enrolment.id);
    await assignDevice(wf, enrolment.id, device);
    const active = await activate(wf, enrolment.id);
    expect(active.status).toBe('ACTIVE');
    return enrolment.id as string;
  }

  it('Kafka stopped and started again mid-workflow: every prescription gets one enrolment, every stream in order, nothing lost', async () => {
    const flows = Array.from({ length: 8 }, () => flowOn(client, () => platform.now()));
    // Half in flight when the broker stops: issued, their events on their way through the outbox and the consumers.
    const before = await Promise.all(flows.slice(0, 4).map((wf) => prescribe(wf, device)));
    await platform.stopBroker();
    // A write needs Postgres alone: the other half is issued while the broker is down, its events kept in the outbox.
    const during = await Promise.all(flows.slice(4).map((wf) => prescribe(wf, device)));
    expect((await facts.outboxBacklog()).prescription).toBeGreaterThanOrEqual(during.length);
    const notReady = await pollUntil('the gateway not ready without the broker', async () => {
      const ready = await readiness(platform.gatewayUrl);
      return ready.status === 503 ? ready : undefined;
    }, { timeoutMs: 30_000, intervalMs: 250 });
    expect(notReady.body).toEqual({ status: 'not_ready' });
    await platform.startBroker();

    const prescriptions = [...before, ...during];
    const enrolmentIds = await Promise.all(flows.map((wf, i) => monitor(wf, prescriptions[i])));
    expect(new Set(enrolmentIds).size).toBe(flows.length);
    await pollUntil('the gateway ready again', async () => (await readiness(platform.gatewayUrl)).status === 200, { timeoutMs: 60_000, intervalMs: 250 });

    expect(internalErrors(platform)).toEqual([]);
    expect(await lostOrDoubled(facts, kafka, { prescriptionIds: prescriptions.map((p) => p.id) })).toEqual([]);
  });

  it('enrolment, then prescription, killed with SIGKILL under load and started again: they catch up, every 2xx is in effect, nothing half-written', async () => {
    const load = startLoad(client, device, () => platform.now());
    try {
      // Under load: the kill lands while the service handles requests and consumes events.
      await load.answeredAtLeast(4);
      // Enrolment (commands, consumers, relay, jobs), then prescription (commands and relay), each killed and started again.
      for (const service of ['enrolment', 'prescription']) {
        await platform.kill(service, 'SIGKILL');
        const answeredAtKill = load.answered.length;
        await platform.restart(service);
        await load.answeredAtLeast(answeredAtKill + 6);
      }
    } finally {
      await load.stop();
    }
    const { answered, issued, refusals } = load;
    // The load did meet the outages: some writes were refused while a service was down, and went through later.
    expect(refusals.length).toBeGreaterThan(0);

    // Every command answered 2xx is in effect: its event at the answered version, and the audit entry of that version.
    const expectedType = { consent: 'ConsentRecorded', device: 'DeviceAssigned' } as const;
    for (const { enrolmentId, step, version } of answered) {
      const rows = await facts.query<{ type: string; audited: number }>(
        `SELECT e.type, (SELECT count(*)::int FROM enrolment.audit_entries a
                          WHERE a.stream_id = e.stream_id AND (a.entry->>'streamVersion')::int = e.version) AS audited
           FROM enrolment.events e WHERE e.stream_id = $1 AND e.version = $2`,
        [enrolmentId, version],
      );
      expect({ enrolmentId, version, rows }).toEqual({ enrolmentId, version, rows: [{ type: expectedType[step], audited: 1 }] });
    }
    // Every prescription answered 201 is issued, once.
    const stored = await facts.query<{ stream_id: string }>(`SELECT stream_id FROM prescription.events WHERE type = 'PrescriptionIssued' AND stream_id = ANY($1)`, [issued]);
    expect(stored.map((row) => row.stream_id).sort()).toEqual([...issued].sort());
    expect(internalErrors(platform)).toEqual([]);
    expect(await lostOrDoubled(facts, kafka, { prescriptionIds: issued })).toEqual([]);
  });
});
