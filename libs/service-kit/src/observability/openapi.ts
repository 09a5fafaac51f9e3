import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/**
 * OpenAPI of the service: the UI at `/docs`, the document at `/docs/json`
 * (which the gateway links). Served by the HTTP adapter directly, outside the
 * guards, so it needs no token.
 */
export function setupOpenApi(app: INestApplication, service: string, version = '1'): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`${service} API`)
      .setDescription(`The ${service} service of the connected-health platform (API.md, version ${version}).`)
      .setVersion(version)
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json', yamlDocumentUrl: 'docs/yaml' });
}
