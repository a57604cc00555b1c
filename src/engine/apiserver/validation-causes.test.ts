/**
 * The typed causes the apiserver.validation event carries for the editor are the 422's
 * `details.causes`: apimachinery pkg/api/errors/errors.go (NewInvalid) makes one StatusCause per
 * field.Error, Type as the reason, ErrorBody() as the message and Field as the field.
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { makeContainer, makePod, manifestOf } from '../testing/builders'

describe('validation causes: the event and the 422 agree', () => {
  it('gives each field error its path, reason and body, as the Status details list them', () => {
    const pod = makePod({ restartPolicy: 'Sometimes', containers: [makeContainer({ name: 'app' })] })
    const t = simulate({ manifest: manifestOf(pod) }, { seed: 1 })
    const validation = t.events.find((e) => e.kind === 'apiserver.validation')
    const invalid = t.events.find((e) => e.kind === 'http.response' && e.payload.code === 422)
    if (validation?.kind !== 'apiserver.validation' || invalid?.kind !== 'http.response')
      throw new Error('the pod must be refused by validation')
    expect(validation.payload.causes).toEqual([
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' },
      {
        reason: 'FieldValueNotSupported',
        message: 'Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
        field: 'spec.restartPolicy',
      },
    ])
    const body = invalid.payload.body as { details?: { causes?: unknown } }
    expect(body.details?.causes).toEqual(validation.payload.causes)
  })

  it('carries no causes when the pod is valid', () => {
    const pod = makePod({ containers: [makeContainer({ name: 'app', image: 'nginx' })] })
    const t = simulate({ manifest: manifestOf(pod) }, { seed: 1 })
    const validation = t.events.find((e) => e.kind === 'apiserver.validation')
    expect(validation?.kind === 'apiserver.validation' && validation.payload.causes).toEqual([])
  })
})
