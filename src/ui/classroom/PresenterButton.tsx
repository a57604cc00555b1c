/** Enters presenter mode (P): fullscreen, graph and narration scaled for a projector. */
import { useAppStore } from '../../store/context'
import { enterFullscreen } from './fullscreen'

export function PresenterButton() {
  const presenter = useAppStore((s) => s.presenter)
  const setPresenter = useAppStore((s) => s.setPresenter)
  if (presenter) return null
  return (
    <button
      type="button"
      className="presenter-button"
      title="Presenter mode (P): fullscreen, for a projector; Esc leaves"
      onClick={() => {
        enterFullscreen()
        setPresenter(true)
      }}
    >
      Present
    </button>
  )
}
