// `npm run bench -- <suite> [args]`: runs our code and a named peer in the same process.
import { printResults } from './result';
import { suites } from './suites/index';

async function main(argv: string[]) {
  const [name, ...rest] = argv;
  const names = name && name !== 'all' ? [name] : Object.keys(suites);
  for (const n of names) {
    const load = suites[n];
    if (!load) {
      process.stderr.write(`bench: unknown suite "${n}"; available: ${Object.keys(suites).join(', ')}\n`);
      return 2;
    }
    const suite = await load();
    printResults(await suite(rest));
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
