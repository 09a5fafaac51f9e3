import { BullModule, getQueueToken, type WorkerHost } from '@nestjs/bullmq';
import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { jobDispatcherFor } from './job-dispatcher';
import { JobsStartup } from './jobs-startup';
import { platformBullModule } from './platform-bull.module';
import type { ServiceJobs } from './service-jobs';

/**
 * A service's jobs from their one declaration: BullMQ on the platform Redis
 * under the service's key prefix, a queue and a worker per declared queue,
 * the every-minute schedules and the start-up check. The declared handlers
 * are providers of the service's module, like its other handlers, and its
 * declared queues are theirs to inject (`@InjectQueue(name)`): a step that
 * queues a job (a check asked by a user) uses the very queue the worker reads.
 */
@Module({})
export class PlatformJobsModule {
  static forRoot(jobs: ServiceJobs, options: { prefix: string }): DynamicModule {
    const dispatchers = jobs.map((declaration) => ({ declaration, dispatcher: jobDispatcherFor(declaration) }));
    const startup: Provider = {
      provide: JobsStartup,
      inject: [ModuleRef, ...dispatchers.flatMap(({ declaration, dispatcher }) => [getQueueToken(declaration.queue), dispatcher])],
      useFactory: (moduleRef: ModuleRef, ...instances: unknown[]) =>
        new JobsStartup(
          moduleRef,
          dispatchers.map(({ declaration }, i) => ({
            declaration,
            queue: instances[2 * i] as Queue,
            dispatcher: instances[2 * i + 1] as WorkerHost,
          })),
        ),
    };
    const queues = jobs.map(({ queue }) => BullModule.registerQueue({ name: queue }));
    return {
      module: PlatformJobsModule,
      global: true,
      imports: [platformBullModule(options.prefix), ...queues],
      // The handlers are the service's own providers (they need its repositories): the dispatchers find them by class.
      providers: [...dispatchers.map((d) => d.dispatcher), startup],
      exports: [BullModule, ...queues],
    };
  }
}
