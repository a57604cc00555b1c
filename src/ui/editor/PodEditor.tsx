/**
 * The manifest editor: Monaco with YAML highlighting, and Pod-schema
 * validation, completion and hover through monaco-yaml. The engine's own
 * parse errors (what kubectl would say) are added as markers of their own.
 */
import { useEffect, useRef, useState } from 'react'
import Editor, { type OnMount } from '@monaco-editor/react'
import { monaco, POD_MODEL_PATH } from './monaco-setup'
import { useAppStore } from '../../store/context'
import { toMarkers } from './markers'

const OWNER = 'podlife'

export default function PodEditor() {
  const manifest = useAppStore((s) => s.manifest)
  const errors = useAppStore((s) => s.errors)
  const setManifest = useAppStore((s) => s.setManifest)
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null)
  // Monaco owns the text after mount; the store's copy only seeds it.
  const [initial] = useState(manifest)

  useEffect(() => {
    const model = editorRef.current?.getModel()
    if (!model) return
    monaco.editor.setModelMarkers(
      model,
      OWNER,
      toMarkers(errors, (n) => model.getLineLength(n)),
    )
  }, [errors])

  const onMount: OnMount = (editor) => {
    editorRef.current = editor
    const model = editor.getModel()
    if (model)
      monaco.editor.setModelMarkers(
        model,
        OWNER,
        toMarkers(errors, (n) => model.getLineLength(n)),
      )
  }

  return (
    <div className="editor nokey" data-testid="editor">
      <Editor
        path={POD_MODEL_PATH}
        defaultLanguage="yaml"
        defaultValue={initial}
        theme="vs"
        onMount={onMount}
        onChange={(v) => setManifest(v ?? '')}
        options={{
          fontSize: 16,
          lineHeight: 24,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          tabSize: 2,
          automaticLayout: true,
          renderWhitespace: 'boundary',
          ariaLabel: 'Pod manifest editor',
          quickSuggestions: { other: true, comments: false, strings: true },
        }}
      />
    </div>
  )
}
