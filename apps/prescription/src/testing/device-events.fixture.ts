import { TOPICS } from '@app/contracts';
import { certificationGranted, publishEnvelopes, testEnvelope } from '@app/testing';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

/**
 * Publishes device-certification events the way that service does (key =
 * device id, EventEnvelope JSON on its real topic), so the test exercises the
 * real consumer and projection.
 */
export class DeviceCertificationFeed {
  private version = 2;
  readonly deviceId = uuidv7();

  constructor(private readonly dataSource: DataSource) {}

  async certify(data: Partial<Record<string, unknown>> = {}, occurredAt = new Date(Date.now() - 60_000)): Promise<this> {
    return this.publish('DeviceCertified', { ...certificationGranted(occurredAt, { validUntil: new Date(Date.now() + 3 * 365 * 86_400_000).toISOString() }), ...data }, occurredAt);
  }

  async publish(type: string, data: Record<string, unknown>, occurredAt = new Date(Date.now() - 30_000)): Promise<this> {
    this.version += 1;
    const envelope = testEnvelope({
      type,
      schemaVersion: 1,
      streamId: this.deviceId,
      streamType: 'device',
      version: this.version,
      occurredAt,
      actor: { id: 'evaluator-user', role: 'evaluator' },
      data,
    });
    await publishEnvelopes(TOPICS.deviceCertification, [envelope]);
    await this.waitForFacts(this.version - 2);
    return this;
  }

  /** The projection is eventually consistent: wait until it holds what was published. */
  private async waitForFacts(count: number): Promise<void> {
    const deadline = Date.now() + 45_000;
    for (;;) {
      const [{ n }] = await this.dataSource.query('SELECT count(*)::int AS n FROM certified_device_history WHERE device_id = $1', [
        this.deviceId,
      ]);
      if (n >= count) return;
      if (Date.now() > deadline) throw new Error(`device ${this.deviceId}: ${n} of ${count} certification facts arrived`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
