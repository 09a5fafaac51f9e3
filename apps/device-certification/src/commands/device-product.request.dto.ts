import { IsSiret, IsUdiDi } from '@app/fr-health';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  CE_CLASSES,
  CONNECTIVITIES,
  DATA_STORAGES,
  INDICATION_CODES,
  type CeClass,
  type Connectivity,
  type DataStorage,
  type IndicationCode,
} from '../domain/device-product';

/** A company by its establishment number: the manufacturer, or the exploitant paid the technical fee. */
export class CompanyDto {
  @ApiProperty({ example: '73282932000074' }) @IsSiret() siret!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
}

export class DataHostingDto {
  @ApiProperty({ enum: DATA_STORAGES }) @IsIn(DATA_STORAGES) storage!: DataStorage;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) hdsCertificateId?: string;
}

export class SecurityDto {
  @ApiProperty() @IsBoolean() etsiEn303645!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) penTestReportRef?: string;
}

/** What a vendor declares about a product: the body of `POST /v1/devices` and `PUT /v1/devices/:id` (API.md). */
export class DeviceProductRequestDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) model!: string;
  @ApiProperty({ example: '03760123450010' }) @IsUdiDi() udiDi!: string;
  @ApiProperty({ type: CompanyDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => CompanyDto) manufacturer!: CompanyDto;
  @ApiProperty({ enum: CE_CLASSES }) @IsIn(CE_CLASSES) ceClass!: CeClass;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) notifiedBodyCertificate?: string;

  @ApiProperty({ enum: INDICATION_CODES, isArray: true })
  @IsArray() @ArrayNotEmpty() @ArrayUnique() @IsIn(INDICATION_CODES, { each: true })
  indications!: IndicationCode[];

  @ApiProperty({ enum: CONNECTIVITIES, isArray: true })
  @IsArray() @ArrayNotEmpty() @ArrayUnique() @IsIn(CONNECTIVITIES, { each: true })
  connectivity!: Connectivity[];

  @ApiProperty({ type: DataHostingDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => DataHostingDto) dataHosting!: DataHostingDto;
  @ApiProperty({ type: SecurityDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => SecurityDto) security!: SecurityDto;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional() @IsArray() @IsString({ each: true }) @MaxLength(300, { each: true })
  fhirProfiles?: string[];

  /** The company that operates the device for patients; by default the manufacturer (DOMAIN.md, "Reimbursement"). */
  @ApiPropertyOptional({ type: CompanyDto })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => CompanyDto)
  exploitant?: CompanyDto;
}
