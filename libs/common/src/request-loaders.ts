import DataLoader from 'dataloader';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

/**
 * DataLoaders for one GraphQL request: nested fields of a page of results are fetched in one
 * batched query per field instead of one query per item.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 }) as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** The current request's loaders (created by the GraphQL context factory). */
export const Loaders = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestLoaders => {
  const gqlCtx = GqlExecutionContext.create(ctx).getContext<{ loaders?: RequestLoaders }>();
  gqlCtx.loaders ??= new RequestLoaders();
  return gqlCtx.loaders;
});

/** Groups rows by key in the order DataLoader asked for them. */
export function groupByKeys<K, R>(keys: readonly K[], rows: R[], keyOf: (r: R) => K): R[][] {
  const map = new Map<K, R[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
