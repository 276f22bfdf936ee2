// How the main process hands the contract's method names to the sandboxed preload. A sandboxed
// preload can require only `electron` (no zod, so not the contract module itself); Electron appends
// `webPreferences.additionalArguments` to the renderer's process.argv for exactly this purpose.

const PREFIX = '--sw-methods=';
const METHOD_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

export function encodeMethodsArg(methods: readonly string[]): string {
  for (const m of methods) {
    if (!METHOD_NAME.test(m)) throw new Error(`method name ${JSON.stringify(m)} cannot travel in argv`);
  }
  return PREFIX + methods.join(',');
}

/** The method names found in argv; empty when the argument is missing. */
export function decodeMethodsArg(argv: readonly string[]): string[] {
  const arg = argv.find((a) => a.startsWith(PREFIX));
  if (!arg) return [];
  return arg
    .slice(PREFIX.length)
    .split(',')
    .filter((m) => METHOD_NAME.test(m));
}
