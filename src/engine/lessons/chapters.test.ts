import { describe, expect, it } from 'vitest'
import { STAGES } from '../protocol/stages'
import { CHAPTER_INTROS } from './chapters'

const sentences = (text: string): number => text.trim().split(/(?<=[.!?])\s+/).length

describe('CHAPTER_INTROS', () => {
  it('introduces every stage, and only the stages', () => {
    expect(Object.keys(CHAPTER_INTROS).sort()).toEqual(STAGES.map((s) => s.id).sort())
  })

  it.each(STAGES.map((s) => [s.id]))('%s: short, with an upstream source', (id) => {
    const intro = CHAPTER_INTROS[id]
    expect(sentences(intro.what) + sentences(intro.why)).toBeLessThanOrEqual(3)
    // owner/repo path: kubernetes/kubernetes pkg/…, containerd/containerd internal/…
    expect(intro.source).toMatch(/^[\w.-]+\/[\w.-]+ \S+\/\S+/)
    if (intro.thenVsNow) {
      expect(intro.thenVsNow.then).not.toBe(intro.thenVsNow.now)
      expect(sentences(intro.thenVsNow.now)).toBeLessThanOrEqual(2)
    }
  })

  it('corrects the myths the seed article and old tutorials repeat', () => {
    // kubernetes/kubernetes pkg/kubelet/config/apiserver.go (NewSourceApiserver): a ListWatch with the
    // field selector spec.nodeName, not polling.
    expect(CHAPTER_INTROS.kubelet.thenVsNow?.now).toMatch(/watches/)
    // dockershim removed in v1.24 (kubernetes.io, Dockershim removal FAQ).
    expect(CHAPTER_INTROS.containers.thenVsNow?.now).toMatch(/v1\.24/)
    // Initializers removed in v1.14 (kubernetes/kubernetes#72972).
    expect(CHAPTER_INTROS.admission.thenVsNow?.now).toMatch(/v1\.14/)
    // The runtime, not the kubelet, runs CNI (containerd internal/cri/server/sandbox_run.go).
    expect(CHAPTER_INTROS.sandbox.thenVsNow?.now).toMatch(/runtime runs the CNI plugins/)
  })
})
