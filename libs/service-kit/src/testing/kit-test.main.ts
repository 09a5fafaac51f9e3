// A minimal service started the way every app starts, for the bootstrap int-spec.
import { Module } from '@nestjs/common';
import { bootstrapService } from '../bootstrap/bootstrap-service';
import { ServiceKitModule } from '../bootstrap/service-kit.module';

@Module({ imports: [ServiceKitModule.forRoot({ name: 'kit-main', defaultPort: 3999, readiness: {} })] })
class KitMainModule {}

void bootstrapService(KitMainModule, { name: 'kit-main', defaultPort: 3999 });
