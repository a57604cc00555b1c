/**
 * The hostile corpus (tests/hostile/corpus.ts) through simulate() and through the headless command's
 * code path (run, with the files on disk): each ends in a located message or a normal run within 10 s,
 * nothing throws, no JavaScript message reaches the user, and Object.prototype is untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hostileCorpus } from '../../tests/hostile/corpus'
import { simulate } from '../engine/simulate'
import { run } from './run'

let dir = ''
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'podlife-hostile-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const JS_ERRORS = /TypeError|RangeError|Maximum call stack|is not a function|Cannot (read|convert)|undefined/

describe('hostile inputs', () => {
  it.each(hostileCorpus().map((h) => [h.name, h] as const))(
    '%s',
    (_name, h) => {
      const t0 = performance.now()
      const t = simulate(
        {
          manifest: h.manifest,
          ...(h.cluster ? { cluster: h.cluster } : {}),
          ...(h.kubeconfig ? { kubeconfig: h.kubeconfig } : {}),
        },
        { seed: 1, until: 60_000 },
      )
      if (t.outcome.kind === 'InvalidInput')
        expect(t.outcome.message).toMatch(/^(line \d+|JSON|Podlife|the cluster)/)
      if (t.outcome.kind === 'Rejected') expect(t.outcome.message).not.toMatch(JS_ERRORS)

      const files = ['manifest', 'cluster', 'kubeconfig'] as const
      for (const f of files) if (h[f] !== undefined) writeFileSync(join(dir, f), h[f]!)
      const r = run([
        join(dir, 'manifest'),
        ...(h.cluster ? ['--cluster', join(dir, 'cluster')] : []),
        ...(h.kubeconfig ? ['--kubeconfig', join(dir, 'kubeconfig')] : []),
        '--until',
        '60',
      ])
      expect(r.exitCode === 0 || (r.exitCode === 2 && h.cluster !== undefined)).toBe(true)
      if (r.exitCode === 2)
        expect(r.stderr).toMatch(
          /^simulate: cannot parse cluster file \S+: (line \d+|JSON|Podlife|the cluster)/,
        )
      else expect(JSON.parse(r.stdout).kubectl.stderr).not.toMatch(JS_ERRORS)
      expect(performance.now() - t0).toBeLessThan(10_000)
      expect(Object.keys(Object.prototype)).toEqual([])
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    },
    30_000,
  )
})
