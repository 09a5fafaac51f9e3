import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { INDICATION_CODES, type IndicationCode } from '../../domain/device-product';

/**
 * `{ decision: "CERTIFY", validUntil, lppCode, certifiedIndications, notes? }`
 * or `{ decision: "REJECT", reasons }`: one body, fields required by decision.
 */
export class ReviewDeviceRequestDto {
  @ApiProperty({ enum: ['CERTIFY', 'REJECT'] }) @IsIn(['CERTIFY', 'REJECT']) decision!: 'CERTIFY' | 'REJECT';

  @ApiPropertyOptional({ example: '2027-12-31T23:59:59.999Z', description: 'required to certify' })
  @ValidateIf((body: ReviewDeviceRequestDto) => body.decision === 'CERTIFY')
  @IsISO8601({ strict: true })
  validUntil?: string;

  @ApiPropertyOptional({ example: '1612544', description: 'required to certify; 7 digits' })
  @ValidateIf((body: ReviewDeviceRequestDto) => body.decision === 'CERTIFY')
  @IsString()
  lppCode?: string;

  @ApiPropertyOptional({ enum: INDICATION_CODES, isArray: true, description: 'required to certify' })
  @ValidateIf((body: ReviewDeviceRequestDto) => body.decision === 'CERTIFY')
  @IsArray() @ArrayNotEmpty() @ArrayUnique() @IsIn(INDICATION_CODES, { each: true })
  certifiedIndications?: IndicationCode[];

  @ApiPropertyOptional({ type: [String], description: 'required to reject' })
  @ValidateIf((body: ReviewDeviceRequestDto) => body.decision === 'REJECT')
  @IsArray() @ArrayNotEmpty() @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(2000, { each: true })
  reasons?: string[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) notes?: string;
}
