/** The part of the compose specification docker-compose.yml uses (https://compose-spec.io). */
export interface ComposeService {
  /** Rendered as a comment above the service: why it is there. */
  comment?: string;
  image: string;
  build?: { context: string; dockerfile: string };
  user?: string;
  hostname?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: 'service_started' | 'service_healthy' | 'service_completed_successfully' }>;
  healthcheck?: { test: string[]; interval: string; timeout: string; retries: number; start_period: string };
  restart?: 'no' | 'unless-stopped';
}

/** Compose reads `$` as interpolation: a shell's own `$` is written `$$`. */
export const escapeForCompose = (text: string): string => text.replace(/\$/g, '$$$$');

/** The image every app of services.json runs from (Dockerfile); APP picks the app (scripts/platform/run-app.ts). */
export const APP_IMAGE = 'connected-health:local';
// One build description shared by every app service: compose builds it once and the others hit the cache.
export const APP_BUILD = { context: '.', dockerfile: 'Dockerfile' };
export const DATABASE = 'connected_health';
export const POSTGRES_HOST = 'postgres';
export const REDIS_URL = 'redis://redis:6379';
export const KAFKA_HOST = 'kafka';
export const KAFKA_PORT = 9092;
export const KAFKA_BOOTSTRAP = `${KAFKA_HOST}:${KAFKA_PORT}`;
