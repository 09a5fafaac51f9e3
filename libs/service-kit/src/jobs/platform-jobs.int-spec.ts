import { waitForJob } from '@app/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { ServiceConfigModule } from '../config/service-config.module';
import { loadPlatformConfig } from '../config/load-platform-config';
import { PlatformJobsModule } from './platform-jobs.module';
import { redisConnection } from './redis-connection';
import type { JobHandler, ServiceJobs } from './service-jobs';

@Injectable()
class Sweep implements JobHandler<{ swept: number }> {
  async run(): Promise<{ swept: number }> {
    return { swept: 3 };
  }
}

const QUEUE = 'expiry';
const config = loadPlatformConfig(process.env, { defaultPort: 3999 });
const jobs: ServiceJobs = [{ queue: QUEUE, jobs: [{ name: 'sweep', handler: Sweep, everyMinuteAs: 'sweep-every-minute' }] }];

/** A service made of the jobs module alone, on a key prefix no other test uses. */
async function startJobs(prefix: string, providers: Array<typeof Sweep> = [Sweep]): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [ServiceConfigModule.forRoot({ name: 'jobs-test', config }), PlatformJobsModule.forRoot(jobs, { prefix })],
    providers,
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  try {
    await app.init();
  } catch (error) {
    // A service that refuses to start still lets go of Redis.
    await app.close();
    throw error;
  }
  return app;
}

describe('PlatformJobsModule (real BullMQ on Redis)', () => {
  const prefix = () => `bull-test-jobs-${randomBytes(4).toString('hex')}`;
  const queueOf = (keyPrefix: string) => new Queue(QUEUE, { connection: redisConnection(config.REDIS_URL), prefix: keyPrefix });

  it('registers the every-minute schedule and runs each job by its declared handler', async () => {
    const app = await startJobs(prefix());
    try {
      const queue = app.get<Queue>(getQueueToken(QUEUE));
      expect((await queue.getJobSchedulers()).map((s) => [s.key, s.name, s.every])).toEqual([['sweep-every-minute', 'sweep', 60_000]]);
      const job = await queue.add('sweep', {});
      await expect(waitForJob(queue, job.id as string)).resolves.toEqual({ swept: 3 });
    } finally {
      await app.close();
    }
  });

  it('does not start while its queue holds a job no handler takes, naming it', async () => {
    const keyPrefix = prefix();
    const queue = queueOf(keyPrefix);
    await queue.add('archive-everything', {});
    try {
      await expect(startJobs(keyPrefix)).rejects.toThrow(
        'queue expiry holds jobs no handler takes: archive-everything; declare their handlers or remove them from the queue',
      );
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it('does not start when a declared handler is not a provider of the service', async () => {
    await expect(startJobs(prefix(), [])).rejects.toThrow('queue expiry: the handler Sweep of job sweep is not a provider of the service');
  });
});
