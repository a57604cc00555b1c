import { describe, expect, it } from 'vitest'
import { parseArgs } from './args'

describe('parseArgs', () => {
  it('takes the manifest alone with the contract defaults', () => {
    expect(parseArgs(['pod.yaml'])).toEqual({
      ok: true,
      args: {
        manifest: 'pod.yaml',
        cluster: null,
        kubeconfig: null,
        context: null,
        command: null,
        seed: 1,
        until: 600,
        coldCache: false,
        output: null,
      },
    })
  })

  it('reads every option, separated or with =', () => {
    const r = parseArgs([
      '--cluster',
      'c.yaml',
      '--kubeconfig=k.yaml',
      '--context',
      'dev',
      '--command',
      'kubectl create -f p.yaml -n team',
      '--seed=7',
      '--until',
      '2.5',
      '--cold-cache',
      '--output=wide',
      'p.yaml',
    ])
    expect(r).toEqual({
      ok: true,
      args: {
        manifest: 'p.yaml',
        cluster: 'c.yaml',
        kubeconfig: 'k.yaml',
        context: 'dev',
        command: 'kubectl create -f p.yaml -n team',
        seed: 7,
        until: 2.5,
        coldCache: true,
        output: 'wide',
      },
    })
  })

  it('allows fractions of a second and a leading dot for --until', () => {
    expect(parseArgs(['p.yaml', '--until', '0.005'])).toMatchObject({ ok: true, args: { until: 0.005 } })
    expect(parseArgs(['p.yaml', '--until', '.5'])).toMatchObject({ ok: true, args: { until: 0.5 } })
    expect(parseArgs(['p.yaml', '--until', '0'])).toMatchObject({ ok: true, args: { until: 0 } })
  })

  it.each(['describe', 'get', 'wide', 'yaml'])('takes --output %s', (view) => {
    expect(parseArgs(['p.yaml', '--output', view])).toMatchObject({ ok: true, args: { output: view } })
  })

  it('treats everything after -- as the manifest', () => {
    expect(parseArgs(['--', '--odd-name.yaml'])).toMatchObject({
      ok: true,
      args: { manifest: '--odd-name.yaml' },
    })
  })

  it.each([
    [[], 'missing the manifest file'],
    [['a.yaml', 'b.yaml'], 'unexpected argument b.yaml'],
    [['p.yaml', '--verbose'], 'unknown option --verbose'],
    [['p.yaml', '-v'], 'unknown option -v'],
    [['p.yaml', '--cluster'], '--cluster needs a value'],
    [['p.yaml', '--context='], '--context needs a value'],
    [['p.yaml', '--seed', 'abc'], '--seed must be an integer from 0 to 4294967295, got "abc"'],
    [['p.yaml', '--seed', '-1'], '--seed must be an integer from 0 to 4294967295, got "-1"'],
    [['p.yaml', '--seed', '1.5'], '--seed must be an integer from 0 to 4294967295, got "1.5"'],
    [['p.yaml', '--seed', '4294967296'], '--seed must be an integer from 0 to 4294967295, got "4294967296"'],
    [['p.yaml', '--until', '-1'], '--until must be a non-negative number of seconds, got "-1"'],
    [['p.yaml', '--until', '1e3'], '--until must be a non-negative number of seconds, got "1e3"'],
    [['p.yaml', '--until', 'soon'], '--until must be a non-negative number of seconds, got "soon"'],
    [['p.yaml', '--cold-cache=yes'], '--cold-cache takes no value'],
    [['p.yaml', '--output', 'json'], '--output must be one of describe, get, wide, yaml, got "json"'],
    [['p.yaml', '--output='], '--output must be one of describe, get, wide, yaml, got ""'],
    [['p.yaml', '--output'], '--output needs a value'],
  ])('rejects %j: %s', (argv, error) => {
    expect(parseArgs(argv)).toEqual({ ok: false, error })
  })
})
