import { PageQueryDto } from '@app/service-kit';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { EnrolmentStatus } from '../../domain/enrolment.state';

export const ENROLMENT_STATUSES = ['PENDING_CONSENT', 'PENDING_ACTIVATION', 'ACTIVE', 'SUSPENDED', 'ENDED'] as const satisfies readonly EnrolmentStatus[];

/** `GET /v1/enrolments?prescriptionId=&status=&page=&pageSize=`: `prescriptionId` matches any prescription of the chain. */
export class ListEnrolmentsRequestDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() prescriptionId?: string;
  @ApiPropertyOptional({ enum: ENROLMENT_STATUSES }) @IsOptional() @IsIn(ENROLMENT_STATUSES) status?: EnrolmentStatus;
}
