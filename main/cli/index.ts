// `scenewright <command> [flags]`: bin/scenewright.js calls main() and exits with what it returns.
// Exit codes: 0 ok, 1 the command failed, 2 wrong command line.
import { COMMON_FLAGS, parseFlags, UsageError } from './args';
import { processIo, type Io } from './command';
import { commands } from './commands/index';

function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length), 4);
  return [
    'usage: scenewright <command> [flags]',
    '',
    'commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  show this help, or a command's flags: scenewright help <command>`,
    '',
    'every command accepts --json to print one JSON object on stdout',
  ].join('\n');
}

function help(argv: string[], io: Io): number {
  const topic = argv.find((a) => !a.startsWith('-'));
  const json = parseFlags(argv.filter((a) => a !== topic), { json: COMMON_FLAGS.json }).json;
  if (topic !== undefined && !commands[topic]) throw new UsageError(`no command named ${JSON.stringify(topic)}`);
  const command = topic ? commands[topic] : undefined;
  if (json) {
    const list = command ? { [topic!]: command } : commands;
    io.out(`${JSON.stringify({ commands: Object.entries(list).map(([name, c]) => ({ name, summary: c.summary, usage: c.usage })) })}\n`);
  } else {
    io.out(`${command ? `${command.usage}\n  ${command.summary}` : helpText()}\n`);
  }
  return 0;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') return help(rest, io);
    const command = commands[name];
    if (!command) throw new UsageError(`unknown command ${JSON.stringify(name)}`);
    if (rest.includes('--help') || rest.includes('-h')) return help([name], io);
    return await (await command.load())(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`scenewright: ${err.message}\n${helpText()}\n`);
      return 2;
    }
    io.err(`scenewright ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
