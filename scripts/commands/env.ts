/**
 * The tooling's view of the environment. The apps read theirs only through @skillpath/config;
 * these scripts decide which services to use before the apps start.
 */
export function toolEnv() {
  return {
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    SKILLPATH_SERVICES: process.env.SKILLPATH_SERVICES,
    PORT: process.env.PORT,
    CI: process.env.CI,
  };
}

export const say = (line: string) => console.log(`[skillpath] ${line}`);
