/*
 * A V8 CPU profile of the process that loads it, written when it exits
 * (SIGTERM and SIGINT included) to $CPU_PROFILE_DIR/<service>-<pid>.cpuprofile:
 * what `npm run bench:workflow -- --cpu-profiles DIR` gives every service as
 * `NODE_OPTIONS=--require`. Node refuses `--cpu-prof` in NODE_OPTIONS, and a
 * service stopped by a signal would not write it anyway. Open a profile in
 * Chrome DevTools (Performance) or https://www.speedscope.app.
 */
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.CPU_PROFILE_DIR;
if (dir) {
  mkdirSync(dir, { recursive: true });
  // apps/<service>/src/main.ts names the service; anything else is named by its pid alone.
  const service = (process.argv[1] || '').match(/apps\/([^/]+)\//)?.[1] ?? 'process';
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  // 1 ms between samples (the default 1 ms is Node's too): enough over a bench, little overhead.
  session.post('Profiler.start');
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // A session on the main thread answers synchronously: the file is written before the process ends.
    session.post('Profiler.stop', (error, result) => {
      if (!error && result) writeFileSync(join(dir, `${service}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.on('exit', write);
  // Before the service's own handlers, which may exit the process as they finish.
  for (const signal of ['SIGTERM', 'SIGINT']) process.prependListener(signal, write);
}
