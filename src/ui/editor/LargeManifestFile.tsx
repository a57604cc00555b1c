/**
 * In place of the code editor when the manifest is more than it can take (store/editor-limits.ts: a
 * line of over 10,000 characters, or over 1 MB): what the file is, what is wrong with it, and the
 * ways to change it — paste or drop a new one here, open one, or go back to the default pod. The
 * engine runs the text as it is, and it is kept exactly as given (Download gives it back).
 */
import { useRef, type ClipboardEvent, type DragEvent } from 'react'
import { DEFAULT_MANIFEST } from '../../engine/index'
import { useAppStore } from '../../store/context'
import { editorRefusal } from '../../store/editor-limits'

/** Messages can repeat a pasted megabyte string: the list shows their start. */
const MESSAGE_CHARS = 300
const clip = (s: string) => (s.length > MESSAGE_CHARS ? `${s.slice(0, MESSAGE_CHARS)}…` : s)
const SHOWN_ERRORS = 20

export default function LargeManifestFile() {
  const manifest = useAppStore((s) => s.manifest)
  const setManifest = useAppStore((s) => s.setManifest)
  const errors = useAppStore((s) => s.errors)
  const serverErrors = useAppStore((s) => s.serverErrors)
  const picker = useRef<HTMLInputElement>(null)
  const why = editorRefusal(manifest)
  const problems = [...errors, ...serverErrors]

  const replaceWith = (file: File | undefined) => {
    if (file) void file.text().then(setManifest)
  }
  const onPaste = (e: ClipboardEvent) => {
    const text = e.clipboardData.getData('text/plain')
    if (!text.trim()) return
    e.preventDefault()
    setManifest(text)
  }
  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    replaceWith(e.dataTransfer.files[0])
  }
  const download = () => {
    const url = URL.createObjectURL(new Blob([manifest], { type: 'application/yaml' }))
    const a = document.createElement('a')
    a.href = url
    a.download = 'pod.yaml'
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 0)
  }

  return (
    <div
      className="editor large-file nokey"
      tabIndex={0}
      role="region"
      aria-label="Pod manifest (too large to edit as text)"
      data-testid="large-manifest"
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <h3>pod.yaml: not shown as text ({why})</h3>
      <p>
        Podlife runs it as it is; the graph shows what a cluster makes of it. Replace it: paste a manifest
        here (Ctrl+V), drop one here, or open one.
      </p>
      {problems.length > 0 && (
        <ul aria-label="Problems in the manifest">
          {problems.slice(0, SHOWN_ERRORS).map((e, i) => (
            <li key={i}>
              line {e.line}: {clip(e.kubectl)}
            </li>
          ))}
          {problems.length > SHOWN_ERRORS && <li>… and {problems.length - SHOWN_ERRORS} more</li>}
        </ul>
      )}
      {/* A paste needs somewhere editable to land (Chromium sends none to a focused region). */}
      <textarea
        className="paste-zone"
        aria-label="Paste a manifest to replace pod.yaml"
        placeholder="Paste a manifest here (Ctrl+V) to replace this one"
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
          accept=".yaml,.yml,.json,application/yaml,application/json"
          hidden
          onChange={(e) => replaceWith(e.target.files?.[0])}
        />
        <button type="button" onClick={download}>
          Download pod.yaml
        </button>
        <button type="button" onClick={() => setManifest(DEFAULT_MANIFEST)}>
          Back to the default pod
        </button>
      </div>
    </div>
  )
}
