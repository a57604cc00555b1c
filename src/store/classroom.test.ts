import { describe, expect, it } from 'vitest'
import { DEFAULT_CLUSTER, DEFAULT_MANIFEST, POD_STAGES } from '../engine/index'
import { createAppStore } from './create-app-store'
import { decodeShare, encodeShare, sharedStateOf } from './share-link'
import { storyOf } from './story'

const store = () => createAppStore(DEFAULT_MANIFEST, { debounceMs: 0 })
const stageAt = (s: ReturnType<typeof store>) =>
  s.getState().timeline.events[s.getState().cursor.index]?.stage
/** Ticks playback until it stops (as usePlayback would, without the clock). */
function playOut(s: ReturnType<typeof store>, max = 500) {
  for (let i = 0; i < max && s.getState().playing; i++) s.getState().advance()
}

describe('presenter mode', () => {
  it('PageDown plays each chapter to its last step and pauses there, through all ten chapters', () => {
    const s = store()
    s.getState().setPresenter(true)
    const seen: string[] = []
    for (let i = 0; i < 40 && s.getState().cursor.index < s.getState().timeline.events.length - 1; i++) {
      s.getState().presenterNext()
      expect(s.getState().playing).toBe(true)
      playOut(s)
      const story = storyOf(s.getState().timeline)
      const k = story.stepOf(s.getState().cursor.index)
      // Paused on the chapter's last step: the next step starts another chapter (or there is none).
      expect(story.steps[k + 1]?.stage).not.toBe(story.steps[k]!.stage)
      seen.push(stageAt(s)!)
    }
    // Chapters interleave where the cluster works concurrently (kubectl prints "created" while the
    // scheduler is already at work), so a chapter can come back; each first appears in order.
    expect([...new Set(seen)]).toEqual(POD_STAGES.map((x) => x.id))
    expect(s.getState().cursor.index).toBe(s.getState().timeline.events.length - 1)
  })

  it('a second PageDown while the chapter plays jumps to its end at once', () => {
    const s = store()
    s.getState().setPresenter(true)
    s.getState().presenterNext()
    const target = s.getState().playTo
    s.getState().presenterNext()
    expect(s.getState()).toMatchObject({ playing: false, cursor: { index: target } })
  })

  it('PageUp goes back to the end of the previous chapter, then to the start', () => {
    const s = store()
    s.getState().setPresenter(true)
    s.getState().presenterNext()
    s.getState().presenterNext()
    s.getState().presenterNext()
    s.getState().presenterNext()
    expect(stageAt(s)).toBe('authn')
    s.getState().presenterPrevious()
    expect(stageAt(s)).toBe('kubectl')
    s.getState().presenterPrevious()
    expect(s.getState().cursor.index).toBe(-1)
  })

  it('without auto-pause, next and previous are one story step', () => {
    const s = store()
    s.getState().setPresenter(true)
    s.getState().setAutoPause(false)
    s.getState().presenterNext()
    const story = storyOf(s.getState().timeline)
    expect(s.getState().cursor.index).toBe(story.steps[0]!.last)
    s.getState().presenterPrevious()
    expect(s.getState().cursor.index).toBe(-1)
  })

  it('plain Play outside presenter mode does not stop at chapter boundaries', () => {
    const s = store()
    s.getState().play()
    playOut(s)
    expect(s.getState().cursor.index).toBe(s.getState().timeline.events.length - 1)
  })
})

describe('opening a share link', () => {
  it('reproduces the step, the component, the identity and the verb, and the user can undo it', () => {
    const sender = store()
    sender.getState().setRunAs({ identity: 'jane', verb: 'create' })
    sender.getState().resimulate()
    sender.getState().seekIndex(6)
    sender.getState().select('kube-apiserver')
    const link = encodeShare(sharedStateOf(sender.getState(), DEFAULT_CLUSTER))

    const mine =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: mine\nspec:\n  containers:\n  - name: a\n    image: busybox\n'
    const receiver = createAppStore(mine, { debounceMs: 0 })
    const decoded = decodeShare(link)
    expect(decoded?.ok).toBe(true)
    if (!decoded?.ok) return
    receiver.getState().openShared(decoded.state)
    const a = sender.getState()
    const b = receiver.getState()
    expect(b.cursor.index).toBe(6)
    expect(b.timeline.events[6]!.narration).toBe(a.timeline.events[6]!.narration)
    expect(b.timeline.events.length).toBe(a.timeline.events.length)
    expect(b.selected).toBe('kube-apiserver')
    expect(b.runAs).toEqual({ identity: 'jane', verb: 'create', namespace: '' })
    // jane has no RBAC binding: the shared run ends in Forbidden, as the sender's did.
    expect(b.timeline.outcome).toEqual(a.timeline.outcome)
    // The receiver's own manifest is one Undo away.
    receiver.getState().undoLoad()
    expect(receiver.getState().manifest).toBe(mine)
  })

  it('says so when the sender’s cluster was left out', () => {
    const s = store()
    const decoded = decodeShare(
      encodeShare({
        ...sharedStateOf(s.getState(), DEFAULT_CLUSTER),
        clusterOmitted: 45_000_000,
      }),
    )
    if (!decoded?.ok) throw new Error('link did not decode')
    s.getState().openShared(decoded.state)
    expect(s.getState().notice?.text).toMatch(/cluster \(45\.0 MB\) was too large for a link/)
    expect(s.getState().cluster).toBe(DEFAULT_CLUSTER)
  })
})
