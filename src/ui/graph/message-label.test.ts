import { describe, expect, it } from 'vitest'
import { simulate, DEFAULT_MANIFEST, travels } from '../../engine/index'
import { messageLabel } from './message-label'

const t = simulate({ manifest: DEFAULT_MANIFEST }, { seed: 1 })
const labels = t.events.filter(travels).map(messageLabel)

describe('what a travelling message is labelled with', () => {
  it('names the request by method and resource, as an access log would', () => {
    expect(labels).toContain('POST pods')
    expect(labels).toContain('POST pods/nginx/binding')
    expect(labels).toContain('PATCH pods/nginx/status')
  })
  it('names a response by its code and reason', () => {
    expect(labels).toContain('201 Created')
    expect(labels).toContain('404 NotFound')
  })
  it('names etcd writes by revision, CRI calls by method, and kubelet events by reason', () => {
    expect(labels.some((l) => /^PUT revision \d+$/.test(l))).toBe(true)
    expect(labels).toContain('RunPodSandbox')
    expect(labels).toContain('event Pulled')
    expect(labels).toContain('pull nginx:1.27')
  })
  it('keeps every label short enough to ride a wire', () => {
    for (const l of labels) expect(l.length).toBeLessThanOrEqual(30)
  })
})
