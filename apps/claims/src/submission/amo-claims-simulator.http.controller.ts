import { Roles } from '@app/auth';
import { PseudonymParam } from '@app/service-kit';
import { Body, Controller, HttpCode, Put } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { behaviourOf, SimulatedAmoBehaviourRequestDto } from './simulated-amo-behaviour.request.dto';
import { SimulatedAmoClaimsAdapter } from './simulated-amo-claims.adapter';

/**
 * `PUT /internal/amo-claims-simulator` and `PUT /internal/amo-claims-simulator/:pseudonym`
 * `{ behaviour, reasonCode?, failures? }` -> 204: sets what the simulated AMO
 * does with claims, by default or for one patient (development and tests
 * only: amo-claims.providers.ts mounts it outside production alone).
 * Internal: not an API.md route, never routed by the gateway, not in the
 * OpenAPI document; an admin calls the service's own port. It takes a
 * pseudonym, never a NIR, so setting a behaviour handles no identity.
 */
@ApiExcludeController()
@Controller('internal/amo-claims-simulator')
export class AmoClaimsSimulatorHttpController {
  constructor(private readonly simulator: SimulatedAmoClaimsAdapter) {}

  @Put()
  @HttpCode(204)
  @Roles('admin')
  setDefault(@Body() request: SimulatedAmoBehaviourRequestDto): void {
    this.simulator.behaveByDefault(behaviourOf(request));
  }

  @Put(':pseudonym')
  @HttpCode(204)
  @Roles('admin')
  setFor(@PseudonymParam() pseudonym: string, @Body() request: SimulatedAmoBehaviourRequestDto): void {
    this.simulator.behaveFor(pseudonym, behaviourOf(request));
  }
}
