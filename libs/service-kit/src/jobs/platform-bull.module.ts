import { BullModule } from '@nestjs/bullmq';
import type { DynamicModule } from '@nestjs/common';
import { PLATFORM_CONFIG } from '../config/config.tokens';
import type { PlatformConfig } from '../config/platform-config.schema';
import { redisConnection } from './redis-connection';

/**
 * BullMQ on the platform's Redis (`REDIS_URL`), with a key prefix per service
 * (tests pass their own, so they never share queues with a running platform).
 */
export const platformBullModule = (prefix: string): DynamicModule =>
  BullModule.forRootAsync({
    inject: [PLATFORM_CONFIG],
    useFactory: (config: PlatformConfig) => ({ connection: redisConnection(config.REDIS_URL), prefix }),
  });
