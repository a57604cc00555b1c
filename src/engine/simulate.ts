/**
 * simulate(input, { seed }) plays a manifest through the whole cluster and
 * returns the immutable timeline: every event in (at, seq) order and the world
 * after each. The same input and seed always give a deep-equal timeline.
 */
import { checkClusterObjects, parseClusterText } from './model/cluster-file'
import type { KubeObject } from './model/objects'
import { loadCluster, withObjects } from './model/cluster'
import { parseCommand } from './kubectl/command'
import { DEFAULT_CLUSTER, DEFAULT_KUBECONFIG, DEFAULT_MANIFEST_NAME } from './scenario/default-scenario'
import { EventQueue } from './sim/queue'
import type { Message } from './protocol/messages'
import type { SimEvent } from './protocol/events'
import type { World } from './protocol/world'
import type { Timeline } from './protocol/timeline'
import type { SimContext } from './protocol/context'
import { initialWorld } from './initial-world'
import { dispatch } from './handlers'
import { resolveAbout, type About } from './protocol/pods'
import { clusterChanges } from './node-registration/node-registration'
import { runOutcome } from './report/outcome'
import { createdObjects } from './etcd/objects'

export interface SimInput {
  /** The manifest text as the user typed it. */
  readonly manifest: string
  /** The manifest's file name, used in kubectl's messages. */
  readonly manifestName?: string
  /** Cluster objects, or their YAML/JSON text; the built-in 3-node cluster when absent. */
  readonly cluster?: readonly KubeObject[] | string
  readonly kubeconfig?: string
  /** The kubeconfig's file name, for kubectl's messages (default: kubectl's ~/.kube/config). */
  readonly kubeconfigName?: string
  readonly context?: string
  /** The kubectl command line; `kubectl apply -f <manifestName>` when absent. */
  readonly command?: string
  /** Wall-clock instant of Enter (epoch ms), used only for printed timestamps. */
  readonly startTime?: number
  /** kubectl's discovery cache is empty (--cold-cache): it sends the aggregated discovery requests first. */
  readonly coldCache?: boolean
}

export { parseClusterText }
export type { ClusterParse } from './model/cluster-file'

export interface SimOptions {
  readonly seed: number
  /** Virtual milliseconds to simulate after Enter (default 600 000). */
  readonly until?: number
}

export const DEFAULT_START_TIME = Date.UTC(2025, 8, 1, 9, 0, 0)
/** The event budget: a run that would go past it stops there, with `stopped` saying so. */
export const MAX_EVENTS = 50_000
export const EVENT_BUDGET_MESSAGE = `Podlife stopped the simulation after ${MAX_EVENTS} events (its event budget); the world is shown as it was then`

/**
 * Never throws for the user's input: a cluster of the wrong shape comes back as an `InvalidInput`
 * outcome with where the problem is, and a run past the event budget stops with `stopped` set.
 */
export function simulate(input: SimInput, options: SimOptions): Timeline {
  const until = options.until ?? 600_000
  const manifestName = input.manifestName ?? DEFAULT_MANIFEST_NAME
  const checked =
    typeof input.cluster === 'string'
      ? parseClusterText(input.cluster)
      : input.cluster
        ? checkClusterObjects(input.cluster)
        : ({ ok: true, objects: defaultClusterObjects() } as const)
  if (!checked.ok) return invalidInput(options.seed, until, checked.error)
  const cluster = loadCluster(checked.objects)
  const commandText = input.command ?? `kubectl apply -f ${manifestName}`
  const parsedCommand = parseCommand(commandText)
  if (!parsedCommand.ok) throw new Error(parsedCommand.error)
  const base = {
    cluster,
    startTime: input.startTime ?? DEFAULT_START_TIME,
    input: {
      manifest: input.manifest,
      kubeconfig: input.kubeconfig ?? DEFAULT_KUBECONFIG,
      ...(input.kubeconfigName ? { kubeconfigName: input.kubeconfigName } : {}),
      command: parsedCommand.command,
      coldCache: input.coldCache === true,
      ...(input.context ? { context: input.context } : {}),
    },
  }
  const initial = initialWorld(cluster, options.seed)
  let world: World = initial
  // Each queued message remembers what it is about: its pod, or the manifest document (protocol/pods.ts).
  const queue = new EventQueue<{ readonly message: Message; readonly about: About }>()
  queue.push(0, { message: { to: 'kubectl', type: 'start' }, about: {} })
  clusterChanges(cluster).forEach((c, index) =>
    queue.push(c.at, { message: { to: 'cluster', type: 'change', index }, about: {} }),
  )
  const events: SimEvent[] = []
  const frames: World[] = []
  let stopped: string | undefined
  for (let item = queue.pop(); item; item = queue.pop()) {
    if (item.at > until) break
    const about = resolveAbout(world, item.item.about)
    const ctx: SimContext = {
      ...base,
      cluster: withObjects(cluster, createdObjects(world.etcd)),
      at: item.at,
      about,
    }
    const step = dispatch(world, item.item.message, ctx)
    // Events about another document than the first carry its index (SimEvent.slot).
    const where = about.doc ? { slot: about.doc } : {}
    for (const e of step.emitted) {
      events.push({ ...e.event, seq: events.length, at: item.at, ...where } as SimEvent)
      frames.push(e.world)
    }
    world = step.world
    if (step.emitted.length > 0 && frames[frames.length - 1] !== world) {
      // A step may update the world after its last event; that state belongs to the last frame.
      frames[frames.length - 1] = world
    }
    for (const d of step.deliveries)
      queue.push(item.at + d.delay, { message: d.message, about: d.about ?? about })
    if (events.length > MAX_EVENTS) {
      stopped = EVENT_BUDGET_MESSAGE
      break
    }
  }
  return {
    seed: options.seed,
    events,
    frames,
    initial,
    outcome: runOutcome(events, frames, world),
    until,
    cluster,
    ...(stopped ? { stopped } : {}),
  }
}

/** Nothing simulated: the input could not be loaded. The world is the built-in cluster's, untouched. */
function invalidInput(seed: number, until: number, message: string): Timeline {
  const cluster = loadCluster(EMPTY_CLUSTER)
  const initial = initialWorld(cluster, seed)
  return { seed, events: [], frames: [], initial, outcome: { kind: 'InvalidInput', message }, until, cluster }
}
const EMPTY_CLUSTER: readonly KubeObject[] = []

let cachedDefault: KubeObject[] | null = null
function defaultClusterObjects(): KubeObject[] {
  if (!cachedDefault) {
    const r = parseClusterText(DEFAULT_CLUSTER)
    if (!r.ok) throw new Error(`built-in cluster does not parse: ${r.error}`)
    cachedDefault = r.objects
  }
  return cachedDefault
}
