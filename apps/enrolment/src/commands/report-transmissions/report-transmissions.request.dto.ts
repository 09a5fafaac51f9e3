import { CONNECTIVITIES, type Connectivity } from '@app/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsObject, ValidateNested } from 'class-validator';

export const TRANSMISSION_KINDS = ['PERIODIC', 'ALERT'] as const;
export type TransmissionKind = (typeof TRANSMISSION_KINDS)[number];

/** A batch holds at most this many transmissions (API.md "Enrolment"). */
export const MAX_TRANSMISSIONS_PER_BATCH = 1_000;

/** What the device sent once, as the operator's platform reports it. */
export class TransmissionItemDto {
  @ApiProperty({ example: '2026-12-01T08:00:00.000Z' }) @IsISO8601({ strict: true }) at!: string;
  @ApiProperty({ enum: CONNECTIVITIES }) @IsIn(CONNECTIVITIES) network!: Connectivity;
  @ApiProperty({ enum: TRANSMISSION_KINDS }) @IsIn(TRANSMISSION_KINDS) kind!: TransmissionKind;
}

/** `POST /v1/enrolments/:id/transmissions` `{ items: [{ at, network, kind }] }`, 1 to 1,000 items. */
export class ReportTransmissionsRequestDto {
  @ApiProperty({ type: [TransmissionItemDto], minItems: 1, maxItems: MAX_TRANSMISSIONS_PER_BATCH })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TRANSMISSIONS_PER_BATCH)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => TransmissionItemDto)
  items!: TransmissionItemDto[];
}
