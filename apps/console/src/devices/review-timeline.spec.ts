import type { DeviceHistoryItem } from './device-view';
import { reviewTimeline } from './review-timeline';

const vendor = { id: 'vendor-1', role: 'vendor' };
const evaluator = { id: 'evaluator-1', role: 'evaluator' };
const at = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

const history: DeviceHistoryItem[] = [
  { type: 'DeviceSubmitted', version: 2, occurredAt: at(2), actor: vendor, data: { submittedAt: at(2) } },
  { type: 'DeviceRegistered', version: 1, occurredAt: at(1), actor: vendor, data: { deviceId: 'd', product: {} } },
  { type: 'DeviceRejected', version: 3, occurredAt: at(3), actor: evaluator, data: { reasons: ['Pas de rapport de test d’intrusion', '', 'Certificat HDS expiré'], evaluatorOrg: 'ev' } },
  { type: 'DeviceUpdated', version: 4, occurredAt: at(4), actor: vendor, data: { product: {}, reopenedFromRejection: true } },
  {
    type: 'DeviceCertified',
    version: 5,
    occurredAt: at(5),
    actor: evaluator,
    data: { validUntil: '2028-12-31T22:59:59.000Z', lppCode: '1612544', certifiedIndications: ['HEART_FAILURE'], notes: 'RAS', evaluatorOrg: 'ev' },
  },
  { type: 'DeviceSuspended', version: 6, occurredAt: at(6), actor: evaluator, data: { reason: 'Matériovigilance', evaluatorOrg: 'ev' } },
  { type: 'DeviceSomethingNew', version: 7, occurredAt: at(7), actor: { id: 'platform', role: 'system' }, data: {} },
];

describe("a product's review timeline", () => {
  const timeline = reviewTimeline(history);

  it('lists every event oldest first, with who and when, an unknown one under its type', () => {
    expect(timeline.map((entry) => entry.type)).toEqual([
      'DeviceRegistered',
      'DeviceSubmitted',
      'DeviceRejected',
      'DeviceUpdated',
      'DeviceCertified',
      'DeviceSuspended',
      'DeviceSomethingNew',
    ]);
    expect(timeline[1]).toEqual({ version: 2, type: 'DeviceSubmitted', occurredAt: at(2), actor: vendor, reasons: [] });
  });

  it("gives a rejection's reasons, blank ones left out, and a status change's one reason", () => {
    expect(timeline[2].reasons).toEqual(['Pas de rapport de test d’intrusion', 'Certificat HDS expiré']);
    expect(timeline[5].reasons).toEqual(['Matériovigilance']);
  });

  it("gives a certification's terms, and says when an edit reopened a rejected product", () => {
    expect(timeline[4]).toMatchObject({ validUntil: '2028-12-31T22:59:59.000Z', lppCode: '1612544', certifiedIndications: ['HEART_FAILURE'], notes: 'RAS', reasons: [] });
    expect(timeline[3].reopenedFromRejection).toBe(true);
  });

  it('reads no text the history did not open (a sealed one is an object)', () => {
    const [entry] = reviewTimeline([{ type: 'DeviceRevoked', version: 9, occurredAt: at(9), actor: evaluator, data: { reason: { ciphertext: 'ab' } } }]);
    expect(entry.reasons).toEqual([]);
  });
});
