import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@app/auth';
import { readinessReport } from './readiness-report';
import { UpstreamReadiness } from './upstream-readiness';

/**
 * The gateway's readiness is the platform's: ready only when every service
 * behind it says it is, so `npm start`, compose and k8s wait on one URL.
 * Registered by the root module, so Nest routes it before the service-kit's
 * generic /health/ready, which would only report the gateway's own process
 * (the kit's /health/live is the right answer as it is).
 */
@Public()
@ApiExcludeController()
@Controller('health')
export class GatewayHealthHttpController {
  constructor(private readonly upstreams: UpstreamReadiness) {}

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: { status(code: number): unknown }) {
    const { ready, body } = readinessReport(await this.upstreams.check());
    res.status(ready ? 200 : 503);
    return body;
  }
}
