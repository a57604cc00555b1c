/**
 * The headless command's argument list (docs/simulate.md). Parsing is pure:
 * misuse comes back as a one-line error for the caller to print and exit 2 on.
 */
import { isKubectlView, KUBECTL_VIEWS, type KubectlView } from '../engine/describe/kubectl-views'

export interface SimulateArgs {
  readonly manifest: string
  readonly cluster: string | null
  readonly kubeconfig: string | null
  readonly context: string | null
  readonly command: string | null
  readonly seed: number
  /** Virtual seconds after Enter. */
  readonly until: number
  readonly coldCache: boolean
  /** A kubectl view to print at `until` instead of the JSON report; null for the report. */
  readonly output: KubectlView | null
}

export type ArgsResult = { ok: true; args: SimulateArgs } | { ok: false; error: string }

export const USAGE =
  'usage: simulate <manifest.yaml> [--cluster FILE] [--kubeconfig FILE] [--context NAME] [--command TEXT] [--seed N] [--until SECONDS] [--cold-cache] [--output describe|get|wide|yaml]'

export const DEFAULT_SEED = 1
export const DEFAULT_UNTIL_SECONDS = 600
const MAX_SEED = 0xffffffff

const VALUE_OPTIONS = [
  '--cluster',
  '--kubeconfig',
  '--context',
  '--command',
  '--seed',
  '--until',
  '--output',
] as const
type ValueOption = (typeof VALUE_OPTIONS)[number]

function isValueOption(name: string): name is ValueOption {
  return (VALUE_OPTIONS as readonly string[]).includes(name)
}

/** Parses the arguments after the script name (`process.argv.slice(2)`). */
export function parseArgs(argv: readonly string[]): ArgsResult {
  const values: Partial<Record<ValueOption, string>> = {}
  const positional: string[] = []
  let coldCache = false
  let onlyPositional = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (onlyPositional || !arg.startsWith('-') || arg === '-') {
      positional.push(arg)
      continue
    }
    if (arg === '--') {
      onlyPositional = true
      continue
    }
    const eq = arg.indexOf('=')
    const name = eq >= 0 ? arg.slice(0, eq) : arg
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined
    if (name === '--cold-cache') {
      if (inline !== undefined) return { ok: false, error: `--cold-cache takes no value` }
      coldCache = true
      continue
    }
    if (!isValueOption(name)) return { ok: false, error: `unknown option ${name}` }
    const value = inline ?? argv[++i]
    if (value === undefined) return { ok: false, error: `${name} needs a value` }
    values[name] = value
  }
  if (positional.length === 0) return { ok: false, error: 'missing the manifest file' }
  if (positional.length > 1) return { ok: false, error: `unexpected argument ${positional[1]!}` }

  const seed = values['--seed'] === undefined ? DEFAULT_SEED : parseSeed(values['--seed'])
  if (seed === null)
    return { ok: false, error: `--seed must be an integer from 0 to ${MAX_SEED}, got "${values['--seed']!}"` }
  const until = values['--until'] === undefined ? DEFAULT_UNTIL_SECONDS : parseSeconds(values['--until'])
  if (until === null)
    return {
      ok: false,
      error: `--until must be a non-negative number of seconds, got "${values['--until']!}"`,
    }
  const output = values['--output'] ?? null
  if (output !== null && !isKubectlView(output))
    return { ok: false, error: `--output must be one of ${KUBECTL_VIEWS.join(', ')}, got "${output}"` }
  for (const name of ['--cluster', '--kubeconfig', '--context', '--command'] as const) {
    if (values[name] === '') return { ok: false, error: `${name} needs a value` }
  }

  return {
    ok: true,
    args: {
      manifest: positional[0]!,
      cluster: values['--cluster'] ?? null,
      kubeconfig: values['--kubeconfig'] ?? null,
      context: values['--context'] ?? null,
      command: values['--command'] ?? null,
      seed,
      until,
      coldCache,
      output,
    },
  }
}

function parseSeed(text: string): number | null {
  if (!/^\d+$/.test(text)) return null
  const n = Number(text)
  // The engine's generator state is 32 bits (sim/rng.ts createRng), so larger seeds would alias smaller ones.
  return n <= MAX_SEED ? n : null
}

function parseSeconds(text: string): number | null {
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text)) return null
  const n = Number(text)
  return Number.isFinite(n) ? n : null
}
