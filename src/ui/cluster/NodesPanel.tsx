/** The cluster's nodes at a glance, with the edits a learner most wants: cordon, resize, add, remove. */
import { useMemo } from 'react'
import { useAppStore } from '../../store/context'
import { addNode, listNodes, removeNode, setAllocatable, setCordoned } from './cluster-edit'

export function NodesPanel() {
  const cluster = useAppStore((s) => s.cluster)
  const setCluster = useAppStore((s) => s.setCluster)
  const rows = useMemo(() => listNodes(cluster), [cluster])
  if (!rows) return null
  return (
    <section className="nodes-panel" aria-label="Nodes">
      <div className="nodes-head">
        <h2>Nodes</h2>
        <button type="button" onClick={() => setCluster(addNode(cluster))}>
          Add node
        </button>
      </div>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Nodes of the cluster">
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
            {rows.map((r) => (
              <tr key={r.name}>
                <td>
                  {r.name}
                  {r.taints.length > 0 && <div className="taints">{r.taints.join(', ')}</div>}
                </td>
                <td>
                  <input
                    aria-label={`Allocatable CPU of ${r.name}`}
                    defaultValue={r.cpu}
                    onBlur={(e) =>
                      e.target.value !== r.cpu &&
                      setCluster(setAllocatable(cluster, r.name, 'cpu', e.target.value.trim()))
                    }
                  />
                </td>
                <td>
                  <input
                    aria-label={`Allocatable memory of ${r.name}`}
                    defaultValue={r.memory}
                    onBlur={(e) =>
                      e.target.value !== r.memory &&
                      setCluster(setAllocatable(cluster, r.name, 'memory', e.target.value.trim()))
                    }
                  />
                </td>
                <td>{r.pods}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Cordon ${r.name}`}
                    checked={r.cordoned}
                    onChange={(e) => setCluster(setCordoned(cluster, r.name, e.target.checked))}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={`Remove ${r.name}`}
                    onClick={() => setCluster(removeNode(cluster, r.name))}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
