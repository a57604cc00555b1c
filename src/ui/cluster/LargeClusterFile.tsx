/**
 * In place of the text editor when the cluster file is more than it takes (store/editor-limits.ts: a
 * pasted `kubectl get nodes,pods -A -o json` of a big cluster is tens of MB, or a line of over
 * 10,000 characters): what the file holds, and
 * the ways to change it — the node panel above, pasting or dropping a new file here, opening one,
 * or going back to the built-in cluster. The whole text can be downloaded.
 */
import { useRef, type ClipboardEvent, type DragEvent } from 'react'
import { DEFAULT_CLUSTER } from '../../engine/index'
import { useAppStore } from '../../store/context'
import { textSize } from '../../store/cluster-text'
import { editorRefusal } from '../../store/editor-limits'

const fmt = (n: number) => n.toLocaleString('en')

export default function LargeClusterFile() {
  const cluster = useAppStore((s) => s.cluster)
  const loading = useAppStore((s) => s.clusterLoading !== null)
  const replaceCluster = useAppStore((s) => s.replaceCluster)
  // Counted where the file was parsed (the engine's worker, with the run), not here.
  const kinds = useAppStore((s) => (loading ? null : (s.clusterSummary?.kinds ?? null)))
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
      className="editor large-file nokey"
      tabIndex={0}
      role="region"
      aria-label="Cluster file (too large to edit as text)"
      data-testid="large-cluster"
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <h3>
        {name}: {textSize(cluster.length)}
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
        Not shown as text ({editorRefusal(cluster)}). Change nodes in the panel above, or replace the whole
        file: paste it here (Ctrl+V), drop it here, or open it.
      </p>
      {/* A paste needs somewhere editable to land (Chromium sends none to a focused region). */}
      <textarea
        className="paste-zone"
        aria-label="Paste a cluster file to replace this one"
        placeholder="Paste a cluster file here (Ctrl+V) to replace this one"
        rows={2}
        value=""
        onChange={() => undefined}
        onPaste={onPaste}
      />
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
