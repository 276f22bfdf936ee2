// `npm run eval -- <suite> [args]`: quality metrics (model and algorithm accuracy), printed like bench results.
import { printResults } from '../bench/result';
import { evalSuites } from './suites/index';

async function main(argv: string[]) {
  const [name, ...rest] = argv;
  const load = name ? evalSuites[name] : undefined;
  if (!load) {
    process.stderr.write(`eval: ${name ? `unknown suite "${name}"` : 'name a suite'}; available: ${Object.keys(evalSuites).join(', ')}\n`);
    return 2;
  }
  const suite = await load();
  const results = await suite(rest);
  // A suite asked for --json writes its own one-object answer and returns no rows.
  if (results.length) printResults(results);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
