import type { INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import { GraphQLTestClient } from '@skillpath/testing';
import { startTestStack, TestStack } from '../testing/test-stack';
import { createApiApp } from '../bootstrap';

/** Two API processes on one database and Redis prefix, as two replicas behind a load balancer. */
describe('login throttling is shared by every API replica', () => {
  let stack: TestStack;
  let second: INestApplication;
  let replicaB: GraphQLTestClient;
  let redis: Redis;

  beforeAll(async () => {
    stack = await startTestStack();
    second = await createApiApp(stack.config);
    await second.listen(0, '127.0.0.1');
    replicaB = new GraphQLTestClient((await second.getUrl()).replace('[::1]', '127.0.0.1'));
    redis = new Redis(stack.config.redis.url);
    await stack.gql.ok(`mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`, {
      i: { email: 'shared@example.org', password: 'the right password', displayName: 'S' },
    });
  });

  afterAll(async () => {
    redis?.disconnect();
    await second?.close();
    await stack?.close();
  });

  const login = async (client: GraphQLTestClient, password: string) =>
    (
      await client.request(
        `mutation($p: String!) { login(email: "Shared@Example.org", password: $p) { accessToken } }`,
        { p: password },
      )
    ).errors?.[0]?.extensions?.code ?? 'OK';

  it('counts attempts on one account across replicas, in Redis under the app prefix', async () => {
    const codes: unknown[] = [];
    // Alternate replicas: per-process counters would allow 5 on each, 10 in all.
    for (let i = 0; i < 7; i++) codes.push(await login(i % 2 === 0 ? stack.gql : replicaB, `wrong ${i}`));
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes.slice(5)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    // Even the right password is refused while the account is blocked, on either replica.
    expect(await login(replicaB, 'the right password')).toBe('RATE_LIMITED');
    expect(await login(stack.gql, 'the right password')).toBe('RATE_LIMITED');
    const keys = await redis.keys(`${stack.config.redis.prefix}:login-throttle:*`);
    expect(keys.some((k) => k.endsWith(':login-account}:hits'))).toBe(true);
    expect(keys.some((k) => k.endsWith(':login-account}:blocked'))).toBe(true);
  });

  it('leaves other accounts alone', async () => {
    expect(await login(replicaB, 'wrong again')).toBe('RATE_LIMITED');
    const other = await stack.gql.request(
      `mutation { login(email: "nobody@example.org", password: "a wrong password") { accessToken } }`,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
