import type { DestinationStream } from 'pino';
import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ServiceKitModule } from '@app/service-kit';
import { ConsoleConfigHttpController } from './console/console-config.http.controller';
import { ConsoleStaticMiddleware } from './console/console-static.middleware';
import { DocsIndexHttpController } from './docs/docs-index.http.controller';
import { DossierDisclosuresModule } from './dossier-disclosures/dossier-disclosures.module';
import { DOSSIER_ROUTE } from './dossier-disclosures/dossier-route';
import type { GatewayConfig } from './gateway.config';
import { GatewayFhirModule } from './fhir/gateway-fhir.module';
import { GATEWAY_CONFIG, PATIENT_EXPORT_SOURCES, PROXY_TARGETS, SERVICE_REGISTRY } from './gateway.tokens';
import { GatewayHealthHttpController } from './health/gateway-health.http.controller';
import { UpstreamReadiness } from './health/upstream-readiness';
import { exportSources } from './patient-export/patient-export-sources';
import { PatientExportComposer } from './patient-export/patient-export.composer';
import { PatientExportHttpController } from './patient-export/patient-export.http.controller';
import { GatewayProxyMiddleware } from './proxy/gateway-proxy.middleware';
import type { ProxyTargets } from './proxy/proxy-decision';
import { buildRouteTable, ServiceEntry, serviceUrl } from './registry';
import { RateLimitMiddleware } from './security/rate-limit.middleware';
import { RateLimiter } from './security/rate-limiter';

export const GATEWAY_SERVICE_NAME = 'gateway';

/**
 * The gateway for the services of services.json, at the URLs the environment
 * gives. It has no database and no writes of its own: no schema, no
 * idempotency store; its readiness is the services'.
 */
@Module({})
export class GatewayModule implements NestModule {
  static forRoot(config: GatewayConfig, services: ServiceEntry[], env: NodeJS.ProcessEnv = process.env, logDestination?: DestinationStream): DynamicModule {
    const upstreams = services.filter((s) => s.name !== GATEWAY_SERVICE_NAME);
    const targets: ProxyTargets = {
      routes: buildRouteTable(upstreams, env),
      services: new Map(upstreams.map((s) => [s.name, serviceUrl(s, env)])),
    };
    return {
      module: GatewayModule,
      imports: [
        ServiceKitModule.forRoot({ name: GATEWAY_SERVICE_NAME, config, readiness: {}, idempotency: false, logDestination }),
        DossierDisclosuresModule.forRoot(targets, upstreams, config.PROXY_TIMEOUT_MS),
        GatewayFhirModule.forRoot(upstreams, env, config.PROXY_TIMEOUT_MS),
      ],
      controllers: [GatewayHealthHttpController, DocsIndexHttpController, PatientExportHttpController, ConsoleConfigHttpController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: SERVICE_REGISTRY, useValue: services },
        { provide: PROXY_TARGETS, useValue: targets },
        { provide: PATIENT_EXPORT_SOURCES, useValue: exportSources(upstreams, env) },
        PatientExportComposer,
        UpstreamReadiness,
        GatewayProxyMiddleware,
        ConsoleStaticMiddleware,
        RateLimiter,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // First, so proxied routes are counted and a refused request reaches no service (it skips its exempt paths itself).
    consumer.apply(RateLimitMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
    // The dossier is composed (dossier-disclosures/), not proxied.
    consumer.apply(GatewayProxyMiddleware).exclude(DOSSIER_ROUTE).forRoutes({ path: '*path', method: RequestMethod.ALL });
    // What the proxy left to the gateway and is not an API path: the web console's files and page (`{*path}` matches `/` too).
    consumer.apply(ConsoleStaticMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.GET });
  }
}
