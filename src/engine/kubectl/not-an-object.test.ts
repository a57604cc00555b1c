/**
 * A manifest document that is YAML but no mapping (`hello`, `42`, `true`, a sequence). Captured from
 * kubectl v1.32 (`kubectl create|apply -f x.yaml`, with and without --validate=false; nothing is sent
 * before these errors), and read in kubectl v0.34 / cli-runtime v0.34: kubectl/pkg/validation/schema.go
 * (paramVerifyingSchema.ValidateBytes → getObjectKind "invalid object to validate", before any request),
 * cli-runtime pkg/resource/visitor.go (StreamVisitor.Visit returns the validation error, so the stream
 * stops; ValidateSchema's wording; ContinueOnErrorVisitor collects decode errors and reads on),
 * mapper.go (infoForData "unable to decode"), apimachinery unstructured/helpers.go (the detector struct).
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { toContractReport } from '../report/contract'
import { parseManifest } from './parse'

const STOP = 'if you choose to ignore these errors, turn validation off with --validate=false'
const pod = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers: [{name: c, image: nginx}]\n`

function run(manifest: string, command: string) {
  const timeline = simulate({ manifest, manifestName: 'x.yaml', command }, { seed: 1, until: 20_000 })
  return toContractReport(timeline, { command })
}

describe('a manifest that is a YAML scalar or sequence', () => {
  it.each([
    ['a bare word', 'hello\n', 'string'],
    ['a quoted string', '"hello"\n', 'string'],
    ['an integer', '42\n', 'number'],
    ['a float', '3.5\n', 'number'],
    ['a boolean', 'true\n', 'bool'],
    ['a sequence', '- a\n- b\n', 'array'],
    ['an empty sequence', '[]\n', 'array'],
  ])('%s: refused before anything is sent, exit code 1', (_what, manifest, jsonType) => {
    for (const verb of ['create', 'apply']) {
      const strict = run(manifest, `kubectl ${verb} -f x.yaml`)
      expect(strict.kubectl).toEqual({
        exitCode: 1,
        stdout: '',
        stderr: `error: error validating "x.yaml": error validating data: invalid object to validate; ${STOP}\n`,
      })
      expect(strict.requests.filter((q) => q.from === 'kubectl')).toEqual([])
      const ignore = run(manifest, `kubectl ${verb} -f x.yaml --validate=false`)
      expect(ignore.kubectl).toEqual({
        exitCode: 1,
        stdout: '',
        stderr: `error: unable to decode "x.yaml": json: cannot unmarshal ${jsonType} into Go value of type unstructured.detector\n`,
      })
    }
  })

  it('with validation on, the stream stops at it: the pod before is created, the one after is never read', () => {
    const r = run(`${pod('a')}---\nhello\n---\n${pod('b')}`, 'kubectl create -f x.yaml')
    expect(r.kubectl.stdout).toBe('pod/a created\n')
    expect(r.kubectl.stderr).toBe(
      `error: error validating "x.yaml": error validating data: invalid object to validate; ${STOP}\n`,
    )
    expect(r.pods.map((p) => p.metadata.name)).toEqual(['a'])
  })

  it('with --validate=false the decoder refuses each one and reads on: both errors, then the pod', () => {
    const r = run(`hello\n---\n42\n---\n${pod('b')}`, 'kubectl create -f x.yaml --validate=false')
    expect(r.kubectl.exitCode).toBe(1)
    expect(r.kubectl.stdout).toBe('pod/b created\n')
    expect(r.kubectl.stderr).toBe(
      'unable to decode "x.yaml": json: cannot unmarshal string into Go value of type unstructured.detector\n' +
        'unable to decode "x.yaml": json: cannot unmarshal number into Go value of type unstructured.detector\n',
    )
  })

  it('an empty mapping is a different error: apiVersion and kind not set', () => {
    const r = run('{}\n', 'kubectl create -f x.yaml')
    expect(r.kubectl.stderr).toBe(
      `error: error validating "x.yaml": error validating data: [apiVersion not set, kind not set]; ${STOP}\n`,
    )
  })

  it('the editor marks the document where it starts', () => {
    const parsed = parseManifest(`${pod('a')}---\n  hello\n`, 'x.yaml')
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.errors[0]).toMatchObject({ line: 8, column: 3 })
    expect(parsed.documents?.map((d) => d.object['kind'])).toEqual(['Pod'])
  })
})
