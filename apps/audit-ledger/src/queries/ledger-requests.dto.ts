import { PageQueryDto } from '@app/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Min } from 'class-validator';

const SUBJECT = /^(device|prescription|attempt|enrolment|claim):[0-9a-fA-F-]{36}$/;

export class EntriesRequestDto extends PageQueryDto {
  @ApiProperty({ example: 'prescription:0190c0de-0000-7000-8000-000000000001' })
  @Matches(SUBJECT, { message: 'subject must be <device|prescription|attempt|enrolment|claim>:<uuid>' })
  subject!: string;
}

export class InclusionProofRequestDto {
  @ApiPropertyOptional({ description: 'defaults to the latest signed tree head' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  treeSize?: number;
}

export class ConsistencyProofRequestDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(0) from!: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(0) to!: number;
}
