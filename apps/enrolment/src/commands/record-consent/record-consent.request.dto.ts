import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';

const DECISIONS = ['GIVEN', 'REFUSED'] as const;
const METHODS = ['ELECTRONIC', 'PAPER'] as const;
const SIGNERS = ['PATIENT', 'LEGAL_REPRESENTATIVE'] as const;
const REPRESENTATIVE_ROLES = ['PARENT', 'GUARDIAN', 'OTHER'] as const;

export class RepresentativeDto {
  @ApiProperty({ enum: REPRESENTATIVE_ROLES }) @IsIn(REPRESENTATIVE_ROLES) role!: (typeof REPRESENTATIVE_ROLES)[number];
}

/** `POST /v1/enrolments/:id/consent` (API.md "Enrolment"). */
export class RecordConsentRequestDto {
  @ApiPropertyOptional({ enum: DECISIONS, default: 'GIVEN' }) @IsOptional() @IsIn(DECISIONS) decision?: (typeof DECISIONS)[number];
  @ApiProperty({ example: 'tlsm-consent-2026.1' }) @IsString() @IsNotEmpty() @MaxLength(100) consentTextVersion!: string;
  @ApiProperty({ enum: METHODS }) @IsIn(METHODS) method!: (typeof METHODS)[number];
  @ApiProperty({ example: '2026-12-01T09:30:00.000Z' }) @IsISO8601({ strict: true }) signedAt!: string;
  @ApiPropertyOptional({ enum: SIGNERS, default: 'PATIENT' }) @IsOptional() @IsIn(SIGNERS) signedBy?: (typeof SIGNERS)[number];

  /** Required when a legal representative signs. */
  @ApiPropertyOptional({ type: RepresentativeDto })
  @ValidateIf((dto: RecordConsentRequestDto) => dto.signedBy === 'LEGAL_REPRESENTATIVE' || dto.representative !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => RepresentativeDto)
  representative?: RepresentativeDto;
}
