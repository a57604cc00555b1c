/**
 * The four kubectl views of the manifest's pods at one instant, as the
 * headless command prints them (`simulate --output describe|get|wide|yaml`)
 * and built from the same functions the app's inspector shows:
 * - describe: `kubectl describe pod a b`, each pod's text in turn, separated by
 *   a blank line (kubernetes/kubectl pkg/cmd/describe/describe.go Run prints
 *   the first text, then `"\n\n%s"` for each further one);
 * - get / wide: `kubectl get pod a b [-o wide]`, one table with one header
 *   (the rows of one resource type share the printer and its tabwriter);
 * - yaml: `kubectl get pod a -o yaml` prints the pod itself, and for several
 *   names a `kind: List` with `metadata.resourceVersion: ""` holding the pods
 *   found (pkg/cmd/get/get.go printGeneric wraps the infos in a corev1.List
 *   unless a single item was implied, and prints it as an unstructured List;
 *   kubectl 1.32 against a mock apiserver prints the same).
 * A pod the manifest names that is not stored at that instant gets kubectl's
 * NotFound line on stderr, as kubectl reports each missing name and prints
 * the others.
 */
import { allPods } from '../protocol/pods'
import type { Timeline } from '../protocol/timeline'
import type { Pod } from '../model/objects'
import { seekToTime } from '../sim/cursor'
import { DEFAULT_START_TIME } from '../simulate'
import { describePodAt, podEventOccurrences } from './describe-pod'
import { recordEvents } from './event-records'
import { getPodsTable } from './get-pod'
import { podYaml, toKubectlYaml } from './pod-yaml'
import { asObj, asStr } from './prefix-writer'
import { worldAt } from './stored-pod'

export const KUBECTL_VIEWS = ['describe', 'get', 'wide', 'yaml'] as const
export type KubectlView = (typeof KUBECTL_VIEWS)[number]

export function isKubectlView(text: string): text is KubectlView {
  return (KUBECTL_VIEWS as readonly string[]).includes(text)
}

/** What kubectl writes: the view on stdout, its NotFound errors on stderr. */
export interface KubectlViewText {
  readonly stdout: string
  readonly stderr: string
}

export interface KubectlViewOptions {
  /** Wall-clock instant of Enter (epoch ms) the timeline was simulated with; DEFAULT_START_TIME when absent. */
  readonly startTime?: number
}

/**
 * What the view prints when kubectl runs `at` virtual ms after Enter: the world after the last event
 * at or before `at`, with ages and event times measured at `at` itself (kubectl reads the clock when it
 * runs, not when the pod last changed).
 */
export function kubectlViewAt(
  timeline: Timeline,
  view: KubectlView,
  at: number,
  options: KubectlViewOptions = {},
): KubectlViewText {
  const startTime = options.startTime ?? DEFAULT_START_TIME
  const index = seekToTime(timeline, at).index
  const world = worldAt(timeline, index)
  const pods = allPods(world)
  const now = startTime + at
  const names = manifestPodNames(world)
  const stderr = notFoundLines(names, pods, world.kubectlMemory?.namespace ?? 'default')
  // kubectl prints a lone object only when one name was asked for (printGeneric's singleItemImplied):
  // `kubectl get pod a missing -o yaml` still prints a List, of the one pod found.
  const several = Math.max(names.length, pods.length) > 1
  return { stdout: renderView(timeline, index, view, pods, several, now, startTime), stderr }
}

function renderView(
  timeline: Timeline,
  index: number,
  view: KubectlView,
  pods: readonly Pod[],
  several: boolean,
  now: number,
  startTime: number,
): string {
  switch (view) {
    case 'describe':
      return pods
        .map((pod) =>
          describePodAt(pod, recordEvents(podEventOccurrences(timeline, index, pod, startTime)), now),
        )
        .join('\n\n')
    case 'get':
      return getPodsTable(pods, now)
    case 'wide':
      return getPodsTable(pods, now, true)
    case 'yaml':
      if (pods.length === 0) return ''
      if (!several) return podYaml(pods[0]!)
      return toKubectlYaml({ apiVersion: 'v1', items: pods, kind: 'List', metadata: { resourceVersion: '' } })
    default:
      return view satisfies never
  }
}

/** The names of the manifest's Pod documents kubectl read (generateName pods have none yet). */
function manifestPodNames(world: ReturnType<typeof worldAt>): string[] {
  const names: string[] = []
  for (const item of world.kubectlMemory?.items ?? []) {
    if (item.type !== 'object' || item.object['kind'] !== 'Pod') continue
    const name = asStr(asObj(item.object['metadata'])?.['name'])
    if (name) names.push(name)
  }
  return names
}

/**
 * kubectl's error for each requested name that is not stored (the apiserver's 404 Status, printed by
 * cmdutil.CheckErr as `Error from server (NotFound): …`); with nothing requested and nothing stored,
 * kubectl's empty-list notice.
 */
function notFoundLines(names: readonly string[], pods: readonly Pod[], namespace: string): string {
  if (names.length === 0 && pods.length === 0) return `No resources found in ${namespace} namespace.\n`
  const stored = new Set(pods.map((p) => p.metadata.name ?? ''))
  return names
    .filter((n) => !stored.has(n))
    .map((n) => `Error from server (NotFound): pods "${n}" not found\n`)
    .join('')
}
