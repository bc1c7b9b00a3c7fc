import { runApiCommand, runStartCommand, runWorkerCommand } from './start.command';
import { runTestCommand } from './test.command';
import { runMigrateCommand } from './migrate.command';
import { runBenchCommand } from './bench.command';
import { runCliCommand } from './cli.command';
import { runSchemaCommand } from './schema.command';

/** Dispatches `node scripts/run.js <command> …`; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return runStartCommand();
    case 'api':
      return runApiCommand();
    case 'worker':
      return runWorkerCommand();
    case 'test':
      return runTestCommand(rest);
    case 'migrate':
      return runMigrateCommand();
    case 'cli':
      return runCliCommand(rest);
    case 'plan': {
      const { main: planMain } = await import('../../libs/matching/src/cli/plan-cli');
      return planMain(rest);
    }
    case 'bench':
      return runBenchCommand(rest);
    case 'web-build': {
      const { buildWeb } = await import('./web-build.command');
      return buildWeb();
    }
    case 'schema-check':
      return runSchemaCommand('check');
    case 'schema-write':
      return runSchemaCommand('write');
    default:
      console.error(
        `Unknown command "${command ?? ''}". Try: start, api, worker, test, migrate, cli, plan, bench.`,
      );
      return 2;
  }
}
