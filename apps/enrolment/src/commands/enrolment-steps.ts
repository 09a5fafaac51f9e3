import { CommandPipeline, type CommandContext, type CommandUnit } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import type { EnrolmentCommand } from '../domain/enrolment.commands';
import type { EnrolmentView } from '../projections/enrolment-view';
import { EnrolmentViews } from '../projections/enrolment-views';
import { MonitoringStop } from './monitoring-stop';

/**
 * What every user step on one enrolment shares: the pipeline's transaction,
 * the command built inside it (some need to read or seal first), the
 * decision on the Enrolment aggregate (through MonitoringStop: a step that
 * stops monitoring ends the silence in progress), and the enrolment as it is answered.
 * A handler says only what is particular to its use case.
 */
@Injectable()
export class EnrolmentSteps {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly monitoring: MonitoringStop,
    private readonly views: EnrolmentViews,
  ) {}

  run(enrolmentId: string, context: CommandContext, command: (unit: CommandUnit) => EnrolmentCommand | Promise<EnrolmentCommand>): Promise<EnrolmentView> {
    return this.pipeline.transaction(async (unit) => {
      const stored = await this.monitoring.execute(unit, { streamId: enrolmentId, command: await command(unit), context });
      return this.views.complete(stored, unit.tx);
    });
  }
}
