import { Roles } from '@app/auth';
import { PseudonymParam } from '@app/service-kit';
import { Body, Controller, HttpCode, Put } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SimulatedAmoAnswerRequestDto } from './simulated-amo-answer.request.dto';
import { SimulatedAmoRightsAdapter } from './simulated-amo-rights.adapter';

/**
 * `PUT /internal/amo-rights-simulator/:pseudonym` `{ status, failTimes? }` -> 204:
 * sets what the simulated AMO answers for that patient (development and
 * tests only: amo-rights.providers.ts mounts it outside production alone).
 * Internal: not an API.md route, never routed by the gateway, not in the
 * OpenAPI document; an admin calls the service's own port. It takes a
 * pseudonym, never a NIR, so setting an answer handles no identity.
 */
@ApiExcludeController()
@Controller('internal/amo-rights-simulator')
export class AmoRightsSimulatorHttpController {
  constructor(private readonly simulator: SimulatedAmoRightsAdapter) {}

  @Put(':pseudonym')
  @HttpCode(204)
  @Roles('admin')
  setAnswer(@PseudonymParam() pseudonym: string, @Body() { status, failTimes }: SimulatedAmoAnswerRequestDto): void {
    this.simulator.answer(pseudonym, { status, failTimes });
  }
}
