import { PageQueryDto } from '@app/service-kit';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PERIOD_MESSAGE, PERIOD_PATTERN } from '../claim-query-params';

/** `GET /v1/remittances?payee=&period=&page=&pageSize=`: `period` matches the remittances paying a claim of that month. */
export class ListRemittancesRequestDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) payee?: string;
  @ApiPropertyOptional({ example: '2026-01' }) @IsOptional() @Matches(PERIOD_PATTERN, { message: PERIOD_MESSAGE }) period?: string;
}
