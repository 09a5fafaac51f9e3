/** Injection token of the validated `PlatformConfig` (or a service's extension of it). */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
/** Injection token of the service's name (`prescription`), used in logs, metrics and OpenAPI. */
export const SERVICE_NAME = Symbol('SERVICE_NAME');
