import { Command } from '@nestjs/cqrs';
import type { CommandContext } from './command-context';

/**
 * A use case's command, as @nestjs/cqrs dispatches it: what it asks
 * (`input`), and who asks, when, in which conversation (`context`). A use
 * case declares `class SubmitDeviceCommand extends UseCaseCommand<{ deviceId: string }, DeviceView> {}`.
 */
export abstract class UseCaseCommand<Input, Result> extends Command<Result> {
  constructor(
    readonly input: Input,
    readonly context: CommandContext,
  ) {
    super();
  }
}
