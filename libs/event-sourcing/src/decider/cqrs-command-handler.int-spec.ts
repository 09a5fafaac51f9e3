import { TOPICS } from '@app/contracts';
import { OutboxSignal } from '@app/messaging';
import { type TestDatabase, createTestDatabase } from '@app/testing';
import { Global, Module } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { v7 as uuidv7 } from 'uuid';
import { type ReviewState, reviewDecider } from '../fixtures/review.decider';
import { EventSourcingModule } from '../event-sourcing.module';
import { eventStoreMigrations } from '../migrations/event-store.migrations';
import { EventStore } from '../store/event-store';
import { DeciderCommandRunner } from './decider-command-runner';

/* How an app uses the lib: a @nestjs/cqrs handler is a thin call to the runner. */

class OpenReviewCommand extends Command<{ version: number; state: ReviewState }> {
  constructor(
    readonly reviewId: string,
    readonly evaluatorId: string,
    readonly now: Date,
  ) {
    super();
  }
}

@CommandHandler(OpenReviewCommand)
class OpenReviewHandler implements ICommandHandler<OpenReviewCommand> {
  constructor(private readonly runner: DeciderCommandRunner) {}

  async execute({ reviewId, evaluatorId, now }: OpenReviewCommand) {
    const actor = { id: evaluatorId, role: 'evaluator' as const };
    const { version, state } = await this.runner.run({
      decider: reviewDecider,
      command: { type: 'OpenReview', reviewId, now },
      context: { actor, correlationId: uuidv7(), causationId: null, now },
      streamId: `review:${reviewId}`,
      streamType: 'review',
      topic: TOPICS.deviceCertification,
      audit: () => ({ actor, action: 'review.open', subject: `device:${reviewId}`, relatedSubjects: [], decision: 'opened', evidence: {} }),
    });
    return { version, state };
  }
}

describe('EventSourcingModule with a @nestjs/cqrs command handler (real Postgres)', () => {
  let db: TestDatabase;
  let app: TestingModule;
  const wakeUps: number[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations, 3);
    // Stand-ins for what the service kit's database module and the messaging module provide globally.
    @Global()
    @Module({
      providers: [
        { provide: getDataSourceToken(), useValue: db.dataSource },
        OutboxSignal,
      ],
      exports: [getDataSourceToken(), OutboxSignal],
    })
    class InfrastructureModule {}

    app = await Test.createTestingModule({
      imports: [InfrastructureModule, EventSourcingModule.forRoot({ service: 'device-certification' })],
      providers: [OpenReviewHandler],
    }).compile();
    await app.init();
    app.get(OutboxSignal).subscribe(() => wakeUps.push(Date.now()));
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('dispatches the command through the CommandBus to the runner, which appends and wakes the relay', async () => {
    const reviewId = uuidv7();
    const result = await app.get(CommandBus).execute(new OpenReviewCommand(reviewId, 'evaluator-3', new Date()));

    expect(result).toEqual({ version: 1, state: { status: 'open', approvals: 0 } });
    const stream = await app.get(EventStore).readStream(`review:${reviewId}`);
    expect(stream.events).toEqual([expect.objectContaining({ type: 'ReviewOpened', version: 1 })]);
    expect(wakeUps).toHaveLength(1);
  });

  it('surfaces the domain refusal through the bus', async () => {
    const reviewId = uuidv7();
    await app.get(CommandBus).execute(new OpenReviewCommand(reviewId, 'evaluator-3', new Date()));
    await expect(app.get(CommandBus).execute(new OpenReviewCommand(reviewId, 'evaluator-3', new Date()))).rejects.toMatchObject({
      code: 'REVIEW.ALREADY_OPEN',
      kind: 'conflict',
    });
  });
});
