import { bootstrapService } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { ENROLMENT, EnrolmentModule } from './enrolment.module';

@Module({ imports: [EnrolmentModule.forRoot()] })
class EnrolmentApp {}

void bootstrapService(EnrolmentApp, ENROLMENT);
