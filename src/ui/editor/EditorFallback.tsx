/** Shown while Monaco loads (or if it cannot): the manifest as an editable plain text area, so no edit is lost. */
import { useAppStore } from '../../store/context'

export function EditorFallback({ failed = false }: { failed?: boolean }) {
  const manifest = useAppStore((s) => s.manifest)
  const setManifest = useAppStore((s) => s.setManifest)
  return (
    <div className="editor editor-fallback">
      <p className="muted">
        {failed ? 'The rich editor could not start; plain text editing still works.' : 'Loading editor…'}
      </p>
      <textarea
        aria-label="Pod manifest (plain text)"
        value={manifest}
        onChange={(e) => setManifest(e.target.value)}
        spellCheck={false}
      />
    </div>
  )
}
