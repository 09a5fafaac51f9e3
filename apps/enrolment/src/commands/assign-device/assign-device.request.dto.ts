import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** `POST /v1/enrolments/:id/device` `{ serialNumber, udiDi }`: the device handed to the patient. */
export class AssignDeviceRequestDto {
  @ApiProperty({ example: 'SN-2026-000123' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(/^[\x21-\x7e]+$/, { message: 'serialNumber must be printable ASCII without spaces' })
  serialNumber!: string;

  @ApiProperty({ example: '03700000000017' }) @IsString() @IsNotEmpty() @MaxLength(64) udiDi!: string;
}
