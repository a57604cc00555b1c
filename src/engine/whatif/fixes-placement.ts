/**
 * Fixes for a pod no node would take for a reason other than room: an untolerated taint (add the
 * toleration), a nodeSelector or required node affinity no node matches (use a label a node has,
 * drop it, or label a node), a cordoned node (uncordon it), a host port in use, a required pod
 * (anti-)affinity, a hard topology spread constraint.
 *
 * Each rejecting plugin's reason is the one upstream prints (pkg/scheduler/framework/plugins/*); the
 * filter stops at a node's first failure (pkg/scheduler/framework/runtime/framework.go,
 * RunFilterPlugins), so a node may have other problems behind it; the re-run finds out.
 */
import type { Node, Pod, Taint, Toleration } from '../model/objects'
import type { NodeVerdict } from '../protocol/events'
import { toleratesTaint } from '../scheduler/plugins/taint-toleration'
import {
  editClusterObject,
  firstSentence,
  objectMatch,
  podChange,
  writtenPod,
  type FixContext,
  type FixFamily,
} from './fix-context'
import type { Candidate } from './types'

/** kubeadm's control-plane node role (cmd/kubeadm/app/constants/constants.go LabelNodeRoleControlPlane). */
const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane'
/** How many nodes one kind of fix is tried on (the re-runs are the cost). */
const NODES_PER_FIX = 2

/** The nodes `plugin` rejected, workers first: a workload belongs on a worker, the control plane is tried last. */
function rejectedBy(ctx: FixContext, plugin: string): NodeVerdict[] {
  const isControlPlane = (v: NodeVerdict) =>
    CONTROL_PLANE_LABEL in (nodeNamed(ctx, v.name)?.metadata.labels ?? {})
  return (ctx.unschedulable?.nodes ?? [])
    .filter((v) => v.filter.examined && v.filter.plugin === plugin)
    .sort((x, y) => Number(isControlPlane(x)) - Number(isControlPlane(y)))
}

const nodeNamed = (ctx: FixContext, name: string): Node | undefined =>
  ctx.timeline.cluster.nodes.find((n) => n.metadata.name === name)

/** "The scheduler found no node ("0/3 nodes are available: …"); NodeAffinity rejected worker-1 and worker-2." */
function why(ctx: FixContext, verdicts: readonly NodeVerdict[]): string {
  const names = verdicts.map((v) => v.name)
  const list =
    names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
  return `The scheduler found no node ("${firstSentence(ctx.unschedulable?.message ?? '')}"); ${verdicts[0]?.filter.plugin ?? 'a filter'} rejected ${list}.`
}

const taintText = (t: Taint) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`

/** Only NoSchedule and NoExecute taints filter (pkg/scheduler/framework/plugins/tainttoleration). */
function untolerated(pod: Pod, node: Node): Taint[] {
  const tolerations = pod.spec.tolerations ?? []
  return (node.spec.taints ?? []).filter(
    (t) =>
      (t.effect === 'NoSchedule' || t.effect === 'NoExecute') &&
      !tolerations.some((tol) => toleratesTaint(tol, t)),
  )
}

const tolerationFor = (t: Taint): Toleration =>
  t.value
    ? { key: t.key, operator: 'Equal', value: t.value, effect: t.effect }
    : { key: t.key, operator: 'Exists', effect: t.effect }

function tolerate(ctx: FixContext): Candidate[] {
  const pod = ctx.pod
  if (!pod) return []
  return rejectedBy(ctx, 'TaintToleration')
    .slice(0, NODES_PER_FIX)
    .flatMap((v) => {
      const node = nodeNamed(ctx, v.name)
      const taints = node ? untolerated(pod, node) : []
      const change = podChange(ctx, (e) =>
        taints.forEach((t) => e.append(['spec', 'tolerations'], tolerationFor(t))),
      )
      if (!change || taints.length === 0) return []
      return [
        {
          id: `placement:tolerate:${v.name}`,
          title: `Tolerate ${v.name}'s taint ${taints.map(taintText).join(', ')}`,
          why: why(ctx, [v]),
          change,
        },
      ]
    })
}

