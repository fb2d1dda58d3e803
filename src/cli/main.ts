#!/usr/bin/env node
/**
 * The Node command line over core: `npm run --silent cli -- <command> ...` or the `outage-desk` bin.
 * Each command lives in ./commands/<name>.ts and exports `run(args: string[]): Promise<number>`.
 */
import { CliInputError } from './errors.js';

type Command = { run: (args: string[]) => Promise<number>; summary: string };

const commands: Record<string, () => Promise<Command>> = {
  batch: () => import('./commands/batch.js'),
  estimate: () => import('./commands/estimate.js'),
  import: () => import('./commands/import.js'),
  pack: () => import('./commands/pack.js'),
  packet: () => import('./commands/packet.js'),
  synth: () => import('./commands/synth.js'),
  status: () => import('./commands/status.js'),
  verify: () => import('./commands/verify.js'),
};

function usage(): string {
  return [
    '장애 손실 계산기 (Outage Loss Desk) CLI',
    '',
    '사용법 / usage: outage-desk <command> [options]',
    '',
    ...Object.keys(commands).map((name) => `  ${name}`),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    console.error(`알 수 없는 명령이에요 / unknown command: ${name}\n\n${usage()}`);
    return 2;
  }
  const command = await load();
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof CliInputError) {
      console.error(err.message);
      process.exitCode = 2;
      return;
    }
    console.error('내부 오류예요 (버그) / internal error (a bug):', err);
    process.exitCode = 1;
  },
);
