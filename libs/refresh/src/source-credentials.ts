import { ConnectorConfigError, type SourceCredentials } from '@skillpath/connectors';

/** Where secrets are looked up by name: the worker's environment. Never stored, never logged. */
export type SecretLookup = (name: string) => string | undefined;

export const processEnvSecrets: SecretLookup = (name) => process.env[name];

/** The credentials a source names (`credentialsEnv`), read at run time in the worker only. */
export function credentialsFor(
  credentialsEnv: string | null,
  lookup: SecretLookup,
): SourceCredentials | undefined {
  if (!credentialsEnv) return undefined;
  const value = lookup(credentialsEnv);
  if (value === undefined || value === '') {
    throw new ConnectorConfigError(
      `the source's credentials are read from the environment variable ${credentialsEnv}, which is not set in the worker`,
    );
  }
  return { subscriptionKey: value };
}
