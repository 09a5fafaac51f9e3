import { NOTIFICATION_TYPES, type NotificationType } from '@app/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsString, Length, MaxLength } from 'class-validator';

export const SECRET_LENGTH = { min: 16, max: 256 };

/**
 * `POST /v1/webhooks` `{ url, events, secret }`. The URL's scheme and host are
 * checked by the handler (https and public outside development: it depends
 * on where the service runs), as a 400 on `url` like these.
 */
export class RegisterWebhookRequestDto {
  @ApiProperty({ example: 'https://hooks.example.org/connected-health', maxLength: 2048 })
  @IsString()
  @MaxLength(2048)
  url!: string;

  @ApiProperty({ enum: NOTIFICATION_TYPES, isArray: true, description: 'The notification types to receive, at least one, each once.' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(NOTIFICATION_TYPES.length)
  @ArrayUnique({ message: 'events must not repeat a type' })
  @IsIn(NOTIFICATION_TYPES, { each: true, message: `each of events must be one of ${NOTIFICATION_TYPES.join(', ')}` })
  events!: NotificationType[];

  @ApiProperty({ minLength: SECRET_LENGTH.min, maxLength: SECRET_LENGTH.max, writeOnly: true, description: 'Signs every delivery; kept sealed, never answered.' })
  @IsString()
  @Length(SECRET_LENGTH.min, SECRET_LENGTH.max, { message: `secret must be ${SECRET_LENGTH.min} to ${SECRET_LENGTH.max} characters` })
  secret!: string;
}
