import { ApiPropertyOptional } from '@nestjs/swagger';
import { PAGE_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '@app/contracts';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** `?page=&pageSize=` of every list (API.md "Conventions"); list queries extend it with their filters. */
export class PageQueryDto {
  // `1e21` is an integer to JavaScript: without a bound it reached Postgres as an OFFSET it refuses (a 500).
  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_MAX, default: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_SIZE_MAX)
  pageSize: number = PAGE_SIZE_DEFAULT;
}
