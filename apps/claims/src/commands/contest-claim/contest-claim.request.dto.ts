import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** `POST /v1/claims/:id/contest` `{ note }`. */
export class ContestClaimRequestDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) note!: string;
}
