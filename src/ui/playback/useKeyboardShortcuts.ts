/**
 * The keys a presenter uses, the same as a presentation clicker sends:
 * → / ← one step, Shift+→ / Shift+← the next / previous step that shows
 * something, PageDown / PageUp the next chapter / back to this chapter's start,
 * Space play or pause, Home the start, End the ending. Nothing fires while the
 * user types in the editor or a form field, and Space is left to a focused
 * button (it presses it, as everywhere).
 */
import { useEffect } from 'react'
import { useAppStoreApi } from '../../store/context'

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
      switch (e.key) {
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
