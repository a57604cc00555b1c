/**
 * "Simulating…" while the engine's worker works on the latest edit for longer than a moment (a large
 * cluster, a hostile input): the graph still shows the last run, and this says so. Quick runs (most
 * edits take a few ms) never flash it.
 */
import { useEffect, useState } from 'react'
import { useAppStore } from '../../store/context'

const SHOW_AFTER_MS = 300

export function SimulatingNote() {
  const simulating = useAppStore((s) => s.simulating && s.clusterLoading === null)
  // Which run of "simulating" has lasted long enough (a counter, so a new run starts hidden).
  const [run, setRun] = useState(0)
  const [shownFor, setShownFor] = useState(-1)
  useEffect(() => {
    if (!simulating) return
    const t = setTimeout(() => setShownFor(run), SHOW_AFTER_MS)
    return () => {
      clearTimeout(t)
      setRun((r) => r + 1)
    }
  }, [simulating, run])
  if (!simulating || shownFor !== run) return null
  return (
    <div className="banner tone-waiting" aria-live="polite" data-testid="simulating">
      Simulating your latest edit… the graph shows the last run until it is done.
    </div>
  )
}
