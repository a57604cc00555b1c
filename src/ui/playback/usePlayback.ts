/**
 * The one animation loop: while playing, it moves the cursor one event at a
 * time, holding each event long enough to read. Nothing else in the app runs timers.
 */
import { useEffect } from 'react'
import { useAppStoreApi } from '../../store/context'

/** Real milliseconds each event stays on screen at 1×. */
export const DWELL_MS = 1100

export function usePlayback(): void {
  const store = useAppStoreApi()
  useEffect(() => {
    let raf = 0
    let last = performance.now()
    let carried = 0
    const tick = (now: number) => {
      const s = store.getState()
      if (s.playing) {
        carried += (now - last) * s.speed
        if (carried >= DWELL_MS) {
          carried = 0
          const lastIndex = s.timeline.events.length - 1
          if (s.cursor.index >= lastIndex) s.pause()
          else s.seekIndex(s.cursor.index + 1)
        }
      } else {
        carried = 0
      }
      last = now
      raf = requestAnimationFrame(tick)
    }
    raf = requestAnimationFrame(tick)
    return () => cancelAnimationFrame(raf)
  }, [store])
}