function nodeAffinity(ctx: FixContext): Candidate[] {
  const rejected = rejectedBy(ctx, 'NodeAffinity')
  const written = writtenPod(ctx)
  if (rejected.length === 0 || !written) return []
  const out: Candidate[] = []
  const because = why(ctx, rejected)
  const selector = written.spec.nodeSelector ?? {}
  const keys = Object.keys(selector)
  const shown = keys.map((k) => `${k}: ${selector[k] ?? ''}`).join(', ')
  if (keys.length > 0) {
    // A node that has every key with other values: select what it has.
    for (const v of rejected) {
      const labels = nodeNamed(ctx, v.name)?.metadata.labels ?? {}
      if (!keys.every((k) => k in labels)) continue
      const change = podChange(ctx, (e) => keys.forEach((k) => e.set(['spec', 'nodeSelector', k], labels[k])))
      if (change)
        out.push({
          id: `placement:select:${v.name}`,
          title: `Select ${keys.map((k) => `${k}: ${labels[k] ?? ''}`).join(', ')}, which ${v.name} has`,
          why: because,
          change,
        })
      break
    }
    const drop = podChange(ctx, (e) => e.remove(['spec', 'nodeSelector']))
    if (drop)
      out.push({
        id: 'placement:drop-node-selector',
        title: `Remove the nodeSelector ${shown}`,
        why: because,
        change: drop,
      })
    const target = rejected[0]!.name
    const label = editClusterObject(ctx, objectMatch('Node', target), (e) =>
      keys.forEach((k) => e.set(['metadata', 'labels', k], selector[k] ?? '')),
    )
    if (label)
      out.push({
        id: `placement:label-node:${target}`,
        title: `Label ${target} ${keys.map((k) => `${k}=${selector[k] ?? ''}`).join(', ')}`,
        why: because,
        change: label,
      })
  }
  if (written.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution) {
    const drop = podChange(ctx, (e) =>
      e.remove(['spec', 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution']),
    )
    if (drop)
      out.push({
        id: 'placement:drop-required-node-affinity',
        title: 'Remove the required node affinity',
        why: because,
        change: drop,
      })
  }
  return out
}

function uncordon(ctx: FixContext): Candidate[] {
  return rejectedBy(ctx, 'NodeUnschedulable')
    .slice(0, NODES_PER_FIX)
    .flatMap((v) => {
      // kubectl uncordon clears spec.unschedulable (kubectl/pkg/drain/cordon.go).
      const change = editClusterObject(ctx, objectMatch('Node', v.name), (e) =>
        e.remove(['spec', 'unschedulable']),
      )
      return change
        ? [{ id: `placement:uncordon:${v.name}`, title: `Uncordon ${v.name}`, why: why(ctx, [v]), change }]
        : []
    })
}

function hostPorts(ctx: FixContext): Candidate[] {
  const rejected = rejectedBy(ctx, 'NodePorts')
  const written = writtenPod(ctx)
  if (rejected.length === 0 || !written) return []
  const ports: number[] = []
  const change = podChange(ctx, (e) =>
    written.spec.containers.forEach((c, i) =>
      (c.ports ?? []).forEach((p, j) => {
        if (p.hostPort === undefined) return
        ports.push(p.hostPort)
        e.remove(['spec', 'containers', i, 'ports', j, 'hostPort'])
      }),
    ),
  )
  if (!change) return []
  return [
    {
      id: 'placement:drop-host-port',
      title: `Remove hostPort ${[...new Set(ports)].join(', ')}`,
      why: why(ctx, rejected),
      change,
    },
  ]
}

function podAffinity(ctx: FixContext): Candidate[] {
  const rejected = rejectedBy(ctx, 'InterPodAffinity')
  const written = writtenPod(ctx)
  if (rejected.length === 0 || !written) return []
  const because = why(ctx, rejected)
  const affinity = (written.spec.affinity ?? {}) as Record<
    string,
    { requiredDuringSchedulingIgnoredDuringExecution?: unknown }
  >
  return (['podAffinity', 'podAntiAffinity'] as const).flatMap((kind) => {
    if (!affinity[kind]?.requiredDuringSchedulingIgnoredDuringExecution) return []
    const change = podChange(ctx, (e) =>
      e.remove(['spec', 'affinity', kind, 'requiredDuringSchedulingIgnoredDuringExecution']),
    )
    const what = kind === 'podAffinity' ? 'pod affinity' : 'pod anti-affinity'
    return change
      ? [
          {
            id: `placement:drop-required-${kind}`,
            title: `Remove the required ${what}`,
            why: because,
            change,
          },
        ]
      : []
  })
}

function topologySpread(ctx: FixContext): Candidate[] {
  const rejected = rejectedBy(ctx, 'PodTopologySpread')
  const written = writtenPod(ctx)
  if (rejected.length === 0 || !written) return []
  const constraints =
    (written.spec['topologySpreadConstraints'] as readonly { whenUnsatisfiable?: string }[] | undefined) ?? []
  const change = podChange(ctx, (e) =>
    constraints.forEach((c, i) => {
      if (c.whenUnsatisfiable === 'DoNotSchedule')
        e.set(['spec', 'topologySpreadConstraints', i, 'whenUnsatisfiable'], 'ScheduleAnyway')
    }),
  )
  if (!change) return []
  return [
    {
      id: 'placement:spread-schedule-anyway',
      title: 'Let the spread constraint bend (whenUnsatisfiable: ScheduleAnyway)',
      why: why(ctx, rejected),
      change,
    },
  ]
}

export const PlacementFixes: FixFamily = {
  name: 'Placement',
  candidates: (ctx) =>
    ctx.unschedulable
      ? [
          ...nodeAffinity(ctx),
          ...tolerate(ctx),
          ...uncordon(ctx),
          ...hostPorts(ctx),
          ...podAffinity(ctx),
          ...topologySpread(ctx),
        ]
      : [],
}
