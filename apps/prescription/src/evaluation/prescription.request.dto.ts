import { IsNir } from '@app/fr-health';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { RULE_IDS } from '../domain/has-rules/has-rules';
import {
  HOME_COVERAGES,
  INDICATION_CODES,
  MONITORING_MODES,
  type HomeCoverage,
  type IndicationCode,
  type MonitoringMode,
  PATIENT_SEXES,
  type PatientSex,
} from '../domain/vocabulary';
import { ClinicalRequestDto } from './clinical.request.dto';

export class PatientRequestDto {
  @ApiProperty({ example: '184037512345690' }) @IsNir() nir!: string;
  @ApiProperty({ example: '1958-06-01' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'birthDate must be YYYY-MM-DD' })
  birthDate!: string;
  @ApiProperty({ enum: HOME_COVERAGES }) @IsIn(HOME_COVERAGES) homeCellularCoverage!: HomeCoverage;
  @ApiProperty() @IsBoolean() ald!: boolean;
  /** INS traits (Identifiant National de Santé): how the physician recognises the patient. Encrypted like the NIR. */
  @ApiPropertyOptional({ example: 'MARTIN' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) familyName?: string;
  @ApiPropertyOptional({ example: 'Jeanne Louise' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) givenNames?: string;
  @ApiPropertyOptional({ enum: PATIENT_SEXES }) @IsOptional() @IsIn(PATIENT_SEXES) sex?: PatientSex;
}

export class OverrideRequestDto {
  @ApiProperty({ enum: RULE_IDS }) @IsIn(RULE_IDS) ruleId!: string;
  /** Its length (>= 20) is the referential's check, answered with 422 and the evaluation, not a 400. */
  @ApiProperty() @IsString() @MaxLength(2000) justification!: string;
}

/** The body of `POST /v1/prescriptions` and `POST /v1/prescriptions/evaluation` (API.md). */
export class PrescriptionRequestDto {
  @ApiProperty({ type: PatientRequestDto }) @IsObject() @ValidateNested() @Type(() => PatientRequestDto) patient!: PatientRequestDto;
  @ApiProperty() @IsUUID() deviceId!: string;
  @ApiProperty({ enum: INDICATION_CODES }) @IsIn(INDICATION_CODES) indication!: IndicationCode;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) operatorOrg!: string;
  @ApiProperty({ enum: MONITORING_MODES }) @IsIn(MONITORING_MODES) monitoringMode!: MonitoringMode;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(120) durationMonths!: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() renewalOf?: string;
  @ApiProperty({ type: ClinicalRequestDto }) @IsObject() @ValidateNested() @Type(() => ClinicalRequestDto) clinical!: ClinicalRequestDto;

  @ApiPropertyOptional({ type: [OverrideRequestDto] })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => OverrideRequestDto)
  overrides?: OverrideRequestDto[];
}
