import { bootstrapService } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { NOTIFICATIONS, NotificationsModule } from './notifications.module';

@Module({ imports: [NotificationsModule.forRoot()] })
class NotificationsApp {}

void bootstrapService(NotificationsApp, NOTIFICATIONS);
