import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@app/auth';
import type { Response } from 'express';
import { Readiness } from './readiness';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthHttpController {
  constructor(private readonly readiness: Readiness) {}

  /** The process answers: restarting it would not help anything else. */
  @Get('live')
  live(): { status: 'live' } {
    return { status: 'live' };
  }

  /**
   * 200 when Postgres, Kafka and Redis (those this service uses) answer and
   * every consumer of the service has joined its group; 503 naming the ones that do not.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response) {
    const { ready, body } = await this.readiness.report();
    response.status(ready ? 200 : 503);
    return body;
  }
}
