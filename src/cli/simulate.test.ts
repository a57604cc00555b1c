import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_MANIFEST } from '../engine/scenario/default-scenario'

// Spawns the real command, as a user or CI would run it.
const ROOT = join(import.meta.dirname, '..', '..')
let dir = ''
/** The default scenario's manifest, written once: concurrent tests must not rewrite a file a child is reading. */
let podYaml = ''

interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

function simulateCli(...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli/simulate.ts', ...args], { cwd: ROOT })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'podlife-simulate-'))
  podYaml = file('pod.yaml', DEFAULT_MANIFEST)
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

function expectMisuse(r: CliRun, text: string) {
  expect(r.code).toBe(2)
  expect(r.stdout).toBe('')
  expect(r.stderr).toMatch(/^simulate: [^\n]+\n$/)
  expect(r.stderr).toContain(text)
}

describe.concurrent('npm run simulate', { timeout: 60_000 }, () => {
  it('prints one JSON report for the default scenario, with the pod Running', async () => {
    const r = await simulateCli(podYaml)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.kubernetesVersion).toBe('1.34')
    expect(report.command).toBe('kubectl apply -f pod.yaml')
    expect(report.kubectl).toEqual({ exitCode: 0, stdout: 'pod/nginx created\n', stderr: '' })
    expect(report.pod.status.phase).toBe('Running')
  })

  it('exits 2 with one line on stderr for a missing manifest', async () => {
    expectMisuse(await simulateCli(join(dir, 'nope.yaml')), 'cannot read manifest')
  })

  it('exits 2 with one line on stderr for an unknown option', async () => {
    expectMisuse(await simulateCli(podYaml, '--frobnicate'), 'unknown option --frobnicate')
  })

  it('exits 2 for a cluster file that is missing or does not parse', async () => {
    const manifest = podYaml
    expectMisuse(await simulateCli(manifest, '--cluster', join(dir, 'none.yaml')), 'cannot read cluster file')
    expectMisuse(
      await simulateCli(manifest, '--cluster', file('bad.json', '{"kind": ')),
      'cannot parse cluster file',
    )
  })

  it('exits 2 for a --command the simulator does not understand', async () => {
    expectMisuse(await simulateCli(podYaml, '--command', 'kubectl delete -f pod.yaml'), 'delete')
  })

  it("exits 0 with kubectl's error when the manifest is broken: a failure is a result", async () => {
    const r = await simulateCli(
      file('broken.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: [\n'),
    )
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.kubectl.exitCode).toBe(1)
    expect(report.kubectl.stderr).toMatch(/^error: error parsing broken\.yaml: /)
    expect(report.pod).toBeNull()
  })

  it('stops early with --until 0.005: the pod is not stored or not yet scheduled', async () => {
    const r = await simulateCli(podYaml, '--until', '0.005')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.pod === null || report.pod.spec.nodeName === undefined).toBe(true)
    expect(report.timeline.every((e: { t: number }) => e.t <= 0.005)).toBe(true)
  })

  it('is byte-identical for the same seed, and the seed does not change the default scenario', async () => {
    const manifest = podYaml
    const [a, b, c] = await Promise.all([
      simulateCli(manifest, '--seed', '42'),
      simulateCli(manifest, '--seed', '42'),
      simulateCli(manifest, '--seed', '7'),
    ])
    expect(a.code).toBe(0)
    expect(b.stdout).toBe(a.stdout)
    const [ra, rc] = [JSON.parse(a.stdout), JSON.parse(c.stdout)]
    expect(rc.pod.spec.nodeName).toBe(ra.pod.spec.nodeName)
    expect(rc.events.map((e: { message: string }) => e.message)).toEqual(
      ra.events.map((e: { message: string }) => e.message),
    )
    expect(rc.requests.map((q: { path: string }) => q.path)).toEqual(
      ra.requests.map((q: { path: string }) => q.path),
    )
  })

  it('loads a cluster given as a JSON List', async () => {
    const node = (name: string) => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { 'kubernetes.io/hostname': name } },
      spec: { podCIDR: '10.244.9.0/24' },
      status: {
        capacity: { cpu: '4', memory: '8Gi', pods: '110' },
        allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    })
    const cluster = file(
      'cluster.json',
      JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [node('only-node')] }),
    )
    const r = await simulateCli(podYaml, '--cluster', cluster)
    expect(r.stderr).toBe('')
    const report = JSON.parse(r.stdout)
    expect(report.scheduling[0].nodes.map((n: { name: string }) => n.name)).toEqual(['only-node'])
    expect(report.pod.spec.nodeName).toBe('only-node')
  })
})
