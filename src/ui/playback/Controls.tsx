/** Play, pause, step and reset: every control a button with an accessible name. */
import { useAppStore } from '../../store/context'
import { Icon } from './icons'

const SPEEDS = [0.5, 1, 2, 4, 8] as const

export function Controls() {
  const playing = useAppStore((s) => s.playing)
  const atStart = useAppStore((s) => s.cursor.index < 0)
  const atEnd = useAppStore((s) => s.cursor.index >= s.timeline.events.length - 1)
  const speed = useAppStore((s) => s.speed)
  const play = useAppStore((s) => s.play)
  const pause = useAppStore((s) => s.pause)
  const step = useAppStore((s) => s.step)
  const reset = useAppStore((s) => s.reset)
  const setSpeed = useAppStore((s) => s.setSpeed)
  return (
    <div className="controls" role="group" aria-label="Playback">
      <button type="button" onClick={reset} aria-label="Reset" title="Reset (Home)">
        <Icon name="reset" />
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
        onClick={play}
        disabled={playing}
        aria-label="Play"
        title="Play"
      >
        <Icon name="play" />
      </button>
      <button type="button" onClick={pause} disabled={!playing} aria-label="Pause" title="Pause">
        <Icon name="pause" />
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
