/**
 * Presenter mode asks for fullscreen (the Fullscreen API needs a user gesture: a click or a key
 * press calls this directly). Where fullscreen is refused (an iframe, a headless browser), presenter
 * mode still works in the window. Leaving fullscreen with Esc leaves presenter mode (see usePresenter).
 */
export function enterFullscreen(): void {
  const el = document.documentElement
  if (document.fullscreenElement || !el.requestFullscreen) return
  el.requestFullscreen().catch(() => {})
}

export function leaveFullscreen(): void {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {})
}
