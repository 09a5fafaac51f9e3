import { OutboxSignal } from '@app/messaging';
import { type TestDatabase, createTestDatabase } from '@app/testing';
import { Global, Module } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { v7 as uuidv7 } from 'uuid';
import { testSigningKey } from '../fixtures/append.fixture';
import { CREATE_REVIEWS, type ReviewView, reviewAggregate } from '../fixtures/review.aggregate';
import { EventSourcingModule } from '../event-sourcing.module';
import { eventStoreMigrations } from '../migrations/event-store.migrations';
import { EventStore } from '../store/event-store';
import { CommandPipeline } from './command-pipeline';

/* How an app uses the lib: a @nestjs/cqrs handler is a thin call to the pipeline. */

class OpenReviewCommand extends Command<ReviewView> {
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
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ reviewId, evaluatorId, now }: OpenReviewCommand): Promise<ReviewView> {
    const context = { actor: { id: evaluatorId, role: 'evaluator' as const }, correlationId: uuidv7(), causationId: null, now };
    return this.pipeline.run(reviewAggregate(), { streamId: `review:${reviewId}`, command: { type: 'OpenReview', reviewId, now }, context });
  }
}

describe('EventSourcingModule with a @nestjs/cqrs command handler (real Postgres)', () => {
  let db: TestDatabase;
  let app: TestingModule;
  const wakeUps: number[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations, 3);
    await db.dataSource.query(CREATE_REVIEWS);
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
      imports: [InfrastructureModule, EventSourcingModule.forRoot({ service: 'device-certification', signingKey: testSigningKey })],
      providers: [OpenReviewHandler],
    }).compile();
    await app.init();
    app.get(OutboxSignal).subscribe(() => wakeUps.push(Date.now()));
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('dispatches the command through the CommandBus to the pipeline, which appends, projects and wakes the relay', async () => {
    const reviewId = uuidv7();
    const result = await app.get(CommandBus).execute(new OpenReviewCommand(reviewId, 'evaluator-3', new Date()));

    expect(result).toEqual({ id: `review:${reviewId}`, status: 'open', version: 1 });
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
