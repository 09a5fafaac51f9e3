import { bootstrapService } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { DEVICE_CERTIFICATION, DeviceCertificationModule } from './device-certification.module';

@Module({ imports: [DeviceCertificationModule.forRoot()] })
class DeviceCertificationApp {}

void bootstrapService(DeviceCertificationApp, DEVICE_CERTIFICATION);
