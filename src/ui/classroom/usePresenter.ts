/**
 * Keeps presenter mode and fullscreen together: Esc makes the browser leave fullscreen (it never
 * reaches the page), so leaving fullscreen leaves presenter mode; leaving presenter mode by its
 * button leaves fullscreen.
 */
import { useEffect } from 'react'
import { useAppStore, useAppStoreApi } from '../../store/context'
import { leaveFullscreen } from './fullscreen'

export function usePresenter(): void {
  const store = useAppStoreApi()
  const presenter = useAppStore((s) => s.presenter)
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement && store.getState().presenter) store.getState().setPresenter(false)
    }
    document.addEventListener('fullscreenchange', onChange)
    return () => document.removeEventListener('fullscreenchange', onChange)
  }, [store])
  useEffect(() => {
    if (!presenter) leaveFullscreen()
  }, [presenter])
}
