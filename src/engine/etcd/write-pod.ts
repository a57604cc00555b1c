/**
 * Storing a Pod, as every apiserver write path does: a new etcd revision,
 * which becomes the object's resourceVersion, and the `etcd.put` step the
 * learner sees. Create, binding, status and update all go through here.
 */
import type { StepWriter } from '../protocol/step'
import type { StageId } from '../protocol/stages'
import type { Pod } from '../model/objects'
import { controllerRefOf } from '../model/owner-references'
import { etcdStore, podKey } from './store'
import { keyOfPod, putPodRecord } from '../protocol/pods'
import type { World } from '../protocol/world'

export interface PodWrite {
  readonly what: 'create' | 'binding' | 'status' | 'update'
  readonly stage: StageId
  readonly summary: (key: string, revision: number) => string
  readonly narration: (key: string, revision: number) => string
}

/**
 * Writes `pod` under /registry/pods/<ns>/<name> and returns it as stored (etcd is where the pod lives;
 * protocol/pods.ts podOf reads it). The first write also creates the pod's record in `world.pods`, keyed
 * by namespace/name, which is the one place a pod becomes known to every component (the hook for
 * kube-controller-manager's pods): a manifest pod gets the document the step is about, a
 * pod created at run time (a controller's POST with generateName, named by the apiserver) gets none,
 * and either then flows through the scheduler and the kubelet, whose messages carry its key.
 */
export function writePod(w: StepWriter, pod: Pod, write: PodWrite): Pod {
  const ns = pod.metadata.namespace ?? 'default'
  const name = pod.metadata.name ?? ''
  const key = podKey(ns, name)
  const { etcd, stored } = etcdStore(w.world.etcd, key, `Pod ${ns}/${name} (protobuf)`, pod)
  const recordKey = keyOfPod(stored)
  let world: World = { ...w.world, etcd }
  if (!w.world.pods[recordKey]) {
    if (w.about.pod !== undefined && w.about.pod !== recordKey)
      throw new Error(`a step about ${w.about.pod} creates another pod, ${recordKey}`)
    // From here on the step, and every message it sends, is about the new pod.
    w.about = { ...w.about, pod: recordKey }
    world = putPodRecord(world, recordKey, w.about.doc !== undefined ? { doc: w.about.doc } : {})
  }
  w.emit(
    {
      kind: 'etcd.put',
      component: 'etcd',
      from: 'kube-apiserver',
      to: 'etcd',
      stage: write.stage,
      summary: write.summary(key, etcd.revision),
      narration: write.narration(key, etcd.revision),
      payload: {
        key,
        revision: etcd.revision,
        createRevision: etcd.keys[key]!.createRevision,
        what: write.what,
      },
    },
    world,
  )
  notifyOwner(w, stored, write.what === 'create' ? 'ADDED' : 'MODIFIED')
  return stored
}

/**
 * The replicaset controller watches pods (its informer's AddFunc/UpdateFunc/DeleteFunc): a write to a
 * pod a ReplicaSet controls reaches kube-controller-manager. Other pods concern no controller Podlife runs.
 */
export function notifyOwner(w: StepWriter, pod: Pod, event: 'ADDED' | 'MODIFIED' | 'DELETED'): void {
  const owner = controllerRefOf(pod)
  if (owner?.kind !== 'ReplicaSet') return
  w.send(1, {
    to: 'kube-controller-manager',
    type: 'watch',
    event,
    kind: 'Pod',
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name ?? '',
    controller: { kind: 'ReplicaSet', name: owner.name },
  })
}
