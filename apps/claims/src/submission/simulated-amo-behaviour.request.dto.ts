import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import { SIMULATED_BEHAVIOURS, type SimulatedBehaviour } from './simulated-amo-claims.adapter';

/** Far more than the submission job's attempts: enough for "failing a long time", small enough to be a typo's bound. */
export const MAX_SIMULATED_FAILURES = 1_000;

/** `PUT /internal/amo-claims-simulator[/:pseudonym]` `{ behaviour, reasonCode?, failures? }`: what the simulated AMO does from now on. */
export class SimulatedAmoBehaviourRequestDto {
  @ApiProperty({ enum: SIMULATED_BEHAVIOURS })
  @IsIn(SIMULATED_BEHAVIOURS, { message: `behaviour must be one of ${SIMULATED_BEHAVIOURS.join(', ')}` })
  behaviour!: SimulatedBehaviour['behaviour'];

  @ApiPropertyOptional({ description: 'REFUSE: the reason code the AMO answers (e.g. RIGHTS_CLOSED).' })
  @ValidateIf((dto: SimulatedAmoBehaviourRequestDto) => dto.behaviour === 'REFUSE' || dto.reasonCode !== undefined)
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{1,49}$/, { message: 'reasonCode must be an upper-case code such as RIGHTS_CLOSED' })
  reasonCode?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_SIMULATED_FAILURES, description: 'FAIL: the calls that fail before the claim is received.' })
  @ValidateIf((dto: SimulatedAmoBehaviourRequestDto) => dto.behaviour === 'FAIL' || dto.failures !== undefined)
  @IsInt()
  @Min(0)
  @Max(MAX_SIMULATED_FAILURES)
  failures?: number;
}

export function behaviourOf({ behaviour, reasonCode, failures }: SimulatedAmoBehaviourRequestDto): SimulatedBehaviour {
  switch (behaviour) {
    case 'REFUSE':
      return { behaviour, reasonCode: reasonCode! };
    case 'FAIL':
      return { behaviour, failures: failures! };
    default:
      return { behaviour };
  }
}
