/** The state of one component at the cursor: pick it on the graph or from this list. */
import { useMemo } from 'react'
import { COMPONENT_IDS, COMPONENT_LABELS, type ComponentId } from '../../engine/index'
import { useAppStore } from '../../store/context'
import { inspectorSections, type Section } from './sections'

function SectionView({ section }: { section: Section }) {
  switch (section.kind) {
    case 'text':
      return (
        <section className="inspector-section">
          <h3>{section.title}</h3>
          <pre>{section.text}</pre>
        </section>
      )
    case 'json':
      return (
        <section className="inspector-section">
          <h3>{section.title}</h3>
          <pre>{JSON.stringify(section.value, null, 2)}</pre>
        </section>
      )
    case 'table':
      return (
        <section className="inspector-section">
          <h3>{section.title}</h3>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  {section.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {section.rows.map((r, i) => (
                  <tr key={i}>
                    {r.map((cell, j) => (
                      <td key={j}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )
    default:
      return section satisfies never
  }
}

export function Inspector() {
  const timeline = useAppStore((s) => s.timeline)
  const index = useAppStore((s) => s.cursor.index)
  const selected = useAppStore((s) => s.selected)
  const select = useAppStore((s) => s.select)
  const current = index >= 0 ? timeline.events[index]?.component : undefined
  const shown: ComponentId = selected ?? current ?? 'kubectl'
  const sections = useMemo(() => inspectorSections(timeline, index, shown), [timeline, index, shown])
  return (
    <aside className="inspector" aria-label="Inspector">
      <div className="inspector-tabs" role="group" aria-label="Inspect component">
        {COMPONENT_IDS.map((id) => (
          <button
            key={id}
            type="button"
            aria-pressed={id === shown}
            className={id === shown ? 'is-selected' : ''}
            onClick={() => select(id)}
          >
            {COMPONENT_LABELS[id]}
          </button>
        ))}
        {selected && (
          <button type="button" className="follow" onClick={() => select(null)}>
            Follow the current step
          </button>
        )}
      </div>
      <div className="inspector-body" data-testid="inspector">
        <h2>{COMPONENT_LABELS[shown]}</h2>
        {sections.length === 0 ? (
          <p className="muted">Nothing has happened here yet.</p>
        ) : (
          sections.map((s, i) => <SectionView key={`${s.title}-${i}`} section={s} />)
        )}
      </div>
    </aside>
  )
}
