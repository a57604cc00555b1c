/**
 * The keys a presenter uses, the same as a presentation clicker sends:
 * → / ← one step, Shift+→ / Shift+← the next / previous step that shows
 * something, PageDown / PageUp the next chapter / back to this chapter's start,
 * Space play or pause, Home the start, End the ending, P presenter mode. In
 * presenter mode a clicker's PageDown / → both mean "next" (play this chapter
 * to its end) and PageUp / ← "previous"; Esc leaves. With a lesson open they
 * move from stop to stop instead. Nothing fires while the
 * user types in the editor or a form field, and Space is left to a focused
 * button (it presses it, as everywhere).
 */
import { useEffect } from 'react'
import { useAppStoreApi } from '../../store/context'
import { enterFullscreen } from '../classroom/fullscreen'

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return !!target.closest('.monaco-editor, input, textarea, select, [contenteditable="true"]')
}

function isButton(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !!target.closest('button, a[href], summary')
}

export function useKeyboardShortcuts(): void {
  const store = useAppStoreApi()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.altKey || e.ctrlKey || e.metaKey) return
      const s = store.getState()
      // In a lesson, PageDown / PageUp (and a presenter's → / ←) move from stop to stop.
      if (s.lesson && !e.shiftKey) {
        const next = e.key === 'PageDown' || (s.presenter && e.key === 'ArrowRight')
        const previous = e.key === 'PageUp' || (s.presenter && e.key === 'ArrowLeft')
        if (next || previous) {
          if (next) s.nextStop()
          else s.previousStop()
          e.preventDefault()
          return
        }
      }
      if (s.presenter && !e.shiftKey) {
        if (e.key === 'PageDown' || e.key === 'ArrowRight') {
          s.presenterNext()
          e.preventDefault()
          return
        }
        if (e.key === 'PageUp' || e.key === 'ArrowLeft') {
          s.presenterPrevious()
          e.preventDefault()
          return
        }
      }
      switch (e.key) {
        case 'p':
        case 'P':
          if (!s.presenter) enterFullscreen()
          s.setPresenter(!s.presenter)
          break
        case 'Escape':
          if (!s.presenter) return
          s.setPresenter(false)
          break
        case 'ArrowRight':
          if (e.shiftKey) s.stepMatters(1)
          else s.step(1)
          break
        case 'ArrowLeft':
          if (e.shiftKey) s.stepMatters(-1)
          else s.step(-1)
          break
        case 'PageDown':
          s.seekChapter(1)
          break
        case 'PageUp':
          s.seekChapter(-1)
          break
        case 'Home':
          s.reset()
          break
        case 'End':
          s.seekEnd()
          break
        case ' ':
          if (isButton(e.target)) return
          s.togglePlay()
          break
        default:
          return
      }
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store])
}
