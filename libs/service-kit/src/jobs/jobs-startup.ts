import type { WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type Type } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import type { JobType, Queue } from 'bullmq';
import { scheduleEveryMinute } from './every-minute.schedule';
import { unhandledJobNames, type QueueDeclaration } from './service-jobs';

/** Jobs a queue may hold while the service starts; finished ones are history. */
const PENDING_STATES: JobType[] = ['waiting', 'delayed', 'prioritized', 'waiting-children'];

export interface DeclaredQueue {
  declaration: QueueDeclaration;
  queue: Queue;
  dispatcher: WorkerHost;
}

/**
 * At start-up, for each declared queue: checks that each declared handler
 * is a provider, registers its every-minute schedules, checks that every job
 * name scheduled or waiting in it has a handler (else the service does not
 * start, naming them: a renamed job would otherwise fail at every run), then
 * starts its worker.
 */
@Injectable()
export class JobsStartup implements OnApplicationBootstrap {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly queues: DeclaredQueue[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const { declaration, queue } of this.queues) {
      for (const job of declaration.jobs) this.requireHandler(declaration.queue, job.name, job.handler);
      for (const job of declaration.jobs) if (job.everyMinuteAs) await scheduleEveryMinute(queue, job.everyMinuteAs, job.name);
      const scheduled = (await queue.getJobSchedulers()).map((scheduler) => scheduler.name);
      const pending = (await queue.getJobs(PENDING_STATES, 0, 999)).map((job) => job.name);
      const unhandled = unhandledJobNames(declaration, [...scheduled, ...pending]);
      if (unhandled.length > 0) {
        throw new Error(
          `queue ${declaration.queue} holds jobs no handler takes: ${unhandled.join(', ')}; declare their handlers or remove them from the queue`,
        );
      }
    }
    for (const { declaration, dispatcher } of this.queues) {
      void dispatcher.worker.run().catch((error: unknown) => this.logger.error(`worker of ${declaration.queue} stopped: ${String(error)}`));
    }
  }

  /** A declared handler that is not a provider of the service would fail every run of its job: refuse to start. */
  private requireHandler(queue: string, name: string, handler: Type<unknown>): void {
    try {
      this.moduleRef.get(handler, { strict: false });
    } catch {
      throw new Error(`queue ${queue}: the handler ${handler.name} of job ${name} is not a provider of the service`);
    }
  }
}
