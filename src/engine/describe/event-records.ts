/**
 * The Event objects the apiserver holds for a pod, built from the occurrences
 * the components recorded. Our timeline has one KubeEvent per occurrence; a
 * real cluster stores fewer objects, because the recorders fold repeats on the
 * client side before anything is sent:
 *
 * - The kubelet records core/v1 Events through client-go tools/record
 *   (events_cache.go EventCorrelator):
 *   1. aggregator: the 10th distinct message for the same source, object, type
 *      and reason within 10 minutes becomes one event whose message starts
 *      with "(combined from similar events): ";
 *   2. logger: an identical event (same source, object, type, reason, message)
 *      increments `count` and moves `lastTimestamp`, keeping `firstTimestamp`;
 *   3. spam filter: per source, object and type, a token bucket of 25 that
 *      refills one token every 5 minutes; a filtered occurrence still counts
 *      in the logger's cache, so the next one that passes carries the jump.
 *   Timestamps are metav1.Time, so they keep whole seconds only.
 * - The scheduler records events.k8s.io/v1 Events through client-go
 *   tools/events (event_broadcaster.go recordToSink): the second isomorphic
 *   occurrence (same reason, action, controller and object) adds
 *   `series: {count: 2, lastObservedTime}`; later ones only update the local
 *   cache, which is written back every 30 minutes, beyond a simulation. The
 *   message stays the first one's. These events have eventTime (microseconds)
 *   but no firstTimestamp/lastTimestamp.
 */
import type { KubeEvent } from '../protocol/events'

/** One occurrence of an event, at an instant in epoch ms. */
export interface EventOccurrence {
  readonly event: KubeEvent
  readonly at: number
}

/** An Event object as `kubectl describe` reads it through the core/v1 API. */
export interface EventRecord {
  readonly type: KubeEvent['type']
  readonly reason: string
  readonly message: string
  /** source.component, or reportingController when the source is empty (events.k8s.io/v1). */
  readonly from: string
  readonly count: number
  /** core/v1 timestamps, epoch ms in whole seconds; null when unset (events.k8s.io/v1). */
  readonly firstTimestamp: number | null
  readonly lastTimestamp: number | null
  /** events.k8s.io/v1 eventTime; null for core/v1 events. */
  readonly eventTime: number | null
  readonly series: { readonly count: number; readonly lastObservedTime: number } | null
}

const SPAM_BURST = 25
const SPAM_REFILL_MS = 300_000
const AGGREGATE_MAX_EVENTS = 10
const AGGREGATE_INTERVAL_MS = 600_000
const COMBINED_PREFIX = '(combined from similar events): '

const wholeSeconds = (ms: number): number => Math.floor(ms / 1000) * 1000

interface Stored {
  record: EventRecord
  /** The event's name encodes its first occurrence, so the list comes back in that order. */
  readonly order: number
}

/**
 * The Event objects stored for these occurrences (oldest first, in the order
 * the apiserver lists them: by name, that is by first occurrence).
 */
export function recordEvents(occurrences: readonly EventOccurrence[]): EventRecord[] {
  const stored = new Map<string, Stored>()
  const aggregates = new Map<string, { messages: Set<string>; last: number }>()
  const observed = new Map<string, { count: number; first: number; order: number }>()
  const buckets = new Map<string, { tokens: number; last: number }>()
  let order = 0

  for (const { event, at } of occurrences) {
    order++
    const object = `${event.object}\u0000${event.source}\u0000${event.host ?? ''}`
    if (event.source === 'default-scheduler') {
      const key = `scheduler\u0000${object}\u0000${event.reason}`
      const existing = stored.get(key)
      if (!existing) {
        stored.set(key, {
          order,
          record: {
            type: event.type,
            reason: event.reason,
            message: event.message,
            from: event.source,
            count: 0,
            firstTimestamp: null,
            lastTimestamp: null,
            eventTime: at,
            series: null,
          },
        })
      } else if (!existing.record.series) {
        existing.record = { ...existing.record, series: { count: 2, lastObservedTime: at } }
      }
      continue
    }

    // 1. Aggregate similar events (same reason, different messages).
    const aggregateKey = `${object}\u0000${event.type}\u0000${event.reason}`
    const previous = aggregates.get(aggregateKey)
    const aggregate =
      previous && at - previous.last <= AGGREGATE_INTERVAL_MS
        ? previous
        : { messages: new Set<string>(), last: at }
    aggregate.messages.add(event.message)
    aggregate.last = at
    aggregates.set(aggregateKey, aggregate)
    const combined = aggregate.messages.size >= AGGREGATE_MAX_EVENTS
    if (combined) aggregate.messages.delete(aggregate.messages.values().next().value!)
    const message = combined ? COMBINED_PREFIX + event.message : event.message
    const key = combined ? aggregateKey : `${aggregateKey}\u0000${event.message}`

    // 2. Count identical events.
    const seen = observed.get(key)
    const observation = seen
      ? { count: seen.count + 1, first: seen.first, order: seen.order }
      : { count: 1, first: at, order }
    observed.set(key, observation)

    // 3. Spam filter per source, object and type.
    const spamKey = `${object}\u0000${event.type}`
    const bucket = buckets.get(spamKey) ?? { tokens: SPAM_BURST, last: at }
    const tokens = Math.min(SPAM_BURST, bucket.tokens + (at - bucket.last) / SPAM_REFILL_MS)
    if (tokens < 1) {
      buckets.set(spamKey, bucket)
      continue
    }
    buckets.set(spamKey, { tokens: tokens - 1, last: at })

    const record: EventRecord = {
      type: event.type,
      reason: event.reason,
      message,
      from: event.source,
      count: observation.count,
      firstTimestamp: wholeSeconds(observation.first),
      lastTimestamp: wholeSeconds(at),
      eventTime: null,
      series: null,
    }
    const existing = stored.get(key)
    if (existing) existing.record = record
    else stored.set(key, { record, order: observation.order })
  }
  return [...stored.values()].sort((a, b) => a.order - b.order).map((s) => s.record)
}
