import { bootstrapService } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { DEFAULT_PORT, DeviceCertificationModule, SERVICE } from './device-certification.module';

@Module({ imports: [DeviceCertificationModule.forRoot()] })
class DeviceCertificationApp {}

void bootstrapService(DeviceCertificationApp, { name: SERVICE, defaultPort: DEFAULT_PORT });
