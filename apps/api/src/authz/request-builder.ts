import {
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  GraphQLOutputType,
} from 'graphql';

const SOME_UUID = '00000000-0000-4000-8000-000000000000';

/** A syntactically valid literal for a GraphQL input type: enough to reach the access check. */
function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type));
    return `{ ${fields.map((f) => `${f.name}: ${literal(f.type)}`).join(', ')} }`;
  }
  switch ((type as GraphQLNamedType).name) {
    case 'ID':
      return `"${SOME_UUID}"`;
    case 'Int':
      return '1';
    case 'Float':
      return '1.5';
    case 'Boolean':
      return 'false';
    case 'DateTime':
      return '"2027-01-01T00:00:00Z"';
    case 'JSON':
      return '{}';
    default:
      return '"x"';
  }
}

function selection(type: GraphQLOutputType): string {
  let t = type;
  while (isNonNullType(t) || isListType(t)) t = (t as { ofType: GraphQLOutputType }).ofType;
  if (isLeafType(t)) return '';
  if (isObjectType(t) || isInterfaceType(t) || isUnionType(t)) return ' { __typename }';
  return '';
}

/** `query { field(arg: value) { __typename } }` for one operation, with every required argument filled. */
export function requestFor(schema: GraphQLSchema, type: 'Query' | 'Mutation', name: string): string {
  const root = type === 'Query' ? schema.getQueryType() : schema.getMutationType();
  const field = root?.getFields()[name] as GraphQLField<unknown, unknown> | undefined;
  if (!field) throw new Error(`${type}.${name} is not in the schema`);
  const args = field.args.filter((a) => isNonNullType(a.type));
  const argText = args.length ? `(${args.map((a) => `${a.name}: ${literal(a.type)}`).join(', ')})` : '';
  return `${type === 'Query' ? 'query' : 'mutation'} { ${name}${argText}${selection(field.type)} }`;
}
