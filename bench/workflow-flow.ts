import { nirKey } from '@app/fr-health';
import type { GatewayClient } from '../scripts/workflow/gateway-client';
import type { Arrival } from './workflow-arrivals';
import type { FlowTimes } from './workflow-stats';
import type { EnrolmentWatch } from './workflow-watch';

/** What every flow of a level shares: the certified device, the prescriber, the level's operator org. */
export interface FlowSetting {
  client: GatewayClient;
  deviceId: string;
  physicianToken: string;
  operatorOrg: string;
  watch: EnrolmentWatch;
  /** A flow whose enrolment is not visible by then is counted as never completed. */
  visibleWithinMs: number;
  now: () => number;
}

/**
 * NIRs of distinct patients, one a flow (a patient prescribed twice for one
 * indication is refused NO_DUPLICATE, so random NIRs that may repeat would
 * make failures of their own): men born in March 1984 in Paris, as the
 * prescription's birthDate says, numbered from a random start.
 */
export function nirSequence(start = Math.floor(Math.random() * 500_000)): () => string {
  let next = start;
  return () => {
    const first13 = `1840375${String(1 + (next++ % 999_999)).padStart(6, '0')}`;
    return `${first13}${String(nirKey(first13)).padStart(2, '0')}`;
  };
}

/** A first prescription as API.md takes it (the fixture of the prescription service's tests), for a new patient. */
export const prescriptionBody = (deviceId: string, operatorOrg: string, nir: string) => ({
  patient: { nir, birthDate: '1984-03-02', homeCellularCoverage: 'GOOD', ald: true },
  deviceId,
  indication: 'HEART_FAILURE',
  operatorOrg,
  monitoringMode: 'PERIODIC',
  durationMonths: 6,
  clinical: { nyhaClass: 3, hospitalisedForHfWithin12Months: true, ntProBnpPgMl: 1800 },
});

/**
 * One flow: the physician's POST /v1/prescriptions (201), then the enrolment
 * the platform creates from its event, seen at the gateway by the level's
 * watch. Returns what it saw; a refusal or a timeout is its `error`.
 */
export async function prescriptionToEnrolment(setting: FlowSetting, arrival: Arrival, nir: string): Promise<FlowTimes> {
  const times: FlowTimes = { scheduledAt: arrival.scheduledAt };
  try {
    const { body } = await setting.client.post<{ id: string }>('/v1/prescriptions', prescriptionBody(setting.deviceId, setting.operatorOrg, nir), {
      token: setting.physicianToken,
      expect: 201,
      timeoutMs: 60_000,
    });
    times.createdAt = setting.now();
    times.prescriptionId = body.id;
    const sighting = await Promise.race([
      setting.watch.visible(body.id),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), setting.visibleWithinMs).unref()),
    ]);
    if (sighting) {
      times.visibleAt = sighting.visibleAt;
      times.decidedAt = Date.parse(sighting.enrolment.createdAt);
    }
  } catch (error) {
    times.error = error instanceof Error ? error.message.slice(0, 300) : String(error);
  }
  return times;
}
