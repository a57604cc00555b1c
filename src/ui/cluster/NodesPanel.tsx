/**
 * The cluster's nodes at a glance, with the edits a learner most wants: cordon, resize, add, remove.
 * The table is virtualised (only the rows in view are in the DOM), so a 5,000-node cluster lists as
 * fast as a 3-node one.
 */
import { memo, useRef, useState } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useAppStore } from '../../store/context'
import { addNode, removeNode, setAllocatable, setCordoned, type NodeRow } from './cluster-edit'

const ROW_ESTIMATE = 31

type Edit = (change: (text: string) => string) => void

const NodeRowView = memo(function NodeRowView({ row: r, edit }: { row: NodeRow; edit: Edit }) {
  // The box shows the click at once; a large file takes a few seconds to be rewritten and reloaded,
  // and the row is then replaced (its key names the values it shows).
  const [cordoned, setCordonedNow] = useState(r.cordoned)
  return (
    <tr>
      <td>
        {r.name}
        {r.taints.length > 0 && <div className="taints">{r.taints.join(', ')}</div>}
      </td>
      <td>
        <input
          aria-label={`Allocatable CPU of ${r.name}`}
          defaultValue={r.cpu}
          onBlur={(e) =>
            e.target.value !== r.cpu && edit((t) => setAllocatable(t, r.name, 'cpu', e.target.value.trim()))
          }
        />
      </td>
      <td>
        <input
          aria-label={`Allocatable memory of ${r.name}`}
          defaultValue={r.memory}
          onBlur={(e) =>
            e.target.value !== r.memory &&
            edit((t) => setAllocatable(t, r.name, 'memory', e.target.value.trim()))
          }
        />
      </td>
      <td>{r.pods}</td>
      <td>
        <input
          type="checkbox"
          aria-label={`Cordon ${r.name}`}
          checked={cordoned}
          onChange={(e) => {
            setCordonedNow(e.target.checked)
            edit((t) => setCordoned(t, r.name, e.target.checked))
          }}
        />
      </td>
      <td>
        <button
          type="button"
          aria-label={`Remove ${r.name}`}
          onClick={() => edit((t) => removeNode(t, r.name))}
        >
          ✕
        </button>
      </td>
    </tr>
  )
})

function NodeTable({ rows }: { rows: readonly NodeRow[] }) {
  const edit = useAppStore((s) => s.editCluster)
  const parent = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
  })
  const items = v.getVirtualItems()
  const top = items[0]?.start ?? 0
  const bottom = v.getTotalSize() - (items[items.length - 1]?.end ?? 0)
  return (
    <div
      ref={parent}
      className="table-wrap nodes-scroll"
      tabIndex={0}
      role="region"
      aria-label="Nodes of the cluster"
    >
      <table>
        <thead>
          <tr>
            <th scope="col">node</th>
            <th scope="col">cpu</th>
            <th scope="col">memory</th>
            <th scope="col">pods</th>
            <th scope="col">cordon</th>
            <th scope="col">
              <span className="sr-only">remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && <tr style={{ height: top }} aria-hidden="true" />}
          {items.map((it) => {
            const r = rows[it.index]!
            // The key includes the values, so an edit made elsewhere resets what the inputs show.
            return <NodeRowView key={`${r.name}/${r.cpu}/${r.memory}/${r.cordoned}`} row={r} edit={edit} />
          })}
          {bottom > 0 && <tr style={{ height: bottom }} aria-hidden="true" />}
        </tbody>
      </table>
    </div>
  )
}

export default function NodesPanel() {
  // The rows come with each run, from where the cluster file was parsed (the engine's worker): the
  // panel never parses the file itself, and keeps the rows it has (and its scroll position) until
  // the next run is in.
  const rows = useAppStore((s) => s.clusterSummary?.nodes ?? null)
  const loading = useAppStore((s) => s.clusterLoading !== null)
  const edit = useAppStore((s) => s.editCluster)
  if (!rows) return null
  const pods = rows.reduce((n, r) => n + r.pods, 0)
  return (
    <section className="nodes-panel" aria-label="Nodes" aria-busy={loading}>
      <div className="nodes-head">
        <h2>
          Nodes{' '}
          <span className="muted">
            ({rows.length.toLocaleString('en')}, {pods.toLocaleString('en')} pods)
          </span>
        </h2>
        <button type="button" onClick={() => edit(addNode)}>
          Add node
        </button>
      </div>
      <NodeTable rows={rows} />
    </section>
  )
}
