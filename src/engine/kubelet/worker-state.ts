/**
 * Reading and updating what the kubelet remembers about the pod between syncs (pod-state.ts), kept in
 * the world so that every step stays a pure function of it.
 * Upstream: pkg/kubelet/pod_workers.go, reason_cache.go
 */
import type { StepWriter } from '../protocol/step'
import { EMPTY_POD_WORKER, type ContainerRecord, type PodWorkerState } from './pod-state'

export function ws(w: StepWriter): PodWorkerState {
  return w.record?.worker ?? EMPTY_POD_WORKER
}

export function setWs(w: StepWriter, patch: Partial<PodWorkerState>): void {
  w.updateRecord({ worker: { ...ws(w), ...patch } })
}

export function setRecord(w: StepWriter, name: string, patch: Partial<ContainerRecord>): void {
  const s = ws(w)
  setWs(w, { containers: { ...s.containers, [name]: { ...(s.containers[name] ?? {}), ...patch } } })
}

/** Sets or clears a container's waiting reason (the kubelet's reasonCache). */
export function setWaiting(w: StepWriter, name: string, waiting: ContainerRecord['waiting']): void {
  const rec = ws(w).containers[name] ?? {}
  const { waiting: _old, ...rest } = rec
  setWs(w, {
    containers: { ...ws(w).containers, [name]: waiting ? { ...rest, waiting } : rest },
    statusDirty: ws(w).statusDirty || JSON.stringify(_old) !== JSON.stringify(waiting),
  })
}
