/** The left pane: tabs for the pod manifest and the cluster file, the editor, and any cluster-file error. */
import { lazy, Suspense } from 'react'
import { useAppStore } from '../../store/context'
import { EditorFallback } from './EditorFallback'
import { ErrorBoundary } from '../app/ErrorBoundary'
import { RunAs } from './RunAs'
import { NodesPanel } from '../cluster/NodesPanel'

const PodEditor = lazy(() => import('./PodEditor'))

export function EditorPane() {
  const editing = useAppStore((s) => s.editing)
  const setEditing = useAppStore((s) => s.setEditing)
  const clusterError = useAppStore((s) => s.clusterError)
  return (
    <section className="pane pane-editor" aria-label="Sources">
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
      {editing === 'manifest' ? <RunAs /> : <NodesPanel />}
      {clusterError && (
        <div className="banner tone-rejected" role="alert">
          {clusterError}. The last good run is still shown.
        </div>
      )}
      <ErrorBoundary fallback={<EditorFallback failed />}>
        <Suspense fallback={<EditorFallback />}>
          <PodEditor />
        </Suspense>
      </ErrorBoundary>
    </section>
  )
}
