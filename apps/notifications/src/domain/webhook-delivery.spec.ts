import { afterAttempt, webhookDeliveryId } from './webhook-delivery';

describe('webhook deliveries', () => {
  const at = new Date('2026-11-30T08:00:00.000Z');

  it('have one id per webhook and notification, the same at every redelivery', () => {
    const id = webhookDeliveryId('w1', 'n1', at);
    expect(webhookDeliveryId('w1', 'n1', at)).toBe(id);
    expect(webhookDeliveryId('w2', 'n1', at)).not.toBe(id);
    expect(webhookDeliveryId('w1', 'n2', at)).not.toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('are delivered on a 2xx at any attempt, tried again after a failure, FAILED after the last', () => {
    expect(afterAttempt('DELIVERED', 4, 6)).toBe('DELIVERED');
    expect(afterAttempt('DELIVERED', 6, 6)).toBe('DELIVERED');
    expect(afterAttempt('FAILED', 1, 6)).toBe('PENDING');
    expect(afterAttempt('FAILED', 6, 6)).toBe('FAILED');
  });
});
