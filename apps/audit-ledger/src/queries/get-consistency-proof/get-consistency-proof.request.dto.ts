import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

/** `GET /v1/ledger/consistency-proof?from=&to=`: two tree sizes, `from` <= `to` <= the signed size. */
export class GetConsistencyProofRequestDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(0) from!: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(0) to!: number;
}
