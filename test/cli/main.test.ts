import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliIo, type Command, UsageError } from '../../src/cli/command';
import { commands as builtIn } from '../../src/cli/commands';
import { main } from '../../src/cli/main';

/** A CliIo that remembers what was printed. */
function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const echo: Command = {
  name: 'echo',
  summary: 'Print the arguments.',
  usage: 'Usage: layerlab echo [WORDS...]',
  run: (args, io) => { io.out(args.join(' ')); return 0; },
};
const broken: Command = {
  name: 'broken',
  summary: 'Always fails.',
  usage: 'Usage: layerlab broken',
  run: async () => { throw new Error('the image store is empty; build an image first'); },
};
const picky: Command = {
  name: 'picky',
  summary: 'Rejects its arguments.',
  usage: 'Usage: layerlab picky',
  run: () => { throw new UsageError({ problem: 'picky takes no arguments' }); },
};
const commands = [echo, broken, picky];

async function run(argv: string[]) {
  const io = captureIo();
  const status = await main(argv, { io, commands });
  return { status, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

describe('layerlab main', () => {
  it('--version prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    expect(await run(['--version'])).toEqual({ status: 0, stdout: `layerlab ${version}`, stderr: '' });
  });

  it('--help, -h, help and no arguments all list every command with its summary', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], []]) {
      const { status, stdout } = await run(argv);
      expect(status).toBe(0);
      expect(stdout).toMatch(/^ {2}echo {4}Print the arguments\.$/m);
      expect(stdout).toMatch(/^ {2}broken {2}Always fails\.$/m);
    }
  });

  it('dispatches to the named command with the remaining arguments', async () => {
    expect(await run(['echo', 'a', '--b'])).toEqual({ status: 0, stdout: 'a --b', stderr: '' });
  });

  it('COMMAND --help and help COMMAND print the usage instead of running it', async () => {
    for (const argv of [['broken', '--help'], ['help', 'broken']]) {
      const { status, stdout } = await run(argv);
      expect(status).toBe(0);
      expect(stdout).toContain('Usage: layerlab broken');
    }
    // After `--`, --help is an ordinary argument and reaches the command untouched.
    expect((await run(['echo', '--', '--help'])).stdout).toBe('-- --help');
  });

  it('rejects an unknown command or global flag in one sentence with status 2', async () => {
    expect(await run(['nope'])).toEqual({
      status: 2, stdout: '',
      stderr: "layerlab: unknown command 'nope'; run 'layerlab --help' for the list of commands.",
    });
    expect((await run(['--nope'])).stderr).toBe("layerlab: unknown option '--nope'; run 'layerlab --help' for the list of commands.");
  });

  it("turns a command's UsageError into status 2 and a pointer to its help", async () => {
    expect(await run(['picky'])).toEqual({
      status: 2, stdout: '',
      stderr: "layerlab picky: picky takes no arguments; run 'layerlab picky --help' for its usage.",
    });
  });

  it('turns any other error into status 1 and its message, without a stack trace', async () => {
    const { status, stderr } = await run(['broken']);
    expect(status).toBe(1);
    expect(stderr).toBe('layerlab broken: the image store is empty; build an image first');
  });

  it('gives every built-in command a name, a summary and a usage line', () => {
    for (const command of builtIn) {
      expect(command.name).toMatch(/^[a-z][a-z-]*$/);
      expect(command.summary).toMatch(/\.$/);
      expect(command.usage).toContain(`layerlab ${command.name}`);
    }
    expect(new Set(builtIn.map((c) => c.name)).size).toBe(builtIn.length);
  });
});
