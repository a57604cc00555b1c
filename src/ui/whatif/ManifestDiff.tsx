/**
 * The two manifests side by side in Monaco's diff editor: the main run's on the left (read-only),
 * the what-if's on the right, editable — an edit there re-runs the second simulation.
 */
import { useEffect, useRef } from 'react'
import { DiffEditor } from '@monaco-editor/react'
// Configures @monaco-editor/react's loader with the bundled Monaco (no CDN).
import '../editor/monaco-setup'
import { useAppStore } from '../../store/context'

type Diff = Parameters<NonNullable<Parameters<typeof DiffEditor>[0]['onMount']>>[0]

export default function ManifestDiff() {
  // The wrapper disposing the models before the diff widget lets go of them throws ("TextModel got
  // disposed before DiffEditorWidget model got reset"): keep them, detach them first, then dispose.
  const editorRef = useRef<Diff | null>(null)
  useEffect(
    () => () => {
      const editor = editorRef.current
      const models = editor?.getModel()
      editor?.setModel(null)
      models?.original.dispose()
      models?.modified.dispose()
    },
    [],
  )
  const original = useAppStore((s) => s.manifest)
  const modified = useAppStore((s) => s.whatIf?.manifest ?? '')
  const setWhatIfManifest = useAppStore((s) => s.setWhatIfManifest)
  return (
    <div className="whatif-diff" data-testid="whatif-diff" aria-label="The two manifests, compared">
      <DiffEditor
        original={original}
        modified={modified}
        language="yaml"
        originalModelPath="file:///this-run/pod.yaml"
        modifiedModelPath="file:///what-if/pod.yaml"
        options={{
          renderSideBySide: true,
          originalEditable: false,
          readOnly: false,
          minimap: { enabled: false },
          fontSize: 15,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          renderOverviewRuler: false,
        }}
        keepCurrentOriginalModel
        keepCurrentModifiedModel
        onMount={(editor) => {
          editorRef.current = editor
          const model = editor.getModifiedEditor()
          model.onDidChangeModelContent(() => setWhatIfManifest(model.getValue()))
        }}
      />
    </div>
  )
}
