import { type DynamicModule, type InjectionToken, Module, type ModuleMetadata, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_CONFIG, type AuthConfig, authConfig, authConfigFromEnv } from './auth.config';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { RolesGuard } from './guards/roles.guard';
import { JwtVerifier } from './jwt-verifier.service';

export interface AuthModuleOptions {
  /** Register JwtAuthGuard then RolesGuard as global guards (default true). */
  globalGuards?: boolean;
}

export interface AuthModuleAsyncOptions extends AuthModuleOptions {
  /** Modules exporting what `inject` names (unless they are global). */
  imports?: ModuleMetadata['imports'];
  inject?: InjectionToken[];
  useFactory: (...args: never[]) => Partial<AuthConfig> | Promise<Partial<AuthConfig>>;
}

/**
 * `AuthModule.forRoot()` reads the environment; pass settings (or use
 * forRootAsync with the service's validated config) to set them explicitly,
 * e.g. `forRootAsync({ inject: [PLATFORM_CONFIG], useFactory: (c) => ({ jwtSecret: c.JWT_SECRET, ... }) })`.
 */
@Module({})
export class AuthModule {
  static forRoot(config?: Partial<AuthConfig>, options: AuthModuleOptions = {}): DynamicModule {
    return AuthModule.build(
      { provide: AUTH_CONFIG, useFactory: () => (config ? authConfig(config) : authConfigFromEnv()) },
      options,
    );
  }

  static forRootAsync(options: AuthModuleAsyncOptions): DynamicModule {
    const useFactory = async (...args: never[]) => authConfig(await options.useFactory(...args));
    return {
      ...AuthModule.build({ provide: AUTH_CONFIG, inject: options.inject ?? [], useFactory }, options),
      imports: options.imports ?? [],
    };
  }

  private static build(configProvider: Provider, { globalGuards = true }: AuthModuleOptions): DynamicModule {
    // Order matters: Nest runs global guards in registration order, and roles need the principal.
    const guards: Provider[] = globalGuards
      ? [
          { provide: APP_GUARD, useExisting: JwtAuthGuard },
          { provide: APP_GUARD, useExisting: RolesGuard },
        ]
      : [];
    return {
      module: AuthModule,
      global: true,
      providers: [configProvider, JwtVerifier, JwtAuthGuard, RolesGuard, ...guards],
      exports: [AUTH_CONFIG, JwtVerifier, JwtAuthGuard, RolesGuard],
    };
  }
}
