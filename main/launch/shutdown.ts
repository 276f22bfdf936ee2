// Lets a long-running command (web mode, `scenewright serve`) wait for Ctrl-C or a service stop.
/** Resolves on the first SIGINT/SIGTERM. Its listeners are then removed, so a second signal during
 * cleanup gets Node's default handling and ends the process at once. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const done = (signal: NodeJS.Signals) => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve(signal);
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
