import type { Aggregate, CommandContext } from '@app/event-sourcing';
import { CommandPipeline } from '@app/event-sourcing';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { IsInt, Min } from 'class-validator';
import { CurrentContext } from '../http/current-context.decorator';
import { HandlerProbe } from './kit-test.controllers';

type CounterEvent = { type: 'CounterIncremented'; data: { by: number } };
type CounterCommand = { by: number };
type CounterState = { value: number };
export interface CounterView {
  id: string;
  value: number;
  version: number;
}

/** The smallest event-sourced aggregate: what the kit's own tests run real commands on. */
const counterAggregate: Aggregate<CounterState, CounterCommand, CounterEvent, CounterView> = {
  streamType: 'counter',
  contract: { topic: 'kit-test.events.v1', schemaVersions: { CounterIncremented: 1 } },
  decider: {
    initialState: () => ({ value: 0 }),
    evolve: (state, event) => ({ value: state.value + event.data.by }),
    decide: (command) => [{ type: 'CounterIncremented', data: { by: command.by } }],
  },
  audit: () => null,
  project: async (_tx, { streamId, state, version }) => ({ id: streamId, value: state.value, version }),
};

export class IncrementRequestDto {
  @IsInt() @Min(1) by!: number;
}

@Controller('v1/counters')
export class CountersTestController {
  constructor(private readonly pipeline: CommandPipeline) {}

  /** A command through the real pipeline; HandlerProbe can hold it open inside its transaction. */
  @Post(':id/increments')
  increment(@Param('id') id: string, @Body() body: IncrementRequestDto, @CurrentContext() context: CommandContext): Promise<CounterView> {
    HandlerProbe.calls++;
    return this.pipeline.transaction(async (unit) => {
      HandlerProbe.entered?.();
      await HandlerProbe.gate;
      return unit.execute(counterAggregate, { streamId: `counter:${id}`, command: { by: body.by }, context });
    });
  }
}
