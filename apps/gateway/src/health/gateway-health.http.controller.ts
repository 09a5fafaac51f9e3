import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public, Roles } from '@app/auth';
import { type GatewayReadiness, readinessReport } from './readiness-report';
import { UpstreamReadiness } from './upstream-readiness';

type StatusSetter = { status(code: number): unknown };

/**
 * The gateway's readiness is the platform's: ready only when every service
 * behind it says it is, so `npm start`, compose and k8s wait on one URL.
 * Registered by the root module, so Nest routes it before the service-kit's
 * generic /health/ready, which would only report the gateway's own process
 * (the kit's /health/live is the right answer as it is).
 *
 * The gateway is the public edge: its /health/ready answers the status alone
 * (and 200 / 503), since which service is down, at which internal URL, with
 * which error text is a map of the inside. An admin reads that map at
 * /health/ready/details with an admin token.
 */
@ApiExcludeController()
@Controller('health')
export class GatewayHealthHttpController {
  constructor(private readonly upstreams: UpstreamReadiness) {}

  @Public()
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: StatusSetter): Promise<{ status: GatewayReadiness['body']['status'] }> {
    const { body } = await this.report(res);
    return { status: body.status };
  }

  @Roles('admin')
  @Get('ready/details')
  async details(@Res({ passthrough: true }) res: StatusSetter): Promise<GatewayReadiness['body']> {
    return (await this.report(res)).body;
  }

  private async report(res: StatusSetter): Promise<GatewayReadiness> {
    const report = readinessReport(await this.upstreams.check());
    res.status(report.ready ? 200 : 503);
    return report;
  }
}
