import { PageQueryDto } from '@app/service-kit';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** `GET /v1/notifications?unread=&page=&pageSize=`: `unread=true` keeps the unread ones only. */
export class ListNotificationsRequestDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'unread must be true or false' })
  unread?: 'true' | 'false';
}
