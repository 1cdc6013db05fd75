import { runCli } from './cli/run.ts';

/** `npm run relais -- <command>`: see `npm run relais -- --help`. */
const code = await runCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
process.exit(code);
