import { storyPod } from '../engine/protocol/pods'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_START_TIME, simulate } from '../engine/simulate'
import { SCENARIOS } from '../engine/scenario/scenarios'
import { seekToTime } from '../engine/sim/cursor'
import { describePodAt, podEventOccurrences } from '../engine/describe/describe-pod'
import { recordEvents } from '../engine/describe/event-records'
import { getPodTable, getPodWideTable } from '../engine/describe/get-pod'
import { podYaml } from '../engine/describe/pod-yaml'
import { KUBECTL_VIEWS, type KubectlView } from '../engine/describe/kubectl-views'
import { run } from './run'

// `simulate --output VIEW` (docs/simulate.md, CONTRACT.md): the kubectl view at --until instead of the report.
let dir = ''
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'podlife-output-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

function scenarioArgs(s: (typeof SCENARIOS)[number]): string[] {
  const manifest = join(dir, `${s.id}.yaml`)
  writeFileSync(manifest, s.manifest)
  if (!s.cluster) return [manifest]
  const cluster = join(dir, `${s.id}.cluster.yaml`)
  writeFileSync(cluster, s.cluster)
  return [manifest, '--cluster', cluster]
}

/** What the app's view functions give for the manifest's pod at virtual ms `at`. */
function appView(s: (typeof SCENARIOS)[number], view: KubectlView, at: number): string {
  const timeline = simulate(
    {
      manifest: s.manifest,
      manifestName: `${s.id}.yaml`,
      ...(s.cluster ? { cluster: s.cluster } : {}),
    },
    { seed: 1, until: at },
  )
  const index = seekToTime(timeline, at).index
  const pod = index >= 0 ? storyPod(timeline.frames[index]!) : null
  if (!pod) return ''
  const now = DEFAULT_START_TIME + at
  switch (view) {
    case 'describe':
      return describePodAt(pod, recordEvents(podEventOccurrences(timeline, index, pod)), now)
    case 'get':
      return getPodTable(pod, now)
    case 'wide':
      return getPodWideTable(pod, now)
    case 'yaml':
      return podYaml(pod)
  }
}

describe('--output for every built-in scenario', () => {
  const cases = SCENARIOS.flatMap((s) => KUBECTL_VIEWS.map((v) => [s.id, v, s] as const))
  it.each(cases)('%s --output %s prints the app view at --until and exits 0', (_id, view, s) => {
    const r = run([...scenarioArgs(s), '--output', view, '--until', '45'])
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe(appView(s, view, 45_000))
    // A pod that is stored prints no error; one that is not gets kubectl's NotFound line.
    if (r.stdout) expect(r.stderr).toBe('')
    else expect(r.stderr).toMatch(/^Error from server \(NotFound\): pods "[^"]+" not found\n$/)
  })
})

describe('--output', () => {
  const s = SCENARIOS.find((x) => x.id === 'default')!

  it('prints kubectl get, not JSON, from the real command', () => {
    const r = spawnSync('npx', ['tsx', 'src/cli/simulate.ts', ...scenarioArgs(s), '--output', 'get'], {
      cwd: join(import.meta.dirname, '..', '..'),
      encoding: 'utf8',
    })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\nnginx   1/1     Running   0          10m\n',
    )
  }, 60_000)

  it('before the pod exists: nothing on stdout, NotFound on stderr, exit 0 as the JSON mode', () => {
    expect(run([...scenarioArgs(s), '--output', 'wide', '--until', '0'])).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nginx" not found\n',
    })
  })

  it('an unknown view is misuse: exit 2 with one line', () => {
    const r = run([...scenarioArgs(s), '--output', 'json'])
    expect(r.exitCode).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(
      /^simulate: --output must be one of describe, get, wide, yaml, got "json" \(usage: [^\n]+\)\n$/,
    )
  })
})
