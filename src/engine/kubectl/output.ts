/**
 * What kubectl prints for a failed request, from the apiserver's Status.
 * Upstream: staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (checkErr,
 * StandardErrorMessage, MultilineError) and AddSourceToErr.
 */
import type { Json } from '../model/objects'

interface StatusBody {
  readonly code?: number
  readonly reason?: string
  readonly message?: string
  readonly details?: {
    readonly name?: string
    readonly kind?: string
    readonly causes?: readonly { field?: string; message?: string }[]
  }
}

/** `verb` is "creating" or "retrieving current configuration of" etc.; `source` the file name. */
export function kubectlError(body: Json, context: string): string {
  const s = body as StatusBody
  if (s.reason === 'Invalid') {
    const d = s.details ?? {}
    const head =
      d.kind || d.name ? `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid` : 'The request is invalid'
    const causes = (d.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`)
    if (causes.length === 0) return `${head}\n`
    if (causes.length === 1) return `${head}: ${causes[0]}\n`
    return `${head}: \n${causes.map((c) => `* ${c}`).join('\n')}\n`
  }
  // AddSourceToErr puts the context in front of the message; server-side apply adds none.
  const message = context ? `${context}: ${s.message ?? ''}` : (s.message ?? '')
  if (s.code === 401) {
    return `error: You must be logged in to the server (${context ? `${context}: ` : ''}Unauthorized)\n`
  }
  // StandardErrorMessage: a Status without a reason is printed as "Error from server: …".
  return s.reason ? `Error from server (${s.reason}): ${message}\n` : `Error from server: ${message}\n`
}

/**
 * One object's failure, kept until kubectl has tried every object: apply and create go on after a
 * failed object and report all failures at the end (apply.go Run, cli-runtime ContinueOnErrorVisitor).
 */
export type KubectlFailure =
  /** The apiserver answered with a Status; `context` is what AddSourceToErr put in front of its message. */
  | { readonly type: 'status'; readonly body: Json; readonly context: string }
  /** A client-side error (parsing, validation, mapping), without kubectl's `error: ` prefix. */
  | { readonly type: 'client'; readonly text: string }

/**
 * What kubectl prints on stderr for its failures (cmdutil.checkErr): one failure is printed on its own
 * terms (`error: …`, `The Pod "x" is invalid: …`); several are an aggregate, printed one per line with
 * StandardErrorMessage and no `error: ` prefix for client-side errors (MultipleErrors, messageForError).
 */
export function formatFailures(failures: readonly KubectlFailure[]): string {
  if (failures.length === 0) return ''
  if (failures.length === 1) {
    const f = failures[0]!
    if (f.type === 'status') return kubectlError(f.body, f.context)
    return f.text.startsWith('error: ') ? `${f.text}\n` : `error: ${f.text}\n`
  }
  return failures
    .map((f) => {
      if (f.type === 'client') return `${f.text}\n`
      const s = f.body as StatusBody
      // An Invalid Status is only spelled out cause by cause when it is the sole error.
      if (s.reason === 'Invalid')
        return `Error from server (Invalid): ${f.context ? `${f.context}: ` : ''}${s.message ?? ''}\n`
      return kubectlError(f.body, f.context)
    })
    .join('')
}
