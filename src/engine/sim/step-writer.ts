/**
 * How a component reacts to one delivered message: a pure function from the
 * world and the message to the new world, the events that happened, and the
 * messages it sends on. `StepWriter` is a small local builder for that result;
 * it never escapes the step.
 *
 * This file is the kernel's: it knows nothing of what a world, a message or an event holds (W, M and
 * E). protocol/step.ts names them for the components.
 */

export interface Delivery<M, A = never> {
  /** Virtual milliseconds after the current instant. */
  readonly delay: number
  readonly message: M
  /**
   * What the message is about, for the runner to hand to the receiving step (the engine: which pod,
   * protocol/pods.ts). Absent: the same as the message being handled.
   */
  readonly about?: A
}

export interface Emitted<W, E> {
  readonly event: E
  /** The world right after this event. */
  readonly world: W
}

export interface Step<W, M, E, A = never> {
  readonly world: W
  readonly emitted: readonly Emitted<W, E>[]
  readonly deliveries: readonly Delivery<M, A>[]
}

export class StepWriter<W, M extends { readonly type: string }, E, A = never> {
  private readonly emitted: Emitted<W, E>[] = []
  private readonly deliveries: Delivery<M, A>[] = []
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

  send(delay: number, message: M, about?: A): this {
    if (!(delay >= 0)) throw new Error(`negative or NaN delay ${delay} for ${message.type}`)
    this.deliveries.push(about === undefined ? { delay, message } : { delay, message, about })
    return this
  }

  done(): Step<W, M, E, A> {
    return { world: this.world, emitted: this.emitted, deliveries: this.deliveries }
  }
}
