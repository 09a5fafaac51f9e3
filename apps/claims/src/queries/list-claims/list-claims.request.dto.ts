import { INDICATION_CODES, type ClaimStatusV1, type IndicationCode } from '@app/contracts';
import { PageQueryDto } from '@app/service-kit';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CLAIM_STATUSES, PERIOD_MESSAGE, PERIOD_PATTERN } from '../claim-query-params';

export const CLAIM_SORTS = ['oldest', 'newest'] as const;

/**
 * `GET /v1/claims?status=&period=&payee=&indication=&sort=&page=&pageSize=`:
 * `payee` matches either line's payee; `sort` orders by the last entry in the
 * processors' queue (or the creation), oldest first by default (the work queue).
 */
export class ListClaimsRequestDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CLAIM_STATUSES }) @IsOptional() @IsIn(CLAIM_STATUSES) status?: ClaimStatusV1;
  @ApiPropertyOptional({ example: '2026-01' }) @IsOptional() @Matches(PERIOD_PATTERN, { message: PERIOD_MESSAGE }) period?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) payee?: string;
  @ApiPropertyOptional({ enum: INDICATION_CODES }) @IsOptional() @IsIn(INDICATION_CODES) indication?: IndicationCode;
  @ApiPropertyOptional({ enum: CLAIM_SORTS, default: 'oldest' }) @IsOptional() @IsIn(CLAIM_SORTS) sort: (typeof CLAIM_SORTS)[number] = 'oldest';
}
