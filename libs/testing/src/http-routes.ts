import { type INestApplication, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC_KEY, ROLES_KEY } from '@app/auth';
import type { Role } from '@app/contracts';

/** One HTTP route of an application, as its decorators declare it. */
export interface HttpRoute {
  method: string;
  /** The Express pattern, e.g. `/v1/devices/:id/submission`. */
  path: string;
  /** Names of its path parameters, in order. */
  params: string[];
  isPublic: boolean;
  /** The roles `@Roles` allows; empty when any authenticated caller may call it. */
  roles: Role[];
  /** The class of its whole-query `@Query()` argument, when it has one. */
  queryType?: Type;
  /** `Controller.method`, to name the route in a failure. */
  handler: string;
}

/**
 * Every route of a Nest application, read from the metadata of its
 * controllers (what Nest itself registers), so a test that walks them covers
 * a route added tomorrow without being edited.
 */
export function discoverHttpRoutes(app: INestApplication): HttpRoute[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  return discovery.getControllers().flatMap(({ metatype, instance }) => {
    if (!metatype || !instance) return [];
    const prototype = Object.getPrototypeOf(instance) as Record<string, object>;
    const controllerPaths = pathsOf(Reflect.getMetadata(PATH_METADATA, metatype));
    return scanner.getAllMethodNames(prototype).flatMap((name) => {
      const target = prototype[name];
      const methodPaths = Reflect.getMetadata(PATH_METADATA, target) as string | string[] | undefined;
      if (methodPaths === undefined) return [];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, target) as RequestMethod];
      const isPublic = metadataOf<boolean>(IS_PUBLIC_KEY, target, metatype) === true;
      const roles = metadataOf<Role[]>(ROLES_KEY, target, metatype) ?? [];
      const queryType = wholeQueryType(metatype, prototype, name);
      const handler = `${(metatype as { name: string }).name}.${name}`;
      return controllerPaths.flatMap((base) =>
        pathsOf(methodPaths).map((own) => {
          const path = joinPaths(base, own);
          return { method, path, params: paramNames(path), isPublic, roles, queryType, handler };
        }),
      );
    });
  });
}

/** The method's own metadata, else its controller's: how the guards read `@Roles` and `@Public` (`getAllAndOverride`). */
const metadataOf = <T>(key: string, handler: object, controller: object): T | undefined =>
  (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller)) as T | undefined;

function pathsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.length > 0 ? value.map(String) : [''];
  return [typeof value === 'string' ? value : ''];
}

const joinPaths = (...parts: string[]): string =>
  `/${parts
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter((part) => part !== '')
    .join('/')}`;

const paramNames = (path: string): string[] => [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]);

/** The declared type of a `@Query()` argument that takes the whole query string (a DTO class). */
function wholeQueryType(metatype: object, prototype: object, name: string): Type | undefined {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, name) ?? {}) as Record<string, { index: number; data?: unknown }>;
  const types = (Reflect.getMetadata('design:paramtypes', prototype, name) ?? []) as Type[];
  const query = Object.entries(args).find(([key, arg]) => key.split(':')[0] === String(RouteParamtypes.QUERY) && arg.data === undefined);
  return query ? types[query[1].index] : undefined;
}
