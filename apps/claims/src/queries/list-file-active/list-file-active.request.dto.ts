import { PageQueryDto } from '@app/service-kit';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** `GET /v1/file-active?exploitant=&lppCode=&page=&pageSize=`: `exploitant` is a SIRET, `lppCode` 7 digits. */
export class ListFileActiveRequestDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '73282932000074' })
  @IsOptional()
  @Matches(/^\d{14}$/, { message: 'exploitant must be a SIRET (14 digits)' })
  exploitant?: string;

  @ApiPropertyOptional({ example: '1146021' })
  @IsOptional()
  @Matches(/^\d{7}$/, { message: 'lppCode must be a 7-digit LPP code' })
  lppCode?: string;
}
