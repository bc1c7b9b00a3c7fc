import { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ACCESS_RULE, AccessRule } from '@skillpath/auth';

export interface OperationAccess {
  type: 'Query' | 'Mutation';
  name: string;
  handler: string;
  rule: AccessRule | undefined;
}

/** Every Query and Mutation handler of the running app, with the access rule it declares (if any). */
export function operationAccess(app: INestApplication): OperationAccess[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const out: OperationAccess[] = [];
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || typeof instance !== 'object') continue;
    const proto = Object.getPrototypeOf(instance) as object;
    for (const method of scanner.getAllMethodNames(proto)) {
      const fn = instance[method] as (...a: unknown[]) => unknown;
      const type = Reflect.getMetadata('graphql:resolver_type', fn) as string | undefined;
      if (type !== 'Query' && type !== 'Mutation') continue;
      const name = (Reflect.getMetadata('graphql:resolver_name', fn) as string | undefined) ?? method;
      const rule =
        (Reflect.getMetadata(ACCESS_RULE, fn) as AccessRule | undefined) ??
        (Reflect.getMetadata(ACCESS_RULE, proto.constructor) as AccessRule | undefined);
      out.push({ type, name, handler: `${proto.constructor.name}.${method}`, rule });
    }
  }
  return out;
}
