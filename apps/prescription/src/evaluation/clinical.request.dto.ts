import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { IMPLANTED_DEVICES } from '../domain/vocabulary';

/**
 * Clinical fields of DOMAIN.md. A field of the wrong type or out of range is
 * a 400; a missing one is the referential's business (PATIENT_ELIGIBILITY).
 */
export class ClinicalRequestDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 4 }) @IsOptional() @IsInt() @Min(1) @Max(4) nyhaClass?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() hospitalisedForHfWithin12Months?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) ntProBnpPgMl?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) bnpPgMl?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() longTermOxygenTherapy?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() nonInvasiveVentilation?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() dialysis?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() kidneyTransplant?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() insulinTherapy?: boolean;
  @ApiPropertyOptional({ enum: [1, 2] }) @IsOptional() @IsIn([1, 2]) diabetesType?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(30) hba1cPercent?: number;
  @ApiPropertyOptional({ enum: IMPLANTED_DEVICES }) @IsOptional() @IsIn(IMPLANTED_DEVICES) implantedDevice?: (typeof IMPLANTED_DEVICES)[number];
}
