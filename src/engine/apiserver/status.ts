/**
 * metav1.Status bodies for failed requests, as the apiserver writes them
 * (k8s.io/apimachinery/pkg/api/errors/errors.go).
 */
import type { Json } from '../model/objects'
import type { StatusCause } from '../protocol/http'

export function failure(
  code: number,
  reason: string,
  message: string,
  details?: { name?: string; kind?: string; group?: string; causes?: Json[] },
): Json {
  const d: Record<string, Json> = {}
  if (details?.name) d['name'] = details.name
  if (details?.group) d['group'] = details.group
  if (details?.kind) d['kind'] = details.kind
  if (details?.causes) d['causes'] = details.causes
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details: d } : {}),
    code,
  }
}

export const notFound = (resource: string, name: string): Json =>
  failure(404, 'NotFound', `${resource} "${name}" not found`, { name, kind: resource })

export const alreadyExists = (resource: string, name: string): Json =>
  failure(409, 'AlreadyExists', `${resource} "${name}" already exists`, { name, kind: resource })

export const unauthorized = (): Json => failure(401, 'Unauthorized', 'Unauthorized')

/**
 * The `details.causes` of a 422: one per field error, its reason read from the error text
 * (field.ErrorType: Required value, Duplicate value, Unsupported value, Not found, else Invalid value).
 */
export function fieldCauses(errors: readonly string[]): StatusCause[] {
  return errors.map((e): StatusCause => {
    const [field = '', ...rest] = e.split(': ')
    const message = rest.join(': ')
    const reason = message.startsWith('Required value')
      ? 'FieldValueRequired'
      : message.startsWith('Duplicate value')
        ? 'FieldValueDuplicate'
        : message.startsWith('Unsupported value')
          ? 'FieldValueNotSupported'
          : message.startsWith('Not found')
            ? 'FieldValueNotFound'
            : 'FieldValueInvalid'
    return { reason, message, field }
  })
}
