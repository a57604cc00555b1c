/**
 * `npm run --silent simulate -- <manifest.yaml> [options]` (docs/simulate.md).
 *
 * Prints exactly one JSON document on stdout (or, with `--output VIEW`, that
 * kubectl view of the manifest's pods at `--until`, and kubectl's NotFound
 * errors on stderr) and exits 0 whenever a simulation
 * ran, whatever its outcome: a rejected or failing pod is a result. Exits 2 with
 * one line on stderr only when the command itself is misused (missing file,
 * unreadable cluster file, unknown option, bad number, invalid --command).
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseClusterText, simulate, toContractReport } from '../engine/index'
import { parseCommand } from '../engine/kubectl/command'
import { kubectlViewAt } from '../engine/describe/kubectl-views'
import { parseArgs, USAGE } from './args'

interface CliResult {
  /** 0: a simulation ran; 2: the command was misused; 1: Podlife itself failed (a bug, never the input). */
  readonly exitCode: 0 | 1 | 2
  readonly stdout: string
  readonly stderr: string
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim()

function misuse(message: string): CliResult {
  // One line, whatever the underlying error text holds.
  return { exitCode: 2, stdout: '', stderr: `simulate: ${oneLine(message)}\n` }
}

function readText(what: string, file: string): { ok: true; text: string } | { ok: false; error: string } {
  try {
    return { ok: true, text: readFileSync(file, 'utf8') }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(e)
    return { ok: false, error: `cannot read ${what} ${file}: ${why}` }
  }
}

/** The whole command but its I/O on stdout and stderr: pure but for reading the named files. */
export function run(argv: readonly string[]): CliResult {
  const parsed = parseArgs(argv)
  if (!parsed.ok) return misuse(`${parsed.error} (${USAGE})`)
  const args = parsed.args

  const manifest = readText('manifest', args.manifest)
  if (!manifest.ok) return misuse(manifest.error)

  let cluster: ReturnType<typeof parseClusterText> | null = null
  if (args.cluster !== null) {
    const text = readText('cluster file', args.cluster)
    if (!text.ok) return misuse(text.error)
    cluster = parseClusterText(text.text)
    // A cluster file the engine cannot load is an unreadable cluster file (CONTRACT.md: exit 2), with where.
    if (!cluster.ok) return misuse(`cannot parse cluster file ${args.cluster}: ${cluster.error}`)
  }

  let kubeconfig: string | null = null
  if (args.kubeconfig !== null) {
    const text = readText('kubeconfig', args.kubeconfig)
    if (!text.ok) return misuse(text.error)
    kubeconfig = text.text
  }

  const manifestName = basename(args.manifest)
  const command = args.command ?? `kubectl apply -f ${manifestName}`
  const parsedCommand = parseCommand(command)
  if (!parsedCommand.ok) return misuse(parsedCommand.error)
  const until = args.until * 1000
  try {
    const timeline = simulate(
      {
        manifest: manifest.text,
        manifestName,
        command,
        coldCache: args.coldCache,
        ...(cluster?.ok ? { cluster: cluster.objects } : {}),
        ...(kubeconfig !== null ? { kubeconfig, kubeconfigName: args.kubeconfig! } : {}),
        ...(args.context !== null ? { context: args.context } : {}),
      },
      { seed: args.seed, until },
    )
    if (args.output !== null) {
      // Nothing was simulated (the cluster did not load): said on stderr, exit 0 as the report's `error` is.
      if (timeline.outcome.kind === 'InvalidInput')
        return { exitCode: 0, stdout: '', stderr: `simulate: ${oneLine(timeline.outcome.message)}\n` }
      const view = kubectlViewAt(timeline, args.output, until)
      return { exitCode: 0, stdout: view.stdout, stderr: view.stderr }
    }
    const report = toContractReport(timeline, { command, until })
    return { exitCode: 0, stdout: `${JSON.stringify(report, null, 2)}\n`, stderr: '' }
  } catch (e) {
    // The input's mistakes are values by now; a throw is a bug in Podlife, and is said to be one.
    const why = e instanceof Error ? e.message : String(e)
    return {
      exitCode: 1,
      stdout: '',
      stderr: `simulate: internal error, a bug in Podlife: ${why.replace(/\s*\n\s*/g, ' ')}\n`,
    }
  }
}
