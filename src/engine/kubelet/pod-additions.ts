/**
 * SyncLoop ADD: the kubelet gets a pod bound to its node from its watch, admits it (or rejects it:
 * a Warning event and status Failed), hands it to a pod worker and reports a first status, then
 * waits for the volumes before the sandbox.
 * Upstream: pkg/kubelet/kubelet.go (HandlePodAdditions, canAdmitPod, rejectPod)
 */
import type { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import { keyOfPod } from '../protocol/pods'
import { listPods } from '../etcd/objects'
import type { Pod, PodStatus } from '../model/objects'
import { EMPTY_POD_WORKER } from './pod-state'
import {
  MSG_FAILED_TO_RETRIEVE_PULL_SECRET,
  pullSecretsFor,
  REASON_FAILED_TO_RETRIEVE_PULL_SECRET,
} from './pull-secrets'
import { kubeletAdmit } from './admission'
import { MSG_POD_REJECTED } from './kubelet-messages'
import { setWs } from './worker-state'
import { recordEvent } from './event-recorder'
import { sendStatus, statusPatch } from './status-manager'
import { mountThenSandbox } from './volume-manager'
import { policyFor, cpuStateOf } from './cpu-manager/node-state'
import { cpuAdmissionWords } from './cpu-manager/cpu-words'
import { REASON_UNEXPECTED_ADMISSION } from './cpu-manager/cpu-manager'
import { ERROR_SMT_ALIGNMENT } from './cpu-manager/policy-static'

/** Reasons of the allocate-resources admit handler's refusals (cpu-manager/). */
const CPU_MANAGER_REASONS: ReadonlySet<string> = new Set([REASON_UNEXPECTED_ADMISSION, ERROR_SMT_ALIGNMENT])

/** rejectPod (kubelet.go): a Warning event with the reason, then status Failed with "Pod was rejected: …". */
function reject(w: StepWriter, node: string, pod: Pod, reason: string, message: string): void {
  w.emit({
    kind: 'kubelet.sync',
    component: 'kubelet',
    stage: 'kubelet',
    summary: `SyncLoop ADD pods/${pod.metadata.name ?? ''}: rejected (${reason})`,
    narration: CPU_MANAGER_REASONS.has(reason)
      ? `The kubelet on ${node} asks its CPU manager (static policy) for the exclusive CPUs the pod's containers need before running anything, and refuses the pod: ${message}. The scheduler counts CPU requests, not whole free CPUs, so even a pod it placed can be refused here.`
      : `The kubelet on ${node} checks the pod against what is left on its node before running anything, and refuses it: ${message}. Pods placed with spec.nodeName skip the scheduler, so this is where they fail.`,
    payload: { node, action: 'reject' },
  })
  recordEvent(
    w,
    node,
    pod,
    'Warning',
    reason,
    message,
    `The kubelet records ${reason}. The pod will not run on ${node}; it ends Failed.`,
    'kubelet',
  )
  const status: PodStatus = {
    phase: 'Failed',
    reason,
    message: MSG_POD_REJECTED(message),
    qosClass: pod.status?.qosClass,
  }
  const request = statusPatch(w, node, pod, status)
  w.emit({
    kind: 'http.request',
    component: 'kubelet',
    from: 'kubelet',
    to: 'kube-apiserver',
    stage: 'status',
    summary: `PATCH ${request.path} (phase Failed, ${reason})`,
    narration: `The status manager writes the rejection: phase Failed, reason ${reason}, message "${MSG_POD_REJECTED(message)}".`,
    payload: request,
  })
  w.send(1.5, { to: 'kube-apiserver', type: 'request', request })
}

export function admit(w: StepWriter, ctx: SimContext, node: string, pod: Pod): void {
  const nodeObject = ctx.cluster.nodes.find((n) => n.metadata.name === node)
  const policy = nodeObject ? policyFor(ctx.cluster, node) : null
  const cpuBefore = policy ? cpuStateOf(w.world, ctx.cluster, node) : null
  if (nodeObject) {
    // The node's active pods as the kubelet's pod informer lists them (spec.nodeName = this node): every
    // stored pod bound here but this one, not finished; a deleted one (a preemption victim) is gone.
    const onNode = listPods(w.world.etcd, { nodeName: node }).filter(
      (p) => keyOfPod(p) !== w.podKey && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
    )
    const verdict = kubeletAdmit(
      pod,
      nodeObject,
      onNode,
      policy && cpuBefore && policy.name === 'static' ? { policy, state: cpuBefore } : undefined,
    )
    if (!verdict.ok) {
      reject(w, node, pod, verdict.reason, verdict.message)
      return
    }
    const runtime = w.world.nodes[node]
    if (verdict.cpuState && runtime)
      w.update({
        ...w.world,
        nodes: { ...w.world.nodes, [node]: { ...runtime, cpuManager: verdict.cpuState } },
      })
  }
  const cpuWords = policy ? cpuAdmissionWords(policy, cpuStateOf(w.world, ctx.cluster, node), pod) : ''
  w.emit({
    kind: 'kubelet.sync',
    component: 'kubelet',
    stage: 'kubelet',
    summary: `SyncLoop ADD pods/${pod.metadata.name ?? ''}: admitted`,
    narration: `The kubelet on ${node} gets the pod from its watch (SyncLoop ADD). It admits it (the pod's requests fit what is left on this node), hands it to a pod worker, and reports a first status while it gets to work.${cpuWords ? ` ${cpuWords}` : ''}`,
    payload: { node, action: 'admit' },
  })
  setWs(w, { ...EMPTY_POD_WORKER, admittedAt: ctx.at, busy: true })
  sendStatus(
    w,
    ctx,
    node,
    () =>
      'The status manager reports the first status: Pending, container waiting in ContainerCreating, PodReadyToStartContainers still False.',
    'kubelet',
  )
  const secrets = pullSecretsFor(ctx.cluster, pod)
  if (secrets.missing.length)
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      REASON_FAILED_TO_RETRIEVE_PULL_SECRET,
      MSG_FAILED_TO_RETRIEVE_PULL_SECRET(secrets.missing),
      `The pod names imagePullSecrets that do not exist in its namespace (${secrets.missing.join(', ')}); the kubelet pulls without them.`,
      'kubelet',
    )
  mountThenSandbox(w, ctx, node, pod, 25)
}
