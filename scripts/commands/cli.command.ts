import { readdirSync } from 'fs';
import { join } from 'path';
import { Command, CommanderError } from 'commander';
import { MissingServiceError } from '../services/services';
import { type CliCommand, note } from './cli/cli-context';

const COMMANDS_DIR = join(__dirname, 'cli');

/** Every `scripts/commands/cli/*.cli.ts`, in name order: adding a command is adding a file. */
async function loadCommands(): Promise<CliCommand[]> {
  const files = readdirSync(COMMANDS_DIR)
    .filter((f) => f.endsWith('.cli.ts'))
    .sort();
  const modules = await Promise.all(
    files.map((f) => import(join(COMMANDS_DIR, f)) as Promise<{ cliCommand: CliCommand }>),
  );
  return modules.map((m) => m.cliCommand);
}

/** `npm run cli -- <command>`: the operators' command line. */
export async function runCliCommand(argv: string[]): Promise<number> {
  const program = new Command('npm run cli --').exitOverride().showHelpAfterError();
  let exitCode = 0;
  const run = { fail: (code = 1) => void (exitCode = code) };
  for (const command of await loadCommands()) command.register(program, run);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof MissingServiceError) {
      note(e.message);
      return 1;
    }
    console.error(`Error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  return exitCode;
}
