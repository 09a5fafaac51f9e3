import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** `POST /v1/enrolments/:id/activation` `{ activatedAt? }`: may be in the past, never in the future; default now. */
export class ActivateEnrolmentRequestDto {
  @ApiPropertyOptional({ example: '2026-12-01T08:00:00.000Z' }) @IsOptional() @IsISO8601({ strict: true }) activatedAt?: string;
}
