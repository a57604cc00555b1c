/**
 * The rendered width of an element, in CSS pixels, kept up to date as the layout changes. The charts
 * draw in that many units, so their text stays at its CSS size however wide the inspector is.
 * Returns a callback ref, so an element that appears later is measured too.
 */
import { useLayoutEffect, useState } from 'react'

export function useWidth<T extends Element>(fallback: number): [(el: T | null) => void, number] {
  const [el, setEl] = useState<T | null>(null)
  const [width, setWidth] = useState(fallback)
  useLayoutEffect(() => {
    if (!el) return
    const observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0)
      if (w > 0) setWidth(w)
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [el])
  return [setEl, width]
}
