import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job } from 'bullmq';
import type { JobHandler, QueueDeclaration } from './service-jobs';

/**
 * The worker of one declared queue: hands each job to the handler declared
 * for its name. It starts only once the start-up check has passed
 * (JobsStartup), so a job no handler takes is never half-run.
 */
export function jobDispatcherFor(declaration: QueueDeclaration): Type<WorkerHost> {
  const { concurrency, backoffStrategy } = declaration.worker ?? {};
  @Processor(declaration.queue, { autorun: false, ...(concurrency ? { concurrency } : {}), ...(backoffStrategy ? { settings: { backoffStrategy } } : {}) })
  class JobDispatcher extends WorkerHost {
    constructor(private readonly moduleRef: ModuleRef) {
      super();
    }

    process(job: Job): Promise<unknown> {
      const declared = declaration.jobs.find((candidate) => candidate.name === job.name);
      if (!declared) throw new Error(`queue ${declaration.queue} has no handler for job ${job.name}`);
      return this.moduleRef.get<JobHandler>(declared.handler, { strict: false }).run(job);
    }
  }
  Object.defineProperty(JobDispatcher, 'name', { value: `JobDispatcher(${declaration.queue})` });
  return JobDispatcher;
}
