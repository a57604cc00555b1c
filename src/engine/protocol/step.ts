/**
 * The kernel's step (sim/step-writer.ts) for this engine's world, messages and events: what every
 * component's step function returns, and the builder it writes that result with.
 *
 * The engine's writer also knows what the delivered message is about (`about`, protocol/pods.ts): the
 * pod whose record the step reads and writes (`pod`, `record`, `updateRecord`). Messages it sends are
 * about the same pod unless `send` names another.
 */
import type {
  Delivery as KernelDelivery,
  Emitted as KernelEmitted,
  Step as KernelStep,
} from '../sim/step-writer'
import { StepWriter as KernelStepWriter } from '../sim/step-writer'
import type { EventDraft } from './events'
import type { Message } from './messages'
import type { World } from './world'
import type { Pod } from '../model/objects'
import { podOf, putPodRecord, type About, type PodKey, type PodRecord } from './pods'

export type Delivery = KernelDelivery<Message, About>
export type Emitted = KernelEmitted<World, EventDraft>
export type Step = KernelStep<World, Message, EventDraft, About>

/** What a component may change in its pod's record (the pod itself is etcd's, written by etcd/write-pod.ts). */
export type RecordPatch = Partial<Omit<PodRecord, 'doc'>>

export class StepWriter extends KernelStepWriter<World, Message, EventDraft, About> {
  constructor(
    world: World,
    /** What the delivered message is about; write-pod.ts adds the key when the step creates the pod. */
    public about: About,
  ) {
    super(world)
  }

  override send(delay: number, message: Message, about: About = this.about): this {
    return super.send(delay, message, about)
  }

  /** The key of the pod this step is about, if it exists. */
  get podKey(): PodKey | undefined {
    return this.about.pod
  }

  /** The record of the pod this step is about. */
  get record(): PodRecord | undefined {
    const key = this.about.pod
    return key === undefined ? undefined : this.world.pods[key]
  }

  /** The pod this step is about as stored, or null before it is created (or when it was rejected). */
  get pod(): Pod | null {
    return podOf(this.world, this.about.pod)
  }

  /** Updates what a component remembers about this step's pod; the pod must exist. */
  updateRecord(patch: RecordPatch): this {
    const key = this.about.pod
    const record = key === undefined ? undefined : this.world.pods[key]
    if (key === undefined || !record)
      throw new Error(`no pod record for ${JSON.stringify(this.about)} (${Object.keys(patch).join(', ')})`)
    return this.update(putPodRecord(this.world, key, { ...record, ...patch }))
  }
}
