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

function fragmentsOf(doc: DocumentNode): Record<string, FragmentDefinitionNode> {
  const out: Record<string, FragmentDefinitionNode> = {};
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) out[d.name.value] = d;
  return out;
}

/** Refuses operations nested deeper, or estimated costlier, than configured, before any resolver runs. */
@Plugin()
export class QueryLimitsPlugin implements ApolloServerPlugin {
  constructor(
    private readonly schemaHost: GraphQLSchemaHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const { maxDepth, maxComplexity } = this.config.graphql;
    const schema = this.schemaHost.schema;
    return {
      didResolveOperation: async ({ request, document, operation }) => {
        if (!operation) return;
        const depth = operationDepth(operation, fragmentsOf(document));
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
