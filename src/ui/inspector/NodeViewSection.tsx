/** The node the pod runs on: the drawing, with the same picture in words as its caption. */
import { useId } from 'react'
import type { NodeView } from '../../engine/views'
import { NodeDiagram } from './NodeDiagram'
import { CpuDrawing } from './CpuDrawing'

export function NodeViewSection({ title, view }: { title: string; view: NodeView }) {
  const id = useId()
  return (
    <section className="inspector-section" data-testid="node-view">
      <h3 id={`${id}-title`}>{title}</h3>
      <figure className="node-view" aria-labelledby={`${id}-title`}>
        <NodeDiagram view={view} labelledBy={`${id}-title`} describedBy={`${id}-caption`} />
        {view.cpus && <CpuDrawing view={view.cpus} describedBy={`${id}-caption`} />}
        <figcaption>
          <ul className="node-caption" id={`${id}-caption`}>
            {view.caption.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </figcaption>
      </figure>
    </section>
  )
}
