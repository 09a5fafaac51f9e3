import type { ClaimLineKindV1, LineDecisionV1 } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { REASON_CODES, type ReasonCode } from '../../domain/reason-codes';

const DECISIONS = ['APPROVE', 'REJECT', 'PARTIAL'] as const;
const LINE_DECISIONS = ['APPROVE', 'REJECT'] as const satisfies readonly LineDecisionV1[];
const LINE_KINDS = ['OPERATOR', 'TECHNICAL'] as const satisfies readonly ClaimLineKindV1[];
const CODES = REASON_CODES.map((reason) => reason.code);
const codeMessage = (field: string) => `${field} must be one of the reason codes (GET /v1/claims/reason-codes): ${CODES.join(', ')}`;

/** One line's decision of a PARTIAL adjudication; a rejected line names its reason code. */
export class LineAdjudicationDto {
  @ApiProperty({ enum: LINE_KINDS }) @IsIn(LINE_KINDS) kind!: ClaimLineKindV1;
  @ApiProperty({ enum: LINE_DECISIONS }) @IsIn(LINE_DECISIONS) decision!: LineDecisionV1;

  @ApiPropertyOptional({ enum: CODES, description: 'Required when the line is rejected.' })
  @ValidateIf((line: LineAdjudicationDto) => line.decision === 'REJECT' || line.reasonCode !== undefined)
  @IsIn(CODES, { message: codeMessage('reasonCode') })
  reasonCode?: ReasonCode;
}

/**
 * `POST /v1/claims/:id/adjudication`: `{ decision: "APPROVE" }`,
 * `{ decision: "REJECT", reasonCode, note? }`, or
 * `{ decision: "PARTIAL", lines: [{ kind, decision, reasonCode? }] }`.
 */
export class AdjudicateClaimRequestDto {
  @ApiProperty({ enum: DECISIONS }) @IsIn(DECISIONS) decision!: (typeof DECISIONS)[number];

  @ApiPropertyOptional({ enum: CODES, description: 'REJECT: required.' })
  @ValidateIf((dto: AdjudicateClaimRequestDto) => dto.decision === 'REJECT' || dto.reasonCode !== undefined)
  @IsIn(CODES, { message: codeMessage('reasonCode') })
  reasonCode?: ReasonCode;

  @ApiPropertyOptional({ description: 'REJECT: an optional note, sealed under the patient key.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ type: [LineAdjudicationDto], description: 'PARTIAL: every line of the claim decided once, at least one approved.' })
  @ValidateIf((dto: AdjudicateClaimRequestDto) => dto.decision === 'PARTIAL' || dto.lines !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LINE_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => LineAdjudicationDto)
  lines?: LineAdjudicationDto[];
}
