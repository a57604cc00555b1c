/**
 * In place of the text editor when the cluster file is too large to edit as text (a pasted
 * `kubectl get nodes,pods -A -o json` of a big cluster is tens of MB): what the file holds, and
 * the ways to change it — the node panel above, pasting or dropping a new file here, opening one,
 * or going back to the built-in cluster. The whole text can be downloaded.
 */
import { useMemo, useRef, type ClipboardEvent, type DragEvent } from 'react'
import { DEFAULT_CLUSTER } from '../../engine/index'
import { useAppStore } from '../../store/context'
import { LARGE_CLUSTER_CHARS, parseCluster } from '../../store/cluster-text'

const fmt = (n: number) => n.toLocaleString('en')

function useKinds(text: string, loading: boolean): [string, number][] | null {
  return useMemo(() => {
    if (loading) return null
    const parsed = parseCluster(text)
    if (!parsed.ok) return null
    const counts = new Map<string, number>()
    for (const o of parsed.objects) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1)
    return [...counts].sort((a, b) => b[1] - a[1])
  }, [text, loading])
}

export default function LargeClusterFile() {
  const cluster = useAppStore((s) => s.cluster)
  const loading = useAppStore((s) => s.clusterLoading !== null)
  const replaceCluster = useAppStore((s) => s.replaceCluster)
  const kinds = useKinds(cluster, loading)
  const picker = useRef<HTMLInputElement>(null)
  const json = /^\s*[[{]/.test(cluster)
  const name = json ? 'cluster.json' : 'cluster.yaml'

  const replaceWith = (file: File | undefined) => {
    if (file) void file.text().then(replaceCluster)
  }
  const onPaste = (e: ClipboardEvent) => {
    const text = e.clipboardData.getData('text/plain')
    if (!text.trim()) return
    e.preventDefault()
    replaceCluster(text)
  }
  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    replaceWith(e.dataTransfer.files[0])
  }
  const download = () => {
    const url = URL.createObjectURL(
      new Blob([cluster], { type: json ? 'application/json' : 'application/yaml' }),
    )
    const a = document.createElement('a')
    a.href = url
    a.download = name
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 0)
  }

  return (
    <div
      className="editor large-cluster nokey"
      tabIndex={0}
      role="region"
      aria-label="Cluster file (too large to edit as text)"
      data-testid="large-cluster"
      onPaste={onPaste}
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <h3>
        {name}: {(cluster.length / 1e6).toFixed(1)} MB
      </h3>
      {kinds ? (
        <ul aria-label="Objects in the file">
          {kinds.map(([kind, n]) => (
            <li key={kind}>
              {fmt(n)} {kind}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{loading ? 'Loading…' : 'The file does not load; see the message above.'}</p>
      )}
      <p>
        Too large to edit as text here (the editor takes files up to {fmt(LARGE_CLUSTER_CHARS / 1e6)} MB).
        Change nodes in the panel above, or replace the whole file: paste it here (Ctrl+V), drop it here, or
        open it.
      </p>
      <div className="actions">
        <button type="button" onClick={() => picker.current?.click()}>
          Open a file…
        </button>
        <input
          ref={picker}
          type="file"
          accept=".json,.yaml,.yml,application/json,application/yaml"
          hidden
          onChange={(e) => replaceWith(e.target.files?.[0])}
        />
        <button type="button" onClick={download}>
          Download {name}
        </button>
        <button type="button" onClick={() => replaceCluster(DEFAULT_CLUSTER)}>
          Back to the built-in 3-node cluster
        </button>
      </div>
    </div>
  )
}
