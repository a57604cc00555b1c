/** The wires' arrowheads, one per colour, defined once for every edge to point at. */
const TONES = ['idle', 'active', 'accepted', 'rejected', 'waiting'] as const

export function ArrowMarkers() {
  return (
    <svg className="arrow-markers" aria-hidden="true" focusable="false" width="0" height="0">
      <defs>
        {TONES.map((t) => (
          <marker
            key={t}
            id={`arrow-${t}`}
            className={`arrow tone-${t}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth={t === 'idle' ? 5 : 4}
            markerHeight={t === 'idle' ? 5 : 4}
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" />
          </marker>
        ))}
      </defs>
    </svg>
  )
}
