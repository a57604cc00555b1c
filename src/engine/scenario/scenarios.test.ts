import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { SCENARIOS } from './scenarios'

const run = (id: string) => {
  const s = SCENARIOS.find((x) => x.id === id)!
  return {
    s,
    t: simulate({ manifest: s.manifest, ...(s.cluster ? { cluster: s.cluster } : {}) }, { seed: 1 }),
  }
}

const COUNT_WORDS = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six']

describe('scenario titles say what the run shows', () => {
  it('invalid: the title counts the validation errors the apiserver reports', () => {
    const { s, t } = run('invalid')
    const validation = t.events.find((e) => e.kind === 'apiserver.validation')
    const errors = validation?.kind === 'apiserver.validation' ? validation.payload.errors.length : -1
    expect(s.title).toBe(`${COUNT_WORDS[errors]} validation errors (422)`)
  })
})
