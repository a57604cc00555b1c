import { describe, expect, it } from 'vitest'
import { SCENARIOS } from '../scenario/scenarios'
import { simulate } from '../simulate'
import type { SimEvent } from '../protocol/events'

const relists = (id: string): SimEvent[] => {
  const s = SCENARIOS.find((x) => x.id === id)!
  const t = simulate({ manifest: s.manifest, ...(s.cluster ? { cluster: s.cluster } : {}) }, { seed: 1 })
  return t.events.filter((e) => e.kind === 'kubelet.sync' && e.payload.action === 'PLEG relist')
}

describe('PLEG relist after a container start says what the relist saw', () => {
  it('nginx keeps running: PLEG sees the container running', () => {
    const [first] = relists('default')
    expect(first?.summary).toBe('PLEG relist: containers running')
    expect(first?.narration).toContain('It sees the container running')
  })

  it('busybox with no command exits at once: PLEG sees it exited, not running', () => {
    const all = relists('crashloop')
    expect(all.length).toBeGreaterThan(0)
    for (const e of all) {
      expect(e.summary).toBe('PLEG relist: app exited')
      expect(e.narration).not.toContain('running')
      expect(e.narration).toContain('container app started and already exited')
    }
  })
})
