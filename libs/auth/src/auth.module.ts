import { type DynamicModule, type InjectionToken, Module, type ModuleMetadata, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_CONFIG, type AuthConfig, authConfig } from './auth.config';
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
 * The JWT guard and the roles guard, global. Settings come from the caller:
 * `forRoot(settings)`, or `forRootAsync` from the service's validated
 * configuration (what ServiceKitModule does with PLATFORM_CONFIG).
 */
@Module({})
export class AuthModule {
  static forRoot(config: Partial<AuthConfig>, options: AuthModuleOptions = {}): DynamicModule {
    return AuthModule.build({ provide: AUTH_CONFIG, useValue: authConfig(config) }, options);
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
