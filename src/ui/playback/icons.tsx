/** Playback glyphs as inline SVG, so they render the same on every machine (no font fallback boxes). */
const PATHS = {
  reset: 'M6 5h2v14H6zM20 5v14L9 12z',
  back: 'M18 5v14L7 12zM5 5h2v14H5z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
  forward: 'M6 5v14l11-7zM17 5h2v14h-2z',
  chapterBack: 'M12 5v14L3 12zM21 5v14l-9-7z',
  chapterForward: 'M3 5v14l9-7zM12 5v14l9-7z',
} as const

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  )
}
