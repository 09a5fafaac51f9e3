import { bootstrapService } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { CLAIMS, ClaimsModule } from './claims.module';

@Module({ imports: [ClaimsModule.forRoot()] })
class ClaimsApp {}

void bootstrapService(ClaimsApp, CLAIMS);
