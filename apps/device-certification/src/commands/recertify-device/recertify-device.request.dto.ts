import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { INDICATION_CODES, type IndicationCode } from '../../domain/device-product';

export class RecertifyDeviceRequestDto {
  @ApiProperty({ example: '2028-12-31T23:59:59.999Z' }) @IsISO8601({ strict: true }) validUntil!: string;

  @ApiPropertyOptional({ enum: INDICATION_CODES, isArray: true })
  @IsOptional() @IsArray() @ArrayNotEmpty() @ArrayUnique() @IsIn(INDICATION_CODES, { each: true })
  certifiedIndications?: IndicationCode[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) notes?: string;
}
