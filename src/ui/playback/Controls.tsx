/** Play or pause, step, jump by chapter: every control a button with an accessible name and its key. */
import { useAppStore } from '../../store/context'
import { Icon } from './icons'

const SPEEDS = [0.5, 1, 2, 4, 8] as const

export function Controls() {
  const playing = useAppStore((s) => s.playing)
  const atStart = useAppStore((s) => s.cursor.index < 0)
  const atEnd = useAppStore((s) => s.cursor.index >= s.timeline.events.length - 1)
  const speed = useAppStore((s) => s.speed)
  const togglePlay = useAppStore((s) => s.togglePlay)
  const step = useAppStore((s) => s.step)
  const seekChapter = useAppStore((s) => s.seekChapter)
  const reset = useAppStore((s) => s.reset)
  const setSpeed = useAppStore((s) => s.setSpeed)
  return (
    <div className="controls" role="group" aria-label="Playback">
      <button type="button" onClick={reset} aria-label="Reset" title="Reset (Home)">
        <Icon name="reset" />
      </button>
      <button
        type="button"
        onClick={() => seekChapter(-1)}
        disabled={atStart}
        aria-label="Previous chapter"
        title="Previous chapter (Page Up)"
      >
        <Icon name="chapterBack" />
      </button>
      <button
        type="button"
        onClick={() => step(-1)}
        disabled={atStart}
        aria-label="Step back"
        title="Step back (←)"
      >
        <Icon name="back" />
      </button>
      <button
        type="button"
        className="primary"
        onClick={togglePlay}
        aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        onClick={() => step(1)}
        disabled={atEnd}
        aria-label="Step forward"
        title="Step forward (→)"
      >
        <Icon name="forward" />
      </button>
      <button
        type="button"
        onClick={() => seekChapter(1)}
        disabled={atEnd}
        aria-label="Next chapter"
        title="Next chapter (Page Down)"
      >
        <Icon name="chapterForward" />
      </button>
      <label className="speed">
        <span>Speed</span>
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label="Playback speed">
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
