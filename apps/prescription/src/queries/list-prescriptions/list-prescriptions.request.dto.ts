import { PageQueryDto } from '@app/service-kit';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PRESCRIPTION_STATUSES, type PrescriptionStatus } from '../../domain/vocabulary';

export class ListPrescriptionsRequestDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PRESCRIPTION_STATUSES }) @IsOptional() @IsIn(PRESCRIPTION_STATUSES) status?: PrescriptionStatus;
}
