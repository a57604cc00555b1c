/**
 * `kubectl get deploy`, `kubectl get rs` and `kubectl get deploy,rs,pods` (with `-o wide`) as kubectl
 * v1.34 prints them.
 *
 * Rows: the apiserver's table printer (kubernetes/kubernetes pkg/printers/internalversion/printers.go
 * printDeployment: NAME READY UP-TO-DATE AVAILABLE AGE, READY being `ready/desired`; printReplicaSet:
 * NAME DESIRED CURRENT READY AGE; both add the Priority 1 columns CONTAINERS IMAGES SELECTOR for wide,
 * the deployment's selector as `selector.String()`, the set's as FormatLabelSelector). Pods are
 * get-pod.ts's rows.
 *
 * Several resource types in one `get` (kubernetes/kubectl pkg/cmd/get/get.go Run): the server answers
 * one Table per type, so there is one info per type and `multipleGVKsRequested` is true as soon as two
 * types are asked for, even when some of them have no rows; names are then printed `kind.group/name`
 * (cli-runtime printers/tableprinter.go decorateTable: lower-cased GroupKind.String(), so
 * `deployment.apps/web`, `replicaset.apps/web-…`, `pod/web-…`). Each type starts a fresh tabwriter
 * block (Flush and SetRememberedWidths(nil)); a type with no rows prints nothing, not even its header
 * (printTable); a blank line goes before each table that prints after something was already written
 * (separatorWriterWrapper). Nothing written at all: `No resources found in <ns> namespace.` on stderr.
 */
import type { Deployment, IntOrString, ReplicaSet } from '../controllers/apps-types'
import type { Cluster } from '../model/cluster'
import type { Container, Pod } from '../model/objects'
import type { World } from '../protocol/world'
import { getPodRow, getPodWideRow, POD_COLUMNS, POD_WIDE_COLUMNS } from './get-pod'
import { createTabWriter, GET_TABWRITER } from './tabwriter'
import { parseTime, timestampSince } from './time-format'
import { desiredReplicas, workloadObjectsOf, type WorkloadObjects } from './workload-objects'
import { formatLabelSelector, labelSelectorString } from './workload-selector'

export const DEPLOYMENT_COLUMNS = ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'] as const
export const REPLICASET_COLUMNS = ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'] as const
/** The Priority 1 columns both workload printers add with `-o wide`. */
const TEMPLATE_WIDE_COLUMNS = ['CONTAINERS', 'IMAGES', 'SELECTOR'] as const

/** The resource types `kubectl get` can be asked for here, in the order they were asked. */
export type WorkloadResource = 'deployments' | 'replicasets' | 'pods'

/** Each type's GroupKind as decorateTable prints it before the name. */
const KIND_PREFIX: Readonly<Record<WorkloadResource, string>> = {
  deployments: 'deployment.apps',
  replicasets: 'replicaset.apps',
  pods: 'pod',
}

/** layoutContainerCells: names and images, comma-separated. */
function layoutContainerCells(containers: readonly Container[]): [string, string] {
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image ?? '').join(',')]
}

/** intstr.IntOrString.String(). */
export const intOrString = (v: IntOrString | undefined): string => (v === undefined ? '0' : String(v))

/** printDeployment's cells at `now` (epoch ms). */
export function getDeploymentRow(d: Deployment, now: number, wide = false): string[] {
  const status = d.status ?? {}
  const row = [
    d.metadata.name ?? '',
    `${status.readyReplicas ?? 0}/${desiredReplicas(d)}`,
    String(status.updatedReplicas ?? 0),
    String(status.availableReplicas ?? 0),
    timestampSince(parseTime(d.metadata.creationTimestamp), now),
  ]
  if (!wide) return row
  const selector = labelSelectorString(d.spec.selector)
  return [...row, ...layoutContainerCells(d.spec.template.spec.containers), selector ?? '<invalid>']
}

