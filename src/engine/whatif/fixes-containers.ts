/**
 * Fixes for a container that starts and then stops: killed by the OOM killer (raise its memory limit,
 * doubling until the re-run no longer kills it), a process that finishes at once under restartPolicy
 * Always (let the pod complete, or give the container something to keep doing), a postStart hook
 * that fails, a liveness probe on a path the server does not answer.
 *
 * The kubelet restarts any exited container under restartPolicy Always, whatever its exit code, with
 * a back-off (pkg/kubelet/kuberuntime/kuberuntime_manager.go, computePodActions); with OnFailure an
 * exit 0 ends it and the pod Succeeds (pkg/kubelet/kubelet_pods.go, getPhase).
 */
import type { Pod } from '../model/objects'
import { MSG_POST_START_FAILED } from '../kubelet/kubelet-messages'
import { parseQuantity, quantityValue } from '../model/quantity'
import { formatAmount } from './fixes-resources'
import { containersOf, podChange, writtenPod, type FixContext, type FixFamily } from './fix-context'
import type { Candidate } from './types'

interface Terminated {
  readonly reason?: string
  readonly exitCode?: number
}
interface StatusLike {
  readonly name: string
  readonly state?: { readonly terminated?: Terminated; readonly waiting?: { readonly reason?: string } }
  readonly lastState?: { readonly terminated?: Terminated }
}

const statusesOf = (pod: Pod) => (pod.status?.containerStatuses ?? []) as unknown as readonly StatusLike[]
const lastExit = (s: StatusLike): Terminated | undefined => s.state?.terminated ?? s.lastState?.terminated

/** How many times the limit is doubled at most (100Mi → 200Mi → 400Mi → 800Mi). */
const OOM_DOUBLINGS = 3

function oomKilled(ctx: FixContext): Candidate[] {
  const pod = ctx.pod
  const written = writtenPod(ctx)
  if (!pod || !written) return []
  return containersOf(written).flatMap(({ container, path }) => {
    const status = statusesOf(pod).find((s) => s.name === container.name)
    const exit = status ? lastExit(status) : undefined
    const limitText = container.resources?.limits?.['memory']
    const q = limitText === undefined ? null : parseQuantity(String(limitText))
    if (exit?.reason !== 'OOMKilled' || !q?.ok) return []
    const limit = quantityValue(q.quantity)
    const why = `${container.name} was OOMKilled (exit code ${exit.exitCode ?? 137}): it needs more than its memory limit of ${limitText}.`
    // The ladder: the first doubling whose run is not killed is offered.
    let chain: Candidate | undefined
    for (let k = OOM_DOUBLINGS; k >= 1; k--) {
      const raised = formatAmount('memory', limit * 2 ** k)
      const change = podChange(ctx, (e) => e.set([...path, 'resources', 'limits', 'memory'], raised))
      if (!change) return []
      chain = {
        id: `containers:oom:${container.name}:${raised}`,
        title: `Raise ${container.name}'s memory limit to ${raised}`,
        why,
        change,
        ...(chain ? { otherwise: chain } : {}),
      }
    }
    return chain ? [chain] : []
  })
}

/** Events that show the kubelet stopped the container itself, so its exit 0 is not its own doing. */
const KILLED_BY_KUBELET = new Set(['FailedPostStartHook', 'Unhealthy', 'Killing'])

function finishesAtOnce(ctx: FixContext): Candidate[] {
  const pod = ctx.pod
  const written = writtenPod(ctx)
  if (!pod || !written || (pod.spec.restartPolicy ?? 'Always') !== 'Always') return []
  if (ctx.warnings.some((w) => KILLED_BY_KUBELET.has(w.reason))) return []
  const done = statusesOf(pod).filter(
    (s) => s.state?.waiting?.reason === 'CrashLoopBackOff' && lastExit(s)?.exitCode === 0,
  )
  if (done.length === 0) return []
  const names = done.map((s) => s.name)
  const why = `${names.join(', ')} exited with code 0 (Completed) and restartPolicy Always starts it again: "${
    ctx.warnings.find((w) => w.reason === 'BackOff')?.message ?? 'CrashLoopBackOff'
  }".`
  const out: Candidate[] = []
  const once = podChange(ctx, (e) => e.set(['spec', 'restartPolicy'], 'OnFailure'))
  if (once)
    out.push({
      id: 'containers:restart-on-failure',
      title: 'Let it finish: restartPolicy OnFailure',
      why,
      change: once,
    })
  for (const { container, path } of containersOf(written)) {
    if (!names.includes(container.name) || container.command?.length || container.args?.length) continue
    const keep = podChange(ctx, (e) => e.set([...path, 'command'], ['sleep', 'infinity']))
    if (keep)
      out.push({
        id: `containers:keep-running:${container.name}`,
        title: `Give ${container.name} something to run: sleep infinity`,
        why,
        change: keep,
      })
  }
  return out
}

function failingPostStart(ctx: FixContext): Candidate[] {
  const warning = ctx.warnings.find(
    (w) => w.reason === 'FailedPostStartHook' || w.message === MSG_POST_START_FAILED,
  )
  const written = writtenPod(ctx)
  if (!warning || !written) return []
  return containersOf(written).flatMap(({ container, path }) => {
    const lifecycle = container['lifecycle'] as { postStart?: unknown } | undefined
    if (!lifecycle?.postStart) return []
    const change = podChange(ctx, (e) => e.remove([...path, 'lifecycle', 'postStart']))
    return change
      ? [
          {
            id: `containers:drop-post-start:${container.name}`,
            title: `Remove ${container.name}'s failing postStart hook`,
            why: `The kubelet recorded ${warning.reason} ("${warning.message}") and killed ${container.name}, so it restarts with a back-off.`,
            change,
          },
        ]
      : []
  })
}

const LIVENESS_FAILED = /^Liveness probe failed: HTTP probe failed with statuscode: (\d+)/

function failingLiveness(ctx: FixContext): Candidate[] {
  const warning = ctx.warnings.find((w) => w.reason === 'Unhealthy' && LIVENESS_FAILED.test(w.message))
  const written = writtenPod(ctx)
  if (!warning || !written) return []
  return containersOf(written).flatMap(({ container, path }) => {
    const probe = container['livenessProbe'] as { httpGet?: { path?: string } } | undefined
    const probed = probe?.httpGet?.path ?? '/'
    if (!probe?.httpGet || probed === '/') return []
    const change = podChange(ctx, (e) => e.set([...path, 'livenessProbe', 'httpGet', 'path'], '/'))
    return change
      ? [
          {
            id: `containers:liveness-root:${container.name}`,
            title: `Probe / instead of ${probed}`,
            why: `The kubelet kills ${container.name} because its liveness probe fails: "${warning.message}".`,
            change,
          },
        ]
      : []
  })
}

export const ContainerFixes: FixFamily = {
  name: 'Containers',
  candidates: (ctx) => [
    ...oomKilled(ctx),
    ...finishesAtOnce(ctx),
    ...failingPostStart(ctx),
    ...failingLiveness(ctx),
  ],
}
