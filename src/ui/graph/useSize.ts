/** The size of an element, kept up to date by a ResizeObserver (null until first measured). */
import { useCallback, useEffect, useState } from 'react'

export function useSize<T extends HTMLElement>(): [
  (el: T | null) => void,
  { width: number; height: number } | null,
] {
  const [el, setEl] = useState<T | null>(null)
  const [size, setSize] = useState<{ width: number; height: number } | null>(null)
  const ref = useCallback((node: T | null) => setEl(node), [])
  useEffect(() => {
    if (!el) return
    const ro = new ResizeObserver(([entry]) => {
      const r = entry!.contentRect
      setSize((old) =>
        old && Math.abs(old.width - r.width) < 1 && Math.abs(old.height - r.height) < 1
          ? old
          : { width: r.width, height: r.height },
      )
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [el])
  return [ref, size]
}
