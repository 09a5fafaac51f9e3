import { MessagingModule } from '@app/messaging';
import type { DynamicModule } from '@nestjs/common';
import { PLATFORM_CONFIG } from '../config/config.tokens';
import { kafkaSaslOf } from '../config/kafka-credentials';
import type { PlatformConfig } from '../config/platform-config.schema';

/** The outbox relay and Kafka consumers of a service, on the platform's brokers (`KAFKA_BROKERS`), as its own principal (`KAFKA_USERNAME`). */
export const platformMessagingModule = (serviceName: string): DynamicModule =>
  MessagingModule.forRootAsync({
    inject: [PLATFORM_CONFIG],
    useFactory: (config: PlatformConfig) => ({ serviceName, brokers: config.KAFKA_BROKERS, sasl: kafkaSaslOf(config) }),
  });
