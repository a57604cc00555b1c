/**
 * The kernel's step (sim/step-writer.ts) for this engine's world, messages and events: what every
 * component's step function returns, and the builder it writes that result with.
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

export type Delivery = KernelDelivery<Message>
export type Emitted = KernelEmitted<World, EventDraft>
export type Step = KernelStep<World, Message, EventDraft>

export class StepWriter extends KernelStepWriter<World, Message, EventDraft> {}
