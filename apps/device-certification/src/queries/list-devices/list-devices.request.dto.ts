import { PageQueryDto } from '@app/service-kit';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DEVICE_STATUSES, INDICATION_CODES, type DeviceStatus, type IndicationCode } from '../../domain/device-product';

export class ListDevicesRequestDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DEVICE_STATUSES }) @IsOptional() @IsIn(DEVICE_STATUSES) status?: DeviceStatus;

  /** Matches the certified indications of a certified product, the declared ones otherwise. */
  @ApiPropertyOptional({ enum: INDICATION_CODES }) @IsOptional() @IsIn(INDICATION_CODES) indication?: IndicationCode;
}
