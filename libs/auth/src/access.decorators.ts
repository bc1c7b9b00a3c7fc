import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '@skillpath/persistence';

export const ACCESS_RULE = 'skillpath:access';

export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: Role[] };

/** Anyone may call this, logged in or not. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Only a logged-in user with one of these roles may call this. Ownership is checked by the service. */
export const Roles = (...roles: Role[]) =>
  SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule);

export const ALL_ROLES: Role[] = ['LEARNER', 'EMPLOYER', 'PROVIDER', 'PARTNER', 'ADMIN'];

/** Any logged-in user. */
export const Authenticated = () => Roles(...ALL_ROLES);

export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  displayName: string;
}

export interface RequestWithUser {
  user?: AuthUser;
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
}

export function requestOf(ctx: ExecutionContext): RequestWithUser {
  if (ctx.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(ctx).getContext<{ req: RequestWithUser }>().req;
  }
  return ctx.switchToHttp().getRequest<RequestWithUser>();
}

/** The logged-in user (the guard has already refused anonymous callers where a role is required). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext) => requestOf(ctx).user);
