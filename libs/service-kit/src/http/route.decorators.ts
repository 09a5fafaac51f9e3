import { applyDecorators, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

/** A controller of the public API: its path prefix, its OpenAPI tag, and the bearer token every route needs. */
export const ApiController = (path: string, tag: string): ClassDecorator =>
  applyDecorators(Controller(path), ApiTags(tag), ApiBearerAuth());

/** `POST /…` that creates a resource: 201 with the full resource (API.md "Conventions"). */
export const Create = (path = ''): MethodDecorator => applyDecorators(Post(path), HttpCode(201));

/** `POST /…/:id/<action>`: 200 with the full resource after the action (API.md "Conventions"). */
export const Action = (path: string): MethodDecorator => applyDecorators(Post(path), HttpCode(200));
