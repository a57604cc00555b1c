/** The state of one component at the cursor: pick it on the graph or from this list. */
import { useMemo } from 'react'
import { COMPONENT_IDS, COMPONENT_LABELS, type ComponentId } from '../../engine/index'
import { useAppStore } from '../../store/context'
import { inspectorSections, type Section } from './sections'
import { TableSection } from './TableSection'
import { NodeViewSection } from './NodeViewSection'
import { ContainerLanesSection } from './ContainerLanesSection'

function ReasonsView({ section }: { section: Extract<Section, { kind: 'reasons' }> }) {
  const highlightFields = useAppStore((s) => s.highlightFields)
  return (
    <section className="inspector-section">
      <h3>{section.title}</h3>
      <ul className="reasons">
        {section.reasons.map((r) => (
          <li key={r.reason}>
            <span className="reason-count">{r.count}</span> <code>{r.reason}</code>{' '}
            {r.fields.length > 0 && (
              <button
                type="button"
                onClick={() => highlightFields(r.fields)}
                aria-label={`Show the manifest field behind: ${r.reason}`}
              >
                show in manifest
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

function SectionView({ section }: { section: Section }) {
  switch (section.kind) {
    case 'reasons':
      return <ReasonsView section={section} />
    case 'text':
      return (
        <section className="inspector-section">
          <h3>{section.title}</h3>
          <pre tabIndex={0}>{section.text}</pre>
        </section>
      )
    case 'json':
      return (
        <section className="inspector-section">
          <h3>{section.title}</h3>
          <pre tabIndex={0}>{JSON.stringify(section.value, null, 2)}</pre>
        </section>
      )
    case 'table':
      return <TableSection title={section.title} columns={section.columns} rows={section.rows} />
    case 'node-view':
      return <NodeViewSection title={section.title} view={section.view} />
    case 'container-lanes':
      return <ContainerLanesSection title={section.title} />
    default:
      return section satisfies never
  }
}

export default function Inspector() {
  const timeline = useAppStore((s) => s.timeline)
  const index = useAppStore((s) => s.cursor.index)
  const selected = useAppStore((s) => s.selected)
  const select = useAppStore((s) => s.select)
  const wide = useAppStore((s) => s.inspectorWide)
  const toggleWide = useAppStore((s) => s.toggleInspectorWide)
  const current = index >= 0 ? timeline.events[index]?.component : undefined
  const shown: ComponentId = selected ?? current ?? 'kubectl'
  const sections = useMemo(() => inspectorSections(timeline, index, shown), [timeline, index, shown])
  return (
    <aside className="inspector" id="pane-inspector" aria-label="Inspector">
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
      <div
        className="inspector-body"
        data-testid="inspector"
        tabIndex={0}
        role="region"
        aria-label="Component state"
      >
        <div className="inspector-head">
          <h2>{COMPONENT_LABELS[shown]}</h2>
          <button type="button" className="widen" aria-pressed={wide} onClick={toggleWide}>
            {wide ? 'Narrow the inspector' : 'Widen the inspector'}
          </button>
        </div>
        {sections.length === 0 ? (
          <p className="muted">Nothing has happened here yet.</p>
        ) : (
          sections.map((s, i) => <SectionView key={`${s.title}-${i}`} section={s} />)
        )}
      </div>
    </aside>
  )
}
