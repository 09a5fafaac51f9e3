import { ERASURE_LEGAL_BASES, type ErasureLegalBasisV1 } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** `POST /v1/patients/:pseudonym/erasure`: why, and optionally a note (only its commitment is kept). */
export class ErasePatientRequestDto {
  @ApiProperty({ enum: ERASURE_LEGAL_BASES })
  @IsIn(ERASURE_LEGAL_BASES, { message: `legalBasis must be one of ${ERASURE_LEGAL_BASES.join(', ')}` })
  legalBasis!: ErasureLegalBasisV1;

  @ApiPropertyOptional({ description: 'Kept only as a salted commitment; the salt is answered once.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
