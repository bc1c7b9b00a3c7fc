import { ConnectorConfigError, type SourceCredentials } from '@skillpath/connectors';

/** Where secrets are looked up by name: the worker's environment. Never stored, never logged. */
export type SecretLookup = (name: string) => string | undefined;

export const processEnvSecrets: SecretLookup = (name) => process.env[name];

/**
 * The only environment variables a source may name: a feed's key, never the worker's own settings
 * (`credentialsEnv: "DATABASE_URL"` once sent the database URL to a feed's host).
 */
export const SOURCE_KEY_PREFIX = 'SKILLPATH_SOURCE_KEY_';
export const SOURCE_KEY_NAME = /^SKILLPATH_SOURCE_KEY_[A-Z0-9_]+$/;

/** Why a credentialsEnv value is refused, or null. */
export function credentialsEnvProblem(name: string): string | null {
  if (SOURCE_KEY_NAME.test(name)) return null;
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    return `credentialsEnv must name a variable starting with ${SOURCE_KEY_PREFIX} (upper-case letters, digits, _), e.g. ${SOURCE_KEY_PREFIX}FIND_AN_APPRENTICESHIP; "${name}" is not one, so it is refused`;
  return `credentialsEnv must be the NAME of an environment variable starting with ${SOURCE_KEY_PREFIX}, never the secret itself (got ${name.length} characters)`;
}

/** The credentials a source names (`credentialsEnv`), read at run time in the worker only. */
export function credentialsFor(
  credentialsEnv: string | null,
  lookup: SecretLookup,
): SourceCredentials | undefined {
  if (!credentialsEnv) return undefined;
  // Checked again here: a row written before the rule, or straight into the table, is refused too.
  const problem = credentialsEnvProblem(credentialsEnv);
  if (problem) throw new ConnectorConfigError(problem);
  const value = lookup(credentialsEnv);
  if (value === undefined || value === '') {
    throw new ConnectorConfigError(
      `the source's credentials are read from the environment variable ${credentialsEnv}, which is not set in the worker`,
    );
  }
  return { subscriptionKey: value };
}
