/**
 * The kubectl command line being simulated: create, client-side apply or
 * server-side apply, with the flags that change the request.
 */
export interface KubectlCommand {
  readonly text: string
  readonly verb: 'create' | 'apply'
  readonly serverSide: boolean
  readonly file: string
  /** --validate: strict (default, also `true`), warn, or false/ignore. */
  readonly validate: 'Strict' | 'Warn' | 'Ignore'
  readonly dryRunServer: boolean
  readonly namespace: string | null
}

export type CommandResult = { ok: true; command: KubectlCommand } | { ok: false; error: string }

export function parseCommand(text: string): CommandResult {
  const words = text.trim().split(/\s+/)
  if (words[0] !== 'kubectl') return { ok: false, error: `the command must start with kubectl: ${text}` }
  const verb = words[1]
  if (verb !== 'create' && verb !== 'apply')
    return { ok: false, error: `unsupported kubectl command: ${verb ?? ''}` }
  let file = ''
  let serverSide = false
  let validate: KubectlCommand['validate'] = 'Strict'
  let dryRunServer = false
  let namespace: string | null = null
  for (let i = 2; i < words.length; i++) {
    const w = words[i]!
    const [flag, inline] = w.includes('=')
      ? [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]
      : [w, undefined]
    const value = () => inline ?? words[++i] ?? ''
    switch (flag) {
      case '-f':
      case '--filename':
        file = value()
        break
      case '--server-side':
        serverSide = inline === undefined || inline === 'true'
        break
      case '--validate': {
        const v = value()
        validate = v === 'warn' ? 'Warn' : v === 'false' || v === 'ignore' ? 'Ignore' : 'Strict'
        break
      }
      case '--dry-run':
        dryRunServer = value() === 'server'
        break
      case '-n':
      case '--namespace':
        namespace = value()
        break
      default:
        return { ok: false, error: `unknown flag: ${flag}` }
    }
  }
  if (!file) return { ok: false, error: 'must specify -f' }
  return { ok: true, command: { text, verb, serverSide, file, validate, dryRunServer, namespace } }
}
