/**
 * The kubectl command line being simulated: create, client-side apply or
 * server-side apply, with the flags that change the request.
 */
export interface KubectlCommand {
  readonly text: string
  readonly verb: 'create' | 'apply'
  readonly serverSide: boolean
  readonly file: string
  /** --validate: strict (default, also `true`), warn, or false/ignore; the fieldValidation sent. */
  readonly validate: 'Strict' | 'Warn' | 'Ignore'
  readonly dryRunServer: boolean
  readonly namespace: string | null
  /**
   * What kubectl itself refuses before reading any file, as it prints it after `error: ` (exit 1):
   * arguments after the flags, or a --validate value it does not know.
   */
  readonly error?: string
}

/**
 * GetValidationDirective (kubectl pkg/cmd/util/helpers.go): strconv.ParseBool first, then the three
 * names, case-sensitive; anything else is refused with this message.
 */
export const invalidValidateOption = (value: string): string =>
  `invalid - validate option ${JSON.stringify(value)}; must be one of: strict (or true), warn, ignore (or false)`
const PARSE_BOOL_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True'])
const PARSE_BOOL_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False'])

export function validationDirective(value: string): KubectlCommand['validate'] | null {
  if (PARSE_BOOL_TRUE.has(value)) return 'Strict'
  if (PARSE_BOOL_FALSE.has(value)) return 'Ignore'
  return value === 'strict' ? 'Strict' : value === 'warn' ? 'Warn' : value === 'ignore' ? 'Ignore' : null
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
  let invalidValidate: string | undefined
  const args: string[] = []
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
        // NoOptDefVal "strict" (AddValidateFlags): a bare --validate takes no value, so a word after it
        // is an argument, not the flag's value.
        const v = inline ?? 'strict'
        const directive = validationDirective(v)
        if (directive) validate = directive
        else invalidValidate ??= invalidValidateOption(v)
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
        if (!w.startsWith('-')) {
          args.push(w)
          break
        }
        return { ok: false, error: `unknown flag: ${flag}` }
    }
  }
  if (!file) return { ok: false, error: 'must specify -f' }
  // create's Complete and apply's ToOptions refuse arguments first, then read --validate.
  const error =
    args.length > 0
      ? `Unexpected args: [${args.join(' ')}]\nSee 'kubectl ${verb} -h' for help and examples`
      : invalidValidate
  return {
    ok: true,
    command: {
      text,
      verb,
      serverSide,
      file,
      validate,
      dryRunServer,
      namespace,
      ...(error ? { error } : {}),
    },
  }
}
