import type { Type } from '@nestjs/common';
import type { BackoffStrategy, Job } from 'bullmq';

/** What runs a job of one name. A job that changes an aggregate sends a command, so its effect is audited. */
export interface JobHandler<Result = unknown> {
  run(job: Job): Promise<Result>;
}

export interface JobDeclaration {
  /** The BullMQ job name. */
  name: string;
  handler: Type<JobHandler>;
  /** Runs every minute under this fixed scheduler id (N replicas, one schedule); it decides from the platform clock what is due. */
  everyMinuteAs?: string;
}

export interface QueueDeclaration {
  queue: string;
  jobs: JobDeclaration[];
  /**
   * The queue's worker, when one job at a time will not do: jobs that wait on
   * the outside run side by side (`concurrency`), and retries follow a
   * schedule of the service's own (`backoffStrategy`, for jobs added with
   * `backoff: { type: 'custom' }`).
   */
  worker?: { concurrency?: number; backoffStrategy?: BackoffStrategy };
}

/** The one place a service declares its jobs: queues, job names, handlers and schedules. */
export type ServiceJobs = QueueDeclaration[];

/** Job names found in a queue (scheduled or waiting) that no handler of its declaration takes. */
export function unhandledJobNames(declaration: QueueDeclaration, found: readonly string[]): string[] {
  const handled = new Set(declaration.jobs.map((job) => job.name));
  return [...new Set(found)].filter((name) => !handled.has(name)).sort();
}
