import { bootstrapService } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { PATIENTS, PatientsModule } from './patients.module';

@Module({ imports: [PatientsModule.forRoot()] })
class PatientsApp {}

void bootstrapService(PatientsApp, PATIENTS);
