/**
 * How a component reacts to one delivered message: a pure function from the
 * world and the message to the new world, the events that happened, and the
 * messages it sends on. `StepWriter` is a small local builder for that result;
 * it never escapes the step.
 */
import type { EventDraft } from '../protocol/events'
import type { World } from '../protocol/world'
import type { Message } from '../protocol/messages'

export interface Delivery {
  /** Virtual milliseconds after the current instant. */
  readonly delay: number
  readonly message: Message
  /**
   * Which of the manifest's pods the message is about (protocol/slots.ts). Absent: the same pod as the
   * message being handled. kubectl sets it when it sends the request for another document.
   */
  readonly slot?: number
}

export interface Emitted {
  readonly event: EventDraft
  /** The world right after this event. */
  readonly world: World
}

export interface Step {
  readonly world: World
  readonly emitted: readonly Emitted[]
  readonly deliveries: readonly Delivery[]
}

export class StepWriter {
  private readonly emitted: Emitted[] = []
  private readonly deliveries: Delivery[] = []
  constructor(public world: World) {}

  /** Records an event; `world` (if given) becomes the current world first. */
  emit(event: EventDraft, world?: World): this {
    if (world) this.world = world
    this.emitted.push({ event, world: this.world })
    return this
  }

  update(world: World): this {
    this.world = world
    return this
  }

  send(delay: number, message: Message, slot?: number): this {
    if (!(delay >= 0)) throw new Error(`negative or NaN delay ${delay} for ${message.type}`)
    this.deliveries.push(slot === undefined ? { delay, message } : { delay, message, slot })
    return this
  }

  done(): Step {
    return { world: this.world, emitted: this.emitted, deliveries: this.deliveries }
  }
}
