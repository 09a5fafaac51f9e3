import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';

export const INCIDENT_CAUSES = ['NETWORK_COVERAGE', 'DEVICE_FAULT', 'PATIENT', 'UNKNOWN'] as const;
export type IncidentCause = (typeof INCIDENT_CAUSES)[number];

/** `POST /v1/enrolments/:id/connectivity-incidents` `{ startedAt, endedAt?, cause }`. */
export class RecordIncidentRequestDto {
  @ApiProperty({ example: '2026-12-01T02:00:00.000Z' }) @IsISO8601({ strict: true }) startedAt!: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) endedAt?: string;
  @ApiProperty({ enum: INCIDENT_CAUSES }) @IsIn(INCIDENT_CAUSES) cause!: IncidentCause;
}
