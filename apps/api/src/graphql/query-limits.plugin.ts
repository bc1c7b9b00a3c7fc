import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Inject } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { APP_CONFIG, AppConfig } from '@skillpath/config';

/** Depth of the deepest field path in the operation, following fragments (introspection excluded). */
export function operationDepth(
  op: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): number {
  const visit = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): number => {
    if (!set) return depth;
    let max = depth;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        max = Math.max(max, visit(sel.selectionSet, depth + 1, seen));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, visit(sel.selectionSet, depth, seen));
      } else if (sel.kind === Kind.FRAGMENT_SPREAD && !seen.has(sel.name.value)) {
        const frag = fragments[sel.name.value];
        if (frag) max = Math.max(max, visit(frag.selectionSet, depth, new Set([...seen, sel.name.value])));
      }
    }
    return max;
  };
  return visit(op.selectionSet, 0, new Set());
}

/**
 * Fields the operation asks for at its root, aliases counted one by one and fragments followed:
 * `{ a: register(…) b: register(…) }` is two. `__typename` is free.
 */
export function rootFieldCount(
  op: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): number {
  const count = (set: SelectionSetNode, seen: Set<string>): number => {
    let n = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) n += sel.name.value === '__typename' ? 0 : 1;
      else if (sel.kind === Kind.INLINE_FRAGMENT) n += count(sel.selectionSet, seen);
      else if (sel.kind === Kind.FRAGMENT_SPREAD && !seen.has(sel.name.value)) {
        const frag = fragments[sel.name.value];
        if (frag) n += count(frag.selectionSet, new Set([...seen, sel.name.value]));
      }
    }
    return n;
  };
  return count(op.selectionSet, new Set());
}

function fragmentsOf(doc: DocumentNode): Record<string, FragmentDefinitionNode> {
  const out: Record<string, FragmentDefinitionNode> = {};
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) out[d.name.value] = d;
  return out;
}

/**
 * Refuses operations with more root fields (aliases counted), nested deeper, or estimated costlier
 * than configured, before any resolver runs. The root-field cap stops one request from multiplying an
 * operation under aliases (25 `register`s, 100 `planRoadmap`s).
 */
@Plugin()
export class QueryLimitsPlugin implements ApolloServerPlugin {
  constructor(
    private readonly schemaHost: GraphQLSchemaHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const { maxDepth, maxComplexity, maxRootFields } = this.config.graphql;
    const schema = this.schemaHost.schema;
    return {
      didResolveOperation: async ({ request, document, operation }) => {
        if (!operation) return;
        const fragments = fragmentsOf(document);
        const roots = rootFieldCount(operation, fragments);
        if (roots > maxRootFields) {
          throw new GraphQLError(
            `This ${operation.operation} asks for ${roots} root fields (aliases count one each); the limit is ${maxRootFields}. Send fewer fields, or split it into several requests.`,
            { extensions: { code: 'BAD_USER_INPUT' } },
          );
        }
        const depth = operationDepth(operation, fragments);
        if (depth > maxDepth) {
          throw new GraphQLError(
            `This query is nested ${depth} levels deep; the limit is ${maxDepth}. Ask for fewer nested fields.`,
            { extensions: { code: 'BAD_USER_INPUT' } },
          );
        }
        const complexity = getComplexity({
          schema,
          query: document,
          operationName: request.operationName ?? undefined,
          variables: request.variables ?? {},
          estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
        });
        if (complexity > maxComplexity) {
          throw new GraphQLError(
            `This query is too expensive (cost ${complexity}, limit ${maxComplexity}). Ask for fewer items or fields.`,
            { extensions: { code: 'BAD_USER_INPUT' } },
          );
        }
      },
    };
  }
}