/** printReplicaSet's cells at `now` (epoch ms). */
export function getReplicaSetRow(rs: ReplicaSet, now: number, wide = false): string[] {
  const status = rs.status
  const row = [
    rs.metadata.name ?? '',
    String(desiredReplicas(rs)),
    String(status?.replicas ?? 0),
    String(status?.readyReplicas ?? 0),
    timestampSince(parseTime(rs.metadata.creationTimestamp), now),
  ]
  if (!wide) return row
  return [
    ...row,
    ...layoutContainerCells(rs.spec.template.spec.containers),
    formatLabelSelector(rs.spec.selector),
  ]
}

function podCells(pod: Pod, now: number, wide: boolean): string[] {
  if (!wide) {
    const r = getPodRow(pod, now)
    return [r.name, r.ready, r.status, r.restarts, r.age]
  }
  const r = getPodWideRow(pod, now)
  return [r.name, r.ready, r.status, r.restarts, r.age, r.ip, r.node, r.nominatedNode, r.readinessGates]
}

function tableOf(resource: WorkloadResource, objects: WorkloadObjects, now: number, wide: boolean) {
  switch (resource) {
    case 'deployments':
      return {
        columns: wide ? [...DEPLOYMENT_COLUMNS, ...TEMPLATE_WIDE_COLUMNS] : DEPLOYMENT_COLUMNS,
        rows: objects.deployments.map((d) => getDeploymentRow(d, now, wide)),
      }
    case 'replicasets':
      return {
        columns: wide ? [...REPLICASET_COLUMNS, ...TEMPLATE_WIDE_COLUMNS] : REPLICASET_COLUMNS,
        rows: objects.replicaSets.map((rs) => getReplicaSetRow(rs, now, wide)),
      }
    case 'pods':
      return {
        columns: wide ? POD_WIDE_COLUMNS : POD_COLUMNS,
        rows: objects.pods.map((p) => podCells(p, now, wide)),
      }
    default:
      return resource satisfies never
  }
}

export interface GetWorkloadsOptions {
  readonly wide?: boolean
  /** The namespace kubectl lists (its context's, `default` unless set). */
  readonly namespace?: string
}

/** What kubectl writes: the tables on stdout, the empty-list notice on stderr. */
export interface GetText {
  readonly stdout: string
  readonly stderr: string
}

/** `kubectl get <resources…>` over these objects at `now` (epoch ms). */
export function getWorkloadsText(
  objects: WorkloadObjects,
  resources: readonly WorkloadResource[],
  now: number,
  options: GetWorkloadsOptions = {},
): GetText {
  const wide = options.wide ?? false
  const withKind = new Set(resources).size > 1
  const printed: string[] = []
  for (const resource of resources) {
    const { columns, rows } = tableOf(resource, objects, now, wide)
    if (rows.length === 0) continue
    const w = createTabWriter(GET_TABWRITER)
    w.write(`${columns.join('\t')}\n`)
    for (const [name, ...rest] of rows)
      w.write(`${[withKind ? `${KIND_PREFIX[resource]}/${name}` : name, ...rest].join('\t')}\n`)
    w.flush()
    printed.push(w.output())
  }
  const namespace = options.namespace ?? 'default'
  return {
    stdout: printed.join('\n'),
    stderr: printed.length === 0 ? `No resources found in ${namespace} namespace.\n` : '',
  }
}

/** `kubectl get deploy,rs,pods` at a frame, run at `now` (epoch ms). */
export function getWorkloadsAt(
  world: World,
  cluster: Cluster,
  now: number,
  options: GetWorkloadsOptions = {},
): GetText {
  const namespace = options.namespace ?? world.kubectlMemory?.namespace ?? 'default'
  return getWorkloadsText(
    workloadObjectsOf(world, cluster, namespace),
    ['deployments', 'replicasets', 'pods'],
    now,
    { ...options, namespace },
  )
}
