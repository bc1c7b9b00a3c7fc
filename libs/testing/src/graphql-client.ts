export interface GqlResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{
    message: string;
    extensions?: { code?: string } & Record<string, unknown>;
    path?: string[];
  }>;
}

/** A GraphQL client as the web app would use it: POST /graphql with an optional bearer token. */
export class GraphQLTestClient {
  constructor(
    readonly baseUrl: string,
    public token?: string,
  ) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResponse<T>;
  }

  /** Like request, but fails the test on any error and returns the data. */
  async ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const r = await this.request<T>(query, variables);
    if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data as T;
  }

  /** The error code of the first error; fails the test when the call succeeded. */
  async errorCode(query: string, variables?: Record<string, unknown>): Promise<string | undefined> {
    const r = await this.request(query, variables);
    if (!r.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(r.data)}`);
    return r.errors[0].extensions?.code;
  }

  as(token?: string): GraphQLTestClient {
    return new GraphQLTestClient(this.baseUrl, token);
  }
}
