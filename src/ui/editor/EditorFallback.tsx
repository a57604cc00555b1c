/** Shown while Monaco loads (or if it cannot): the text as an editable plain text area, so no edit is lost. */
import { useAppStore } from '../../store/context'

export function EditorFallback({ failed = false }: { failed?: boolean }) {
  const editing = useAppStore((s) => s.editing)
  const text = useAppStore((s) => (s.editing === 'manifest' ? s.manifest : s.cluster))
  const setManifest = useAppStore((s) => s.setManifest)
  const setCluster = useAppStore((s) => s.setCluster)
  return (
    <div className="editor editor-fallback">
      <p className="muted">
        {failed ? 'The rich editor could not start; plain text editing still works.' : 'Loading editor…'}
      </p>
      <textarea
        aria-label={editing === 'manifest' ? 'Pod manifest (plain text)' : 'Cluster objects (plain text)'}
        value={text}
        onChange={(e) => (editing === 'manifest' ? setManifest(e.target.value) : setCluster(e.target.value))}
        spellCheck={false}
      />
    </div>
  )
}
