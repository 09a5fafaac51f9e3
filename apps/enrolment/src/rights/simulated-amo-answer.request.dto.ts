import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { AmoRightsStatus } from './amo-rights.port';

const STATUSES = ['OPEN', 'CLOSED'] as const satisfies readonly AmoRightsStatus[];
/** Far more than the rights job's attempts: enough for "always failing", small enough to be a typo's bound. */
export const MAX_SIMULATED_FAILURES = 1_000;

/** `PUT /internal/amo-rights-simulator/:pseudonym`: what the simulated AMO answers for that patient from now on. */
export class SimulatedAmoAnswerRequestDto {
  @ApiProperty({ enum: STATUSES })
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status!: AmoRightsStatus;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_SIMULATED_FAILURES, description: 'Calls that fail (AMO unavailable) before the answer; default 0.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_SIMULATED_FAILURES)
  failTimes?: number;
}
