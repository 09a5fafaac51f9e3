import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

/** `GET /v1/ledger/entries/:index/inclusion-proof?treeSize=`. */
export class GetInclusionProofRequestDto {
  @ApiPropertyOptional({ description: 'defaults to the latest signed tree head' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  treeSize?: number;
}
