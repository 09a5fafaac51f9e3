import { bootstrapService } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { PRESCRIPTION, PrescriptionModule } from './prescription.module';

@Module({ imports: [PrescriptionModule.forRoot()] })
class PrescriptionApp {}

void bootstrapService(PrescriptionApp, PRESCRIPTION);
