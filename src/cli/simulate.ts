/**
 * `npm run --silent simulate -- <manifest.yaml> [options]` (docs/simulate.md).
 *
 * Prints exactly one JSON document on stdout (or, with `--output VIEW`, one
 * kubectl view of the pods) and exits 0 whenever a simulation
 * ran, whatever its outcome: a rejected or failing pod is a result. Exits 2 with
 * one line on stderr only when the command itself is misused (missing file,
 * unreadable cluster file, unknown option, bad number, invalid --command).
 */
import { run } from './run'

const result = run(process.argv.slice(2))
if (result.stderr) process.stderr.write(result.stderr)
if (result.stdout) process.stdout.write(result.stdout)
// Let stdout drain instead of calling process.exit(), which can cut a large report short on a pipe.
process.exitCode = result.exitCode
