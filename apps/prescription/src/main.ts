import { bootstrapService } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { DEFAULT_PORT, PrescriptionModule, SERVICE } from './prescription.module';

@Module({ imports: [PrescriptionModule.forRoot()] })
class PrescriptionApp {}

void bootstrapService(PrescriptionApp, { name: SERVICE, defaultPort: DEFAULT_PORT });
