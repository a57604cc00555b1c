/**
 * How a component reacts to one delivered message: a pure function from the
 * world and the message to the new world, the events that happened, and the
 * messages it sends on. `StepWriter` is a small local builder for that result;
 * it never escapes the step.
 *
 * This file is the kernel's: it knows nothing of what a world, a message or an event holds (W, M and
 * E). protocol/step.ts names them for the components.
 */

export interface Delivery<M> {
  /** Virtual milliseconds after the current instant. */
  readonly delay: number
  readonly message: M
  /**
   * Which of the manifest's pods the message is about (protocol/slots.ts). Absent: the same pod as the
   * message being handled. kubectl sets it when it sends the request for another document.
   */
  readonly slot?: number
}

export interface Emitted<W, E> {
  readonly event: E
  /** The world right after this event. */
  readonly world: W
}

export interface Step<W, M, E> {
  readonly world: W
  readonly emitted: readonly Emitted<W, E>[]
  readonly deliveries: readonly Delivery<M>[]
}

export class StepWriter<W, M extends { readonly type: string }, E> {
  private readonly emitted: Emitted<W, E>[] = []
  private readonly deliveries: Delivery<M>[] = []
  constructor(public world: W) {}

  /** Records an event; `world` (if given) becomes the current world first. */
  emit(event: E, world?: W): this {
    if (world) this.world = world
    this.emitted.push({ event, world: this.world })
    return this
  }

  update(world: W): this {
    this.world = world
    return this
  }

  send(delay: number, message: M, slot?: number): this {
    if (!(delay >= 0)) throw new Error(`negative or NaN delay ${delay} for ${message.type}`)
    this.deliveries.push(slot === undefined ? { delay, message } : { delay, message, slot })
    return this
  }

  done(): Step<W, M, E> {
    return { world: this.world, emitted: this.emitted, deliveries: this.deliveries }
  }
}
