import { describe, expect, it } from 'vitest'
import type { KubeEvent } from '../protocol/events'
import { recordEvents, type EventOccurrence } from './event-records'

const T0 = Date.UTC(2025, 8, 1, 9, 0, 0)
const kubelet = (reason: string, message: string, type: KubeEvent['type'] = 'Normal'): KubeEvent => ({
  type,
  reason,
  message,
  source: 'kubelet',
  host: 'worker-1',
  object: 'Pod/app',
})
const scheduler = (message: string): KubeEvent => ({
  type: 'Warning',
  reason: 'FailedScheduling',
  message,
  source: 'default-scheduler',
  object: 'Pod/app',
})
const at = (ms: number, event: KubeEvent): EventOccurrence => ({ event, at: T0 + ms })

describe('the Event objects the apiserver stores', () => {
  it('identical kubelet events become one event with a count and whole-second timestamps', () => {
    const [e, ...rest] = recordEvents([
      at(1_200, kubelet('BackOff', 'Back-off restarting failed container app')),
      at(11_700, kubelet('BackOff', 'Back-off restarting failed container app')),
      at(31_100, kubelet('BackOff', 'Back-off restarting failed container app')),
    ])
    expect(rest).toEqual([])
    expect(e).toMatchObject({
      count: 3,
      firstTimestamp: T0 + 1000,
      lastTimestamp: T0 + 31_000,
      eventTime: null,
    })
  })

  it('kubelet events with different messages stay apart', () => {
    const events = recordEvents([
      at(0, kubelet('Created', 'Created container: a')),
      at(5, kubelet('Created', 'Created container: b')),
    ])
    expect(events.map((e) => e.message)).toEqual(['Created container: a', 'Created container: b'])
  })

  it('the spam filter lets 25 events through, then one every 5 minutes carrying the skipped count', () => {
    const occurrences = Array.from({ length: 40 }, (_, i) =>
      at(
        i * 5_000,
        kubelet('Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 404', 'Warning'),
      ),
    )
    expect(recordEvents(occurrences)[0]).toMatchObject({ count: 25, lastTimestamp: T0 + 120_000 })
    const later = [
      ...occurrences,
      at(
        301_000,
        kubelet('Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 404', 'Warning'),
      ),
    ]
    expect(recordEvents(later)[0]).toMatchObject({ count: 41, lastTimestamp: T0 + 301_000 })
  })

  it('the 10th distinct message for one reason within 10 minutes is combined', () => {
    const occurrences = Array.from({ length: 10 }, (_, i) =>
      at(i, kubelet('Created', `Created container: c${i}`)),
    )
    const events = recordEvents(occurrences)
    expect(events).toHaveLength(10)
    expect(events[9]!.message).toBe('(combined from similar events): Created container: c9')
  })

  it('a repeated scheduler event gets a series of 2 and keeps its first message', () => {
    const events = recordEvents([
      at(14, scheduler('0/3 nodes are available: first')),
      at(330_000, scheduler('0/3 nodes are available: second')),
      at(600_000, scheduler('0/3 nodes are available: third')),
    ])
    expect(events).toEqual([
      {
        type: 'Warning',
        reason: 'FailedScheduling',
        message: '0/3 nodes are available: first',
        from: 'default-scheduler',
        count: 0,
        firstTimestamp: null,
        lastTimestamp: null,
        eventTime: T0 + 14,
        series: { count: 2, lastObservedTime: T0 + 330_000 },
      },
    ])
  })
})
