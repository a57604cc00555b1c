/** Arrow keys step, Home resets — unless the user is typing in the editor or a form field. */
import { useEffect } from 'react'
import { useAppStoreApi } from '../../store/context'

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return !!target.closest('.monaco-editor, input, textarea, select, [contenteditable="true"]')
}

export function useKeyboardShortcuts(): void {
  const store = useAppStoreApi()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.altKey || e.ctrlKey || e.metaKey) return
      const s = store.getState()
      if (e.key === 'ArrowRight') s.step(1)
      else if (e.key === 'ArrowLeft') s.step(-1)
      else if (e.key === 'Home') s.reset()
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store])
}
