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
  if (s.code === 401) {
    return `error: You must be logged in to the server (${context}: Unauthorized)\n`
  }
  return `Error from server (${s.reason ?? 'InternalError'}): ${context}: ${s.message ?? ''}\n`
}
