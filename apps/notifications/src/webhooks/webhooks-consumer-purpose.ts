/** The purpose of the consumer of the service's own topic that turns an org's notifications into webhook deliveries. */
export const WEBHOOKS_CONSUMER_PURPOSE = Symbol('WEBHOOKS_CONSUMER_PURPOSE');
