import { KAFKA_SASL_MECHANISM, type KafkaSasl } from '@app/messaging';
import { z } from 'zod';
import { ConfigError } from './config-error';
import { envString } from './env-fields';

/**
 * The service's own Kafka principal: `User:<KAFKA_USERNAME>`, authenticated by
 * SASL/SCRAM-SHA-512. The platform's brokers refuse anonymous clients; the
 * ACLs of that principal decide which topics and groups the service may use.
 */
export const kafkaCredentialsShape = {
  /** Unset = no SASL (a plaintext development broker); refused with NODE_ENV=production. */
  KAFKA_SASL_MECHANISM: z.enum([KAFKA_SASL_MECHANISM], { error: `must be ${KAFKA_SASL_MECHANISM} (or unset for no SASL)` }).optional(),
  KAFKA_USERNAME: envString().optional(),
  KAFKA_PASSWORD: envString().optional(),
};

type KafkaCredentials = z.output<z.ZodObject<typeof kafkaCredentialsShape>>;

/** A mechanism needs both credentials; credentials without a mechanism would silently connect anonymously. */
export function checkKafkaCredentials(config: KafkaCredentials & { NODE_ENV: string }, ctx: z.RefinementCtx): void {
  const refuse = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (config.KAFKA_SASL_MECHANISM) {
    if (!config.KAFKA_USERNAME) refuse('KAFKA_USERNAME', `is required with KAFKA_SASL_MECHANISM=${config.KAFKA_SASL_MECHANISM}`);
    if (!config.KAFKA_PASSWORD) refuse('KAFKA_PASSWORD', `is required with KAFKA_SASL_MECHANISM=${config.KAFKA_SASL_MECHANISM}`);
  } else if (config.KAFKA_USERNAME || config.KAFKA_PASSWORD) {
    refuse('KAFKA_SASL_MECHANISM', `is required when KAFKA_USERNAME or KAFKA_PASSWORD is set (${KAFKA_SASL_MECHANISM})`);
  }
}

/**
 * The kafkajs credentials of the configuration, or undefined for an
 * unauthenticated client, asked for by the code that connects (like the data
 * keys): in production no anonymous client, but a service that never connects
 * to Kafka (the gateway) needs no principal.
 */
export function kafkaSaslOf(config: KafkaCredentials & { NODE_ENV: string }): KafkaSasl | undefined {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_USERNAME: username, KAFKA_PASSWORD: password } = config;
  if (mechanism && username && password) return { mechanism, username, password };
  if (config.NODE_ENV === 'production') {
    throw new ConfigError([
      `KAFKA_SASL_MECHANISM is required in production by this service (${KAFKA_SASL_MECHANISM}, with KAFKA_USERNAME and KAFKA_PASSWORD): no anonymous Kafka client`,
    ]);
  }
  return undefined;
}
