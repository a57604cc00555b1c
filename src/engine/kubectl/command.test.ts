import { describe, expect, it } from 'vitest'
import { parseCommand } from './command'
import { simulate } from '../simulate'
import { DEFAULT_MANIFEST } from '../scenario/default-scenario'

// --validate as kubectl v1.34 reads it: pkg/cmd/util/helpers.go AddValidateFlags (NoOptDefVal "strict")
// and GetValidationDirective (strconv.ParseBool, then strict|warn|ignore, case-sensitive), create.go
// Complete / apply.go ToOptions ("Unexpected args" first). kubectl v1.32 printed the same for each case.
const parse = (text: string) => {
  const r = parseCommand(text)
  if (!r.ok) throw new Error(r.error)
  return r.command
}

describe('kubectl --validate', () => {
  it.each([
    ['kubectl create -f pod.yaml', 'Strict'],
    ['kubectl create -f pod.yaml --validate', 'Strict'],
    ['kubectl create -f pod.yaml --validate=strict', 'Strict'],
    ['kubectl create -f pod.yaml --validate=true', 'Strict'],
    ['kubectl create -f pod.yaml --validate=T', 'Strict'],
    ['kubectl create -f pod.yaml --validate=1', 'Strict'],
    ['kubectl apply -f pod.yaml --validate=warn', 'Warn'],
    ['kubectl apply -f pod.yaml --validate=ignore', 'Ignore'],
    ['kubectl apply -f pod.yaml --validate=false', 'Ignore'],
    ['kubectl apply -f pod.yaml --validate=0', 'Ignore'],
    ['kubectl apply -f pod.yaml --validate=False', 'Ignore'],
  ])('%s → fieldValidation=%s', (text, want) => {
    const c = parse(text)
    expect(c.validate).toBe(want)
    expect(c.error).toBeUndefined()
  })

  it.each([
    [
      'kubectl create -f pod.yaml --validate=Strict',
      'invalid - validate option "Strict"; must be one of: strict (or true), warn, ignore (or false)',
    ],
    [
      'kubectl apply -f pod.yaml --validate=bogus',
      'invalid - validate option "bogus"; must be one of: strict (or true), warn, ignore (or false)',
    ],
    // A bare --validate takes no value: "false" is left over as an argument.
    [
      'kubectl create -f pod.yaml --validate false',
      "Unexpected args: [false]\nSee 'kubectl create -h' for help and examples",
    ],
    [
      'kubectl apply -f pod.yaml --validate false',
      "Unexpected args: [false]\nSee 'kubectl apply -h' for help and examples",
    ],
  ])('%s is refused by kubectl itself', (text, error) => {
    expect(parse(text).error).toBe(error)
  })

  it('kubectl prints the refusal, exits 1 and sends nothing', () => {
    const t = simulate(
      { manifest: DEFAULT_MANIFEST, command: 'kubectl apply -f pod.yaml --validate=bogus' },
      { seed: 1 },
    )
    expect(t.frames.at(-1)!.kubectl).toEqual({
      exitCode: 1,
      stdout: '',
      stderr:
        'error: invalid - validate option "bogus"; must be one of: strict (or true), warn, ignore (or false)\n',
    })
    expect(t.events.filter((e) => e.kind === 'http.request')).toEqual([])
  })
})
