import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { INCIDENT_CAUSES, type IncidentCause } from '../record-incident/record-incident.request.dto';

/** `PATCH /v1/enrolments/:id/connectivity-incidents/:incidentId` `{ endedAt?, cause? }`: closes it, or names its cause. */
export class UpdateIncidentRequestDto {
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) endedAt?: string;
  @ApiPropertyOptional({ enum: INCIDENT_CAUSES }) @IsOptional() @IsIn(INCIDENT_CAUSES) cause?: IncidentCause;
}
