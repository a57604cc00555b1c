/**
 * A table of the inspector. Long tables (a 5,000-node scheduler table) are
 * virtualised: only the rows in view are in the DOM, so the app stays
 * responsive however large the cluster.
 */
import { useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'

const VIRTUALISE_ABOVE = 60
const ROW_ESTIMATE = 30

interface Props {
  readonly title: string
  readonly columns: readonly string[]
  readonly rows: readonly (readonly string[])[]
}

function Head({ columns }: { columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  )
}

function Row({ row }: { row: readonly string[] }) {
  return (
    <tr>
      {row.map((cell, j) => (
        <td key={j}>{cell}</td>
      ))}
    </tr>
  )
}

function VirtualRows({ columns, rows }: Pick<Props, 'columns' | 'rows'>) {
  const parent = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 12,
  })
  const items = v.getVirtualItems()
  const top = items[0]?.start ?? 0
  const bottom = v.getTotalSize() - (items[items.length - 1]?.end ?? 0)
  return (
    <div
      ref={parent}
      className="table-wrap virtual"
      tabIndex={0}
      role="region"
      aria-label={`${rows.length} rows, scroll to see more`}
    >
      <table>
        <Head columns={columns} />
        <tbody>
          {top > 0 && <tr style={{ height: top }} aria-hidden="true" />}
          {items.map((it) => (
            <Row key={it.index} row={rows[it.index]!} />
          ))}
          {bottom > 0 && <tr style={{ height: bottom }} aria-hidden="true" />}
        </tbody>
      </table>
    </div>
  )
}

export function TableSection({ title, columns, rows }: Props) {
  return (
    <section className="inspector-section">
      <h3>
        {title}
        {rows.length > VIRTUALISE_ABOVE && <span className="muted"> ({rows.length} rows)</span>}
      </h3>
      {rows.length > VIRTUALISE_ABOVE ? (
        <VirtualRows columns={columns} rows={rows} />
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={title}>
          <table>
            <Head columns={columns} />
            <tbody>
              {rows.map((r, i) => (
                <Row key={i} row={r} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
