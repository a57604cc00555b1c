/**
 * Prints one line per run: a digest of the timeline and of the headless report, so a refactoring
 * (moving files, renaming modules) can be proven not to change what the engine produces.
 *
 *   npx tsx scripts/timeline-digest.ts > /tmp/digest-before.txt
 *   … move things …
 *   npx tsx scripts/timeline-digest.ts | diff /tmp/digest-before.txt -
 *
 * Runs: every built-in scenario (src/engine/scenario/scenarios.ts) with seeds 1, 2 and 3, simulated as
 * src/engine/story/scenario-run.ts does, and the default scenario run as each identity of
 * src/engine/scenario/identities.ts. Each line holds the run's id, its seed, the number of events, the
 * sha256 of JSON.stringify({ events, outcome }) (`events=`: what happened, which a change of the world's
 * shape must not touch), the sha256 of JSON.stringify({ events, frames, outcome }) (`timeline=`: also
 * every frame, so it changes when the world's shape does) and the sha256 of the contract report exactly
 * as src/cli/simulate.ts prints it (the default command `kubectl apply -f pod.yaml`, --until 600).
 */
import { createHash } from 'node:crypto'
import {
  DEFAULT_MANIFEST,
  DEFAULT_MANIFEST_NAME,
  IDENTITIES,
  simulate,
  toContractReport,
  type SimInput,
} from '../src/engine/index'
import { SCENARIOS } from '../src/engine/scenario/scenarios'

const SEEDS = [1, 2, 3] as const
const UNTIL = 600_000

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

function digest(id: string, seed: number, input: SimInput): string {
  const timeline = simulate(input, { seed })
  const { events, frames, outcome } = timeline
  const eventsDigest = sha256(JSON.stringify({ events, outcome }))
  const timelineDigest = sha256(JSON.stringify({ events, frames, outcome }))
  const report = toContractReport(timeline, {
    command: `kubectl apply -f ${DEFAULT_MANIFEST_NAME}`,
    until: UNTIL,
  })
  const reportDigest = sha256(`${JSON.stringify(report, null, 2)}\n`)
  return `${id} seed=${seed} count=${events.length} events=${eventsDigest} timeline=${timelineDigest} report=${reportDigest}`
}

const lines: string[] = []
for (const s of SCENARIOS)
  for (const seed of SEEDS)
    lines.push(digest(s.id, seed, { manifest: s.manifest, ...(s.cluster ? { cluster: s.cluster } : {}) }))
for (const identity of IDENTITIES)
  for (const seed of SEEDS)
    lines.push(
      digest(`default-as-${identity.id}`, seed, {
        manifest: DEFAULT_MANIFEST,
        kubeconfig: identity.kubeconfig,
      }),
    )
process.stdout.write(`${lines.join('\n')}\n`)
