import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@app/auth';
import type { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { consoleConfig, type ConsoleConfig } from './console-config';

/** `/console/config.json`: how one signs in to the console here, read before signing in (hence public). */
@Public()
@ApiExcludeController()
@Controller('console')
export class ConsoleConfigHttpController {
  private readonly config: ConsoleConfig;

  constructor(@Inject(GATEWAY_CONFIG) gateway: GatewayConfig) {
    this.config = consoleConfig(gateway);
  }

  @Get('config.json')
  @Header('cache-control', 'no-cache')
  get(): ConsoleConfig {
    return this.config;
  }
}
