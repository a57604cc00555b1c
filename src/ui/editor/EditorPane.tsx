/** The left pane: tabs for the pod manifest and the cluster file, the editor, and any cluster-file error. */
import { lazy, Suspense } from 'react'
import { useAppStore } from '../../store/context'
import { EditorFallback } from './EditorFallback'
import { ErrorBoundary } from '../app/ErrorBoundary'
import { RunAs } from './RunAs'
import { editorRefusal } from '../../store/editor-limits'
import { SimulatingNote } from './SimulatingNote'

const PodEditor = lazy(() => import('./PodEditor'))
// The cluster tab's node panel (virtualised table, YAML and JSON edits) loads when the tab opens.
const NodesPanel = lazy(() => import('../cluster/NodesPanel'))
const LargeClusterFile = lazy(() => import('../cluster/LargeClusterFile'))
const LargeManifestFile = lazy(() => import('./LargeManifestFile'))

export function EditorPane() {
  const editing = useAppStore((s) => s.editing)
  const setEditing = useAppStore((s) => s.setEditing)
  const clusterError = useAppStore((s) => s.clusterError)
  const clusterLoading = useAppStore((s) => s.clusterLoading)
  // Tens of MB, or a line of 10,000 brackets, are not handed to Monaco (store/editor-limits.ts).
  const largeCluster = useAppStore((s) => editorRefusal(s.cluster) !== null)
  const largeManifest = useAppStore((s) => editorRefusal(s.manifest) !== null)
  const fileView =
    editing === 'cluster' && largeCluster ? (
      <LargeClusterFile />
    ) : editing === 'manifest' && largeManifest ? (
      <LargeManifestFile />
    ) : null
  return (
    <section className="pane pane-editor" id="pane-editor" aria-label="Sources">
      <div className="pane-title" role="tablist" aria-label="Files">
        <button
          type="button"
          role="tab"
          aria-selected={editing === 'manifest'}
          onClick={() => setEditing('manifest')}
        >
          pod.yaml
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={editing === 'cluster'}
          onClick={() => setEditing('cluster')}
        >
          cluster.yaml
        </button>
      </div>
      {editing === 'manifest' ? (
        <RunAs />
      ) : (
        <Suspense fallback={null}>
          <NodesPanel />
        </Suspense>
      )}
      {clusterLoading && (
        <div className="banner tone-waiting" aria-live="polite">
          {clusterLoading}
        </div>
      )}
      <SimulatingNote />
      {clusterError && !clusterLoading && (
        <div className="banner tone-rejected" role="alert">
          {clusterError}. The last good run is still shown.
        </div>
      )}
      {fileView && (
        <Suspense fallback={<div className="editor large-file">Loading…</div>}>{fileView}</Suspense>
      )}
      {/* The editor stays mounted behind a file view: coming back to a text it takes is a model
          change, not a new editor (mounting Monaco again holds the page for a few hundred ms). */}
      <div className="editor-host" hidden={fileView !== null}>
        <ErrorBoundary fallback={<EditorFallback failed />}>
          <Suspense fallback={<EditorFallback />}>
            <PodEditor />
          </Suspense>
        </ErrorBoundary>
      </div>
      <p className="editor-keys" id="editor-keys">
        <kbd>Esc</kbd> leave editor · <kbd>Ctrl</kbd>+<kbd>M</kbd> Tab moves focus
      </p>
    </section>
  )
}
