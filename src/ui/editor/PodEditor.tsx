/**
 * The source editor: Monaco with YAML highlighting. pod.yaml gets Pod-schema
 * validation, completion and hover through monaco-yaml, plus the engine's own
 * parse errors (what kubectl would say) as markers; cluster.yaml holds the
 * cluster's objects. Text loaded from outside (a scenario) replaces the model.
 */
import { useEffect, useRef, type ClipboardEvent } from 'react'
import Editor, { type OnMount } from '@monaco-editor/react'
import { monaco, POD_MODEL_PATH } from './monaco-setup'
import { useAppStore, useAppStoreApi } from '../../store/context'
import { toMarkers } from './markers'
import { isLargeCluster } from '../../store/cluster-text'

const OWNER = 'podlife'
const SERVER_OWNER = 'podlife-apiserver'
const CLUSTER_MODEL_PATH = 'file:///cluster.yaml'

type Editor = Parameters<OnMount>[0]

export default function PodEditor() {
  const editing = useAppStore((s) => s.editing)
  const manifest = useAppStore((s) => s.manifest)
  const cluster = useAppStore((s) => s.cluster)
  const errors = useAppStore((s) => s.errors)
  const setManifest = useAppStore((s) => s.setManifest)
  const setCluster = useAppStore((s) => s.setCluster)
  const replaceCluster = useAppStore((s) => s.replaceCluster)
  const editorRef = useRef<Editor | null>(null)
  const path = editing === 'manifest' ? POD_MODEL_PATH : CLUSTER_MODEL_PATH

  useEffect(() => {
    const model = monaco.editor.getModel(monaco.Uri.parse(POD_MODEL_PATH))
    if (!model) return
    monaco.editor.setModelMarkers(
      model,
      OWNER,
      toMarkers(errors, (n) => model.getLineLength(n)),
    )
  }, [errors])

  // What the apiserver refused (422 causes, unknown fields), on the lines of the fields it names
  // (located by the engine's worker with the run).
  const serverErrors = useAppStore((s) => s.serverErrors)
  useEffect(() => {
    const model = monaco.editor.getModel(monaco.Uri.parse(POD_MODEL_PATH))
    if (!model) return
    monaco.editor.setModelMarkers(
      model,
      SERVER_OWNER,
      toMarkers(serverErrors, (n) => model.getLineLength(n)),
    )
  }, [serverErrors])

  // A scenario replaced the text: bring the models in line (typing never gets here, the texts are equal).
  // A large cluster file never goes into a model (the pane shows LargeClusterFile instead).
  useEffect(() => {
    for (const [uri, text] of [
      [POD_MODEL_PATH, manifest],
      [CLUSTER_MODEL_PATH, cluster],
    ] as const) {
      const model = monaco.editor.getModel(monaco.Uri.parse(uri))
      if (model && !isLargeCluster(text) && model.getValue() !== text) model.setValue(text)
    }
  }, [manifest, cluster])

  // Point at the fields behind a scheduler reason: reveal the first, mark them all.
  const highlight = useAppStore((s) => s.highlight)
  // Where the fields are, as the run behind the highlight read the manifest (read when it fires).
  const storeApi = useAppStoreApi()
  const decorations = useRef<string[]>([])
  useEffect(() => {
    const editor = editorRef.current
    const model = monaco.editor.getModel(monaco.Uri.parse(POD_MODEL_PATH))
    if (!highlight || !editor || !model || editor.getModel() !== model) return
    const positions = storeApi.getState().positions
    const lines = highlight.fields.map((f) => positions[f]?.line).filter((l): l is number => l !== undefined)
    decorations.current = editor.deltaDecorations(
      decorations.current,
      lines.map((line) => ({
        range: new monaco.Range(line, 1, line, model.getLineMaxColumn(line)),
        options: {
          isWholeLine: true,
          className: 'field-highlight',
          linesDecorationsClassName: 'field-highlight-gutter',
        },
      })),
    )
    if (lines[0] !== undefined) {
      editor.revealLineInCenter(lines[0])
      editor.setPosition({ lineNumber: lines[0], column: 1 })
    }
  }, [highlight, editing, storeApi])

  const onMount: OnMount = (editor) => {
    editorRef.current = editor
    // Tab indents (it is a YAML editor); Esc is the visible way out, to the cluster's first card.
    // Monaco keeps Esc for its own widgets first: suggestions, find, hints, snippets.
    editor.addCommand(
      monaco.KeyCode.Escape,
      () => document.querySelector<HTMLElement>('.cluster-stage .component')?.focus(),
      '!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !inSnippetMode && !markersNavigationVisible',
    )
    const model = editor.getModel()
    if (model)
      monaco.editor.setModelMarkers(
        model,
        OWNER,
        toMarkers(errors, (n) => model.getLineLength(n)),
      )
  }

  // A cluster pasted whole (`kubectl get nodes,pods -A -o json` of a big cluster) replaces the file
  // without passing through Monaco: tens of MB would freeze it, and it is copied out on every keystroke.
  const onPasteCapture = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing !== 'cluster') return
    const text = e.clipboardData.getData('text/plain')
    if (!isLargeCluster(text)) return
    e.preventDefault()
    e.stopPropagation()
    replaceCluster(text)
  }

  return (
    <div className="editor nokey" data-testid="editor" onPasteCapture={onPasteCapture}>
      <Editor
        path={path}
        defaultLanguage="yaml"
        // Used only when a file's model is first created: the store's text at that moment.
        defaultValue={editing === 'manifest' ? manifest : cluster}
        theme="vs"
        onMount={onMount}
        onChange={(v) => (editing === 'manifest' ? setManifest(v ?? '') : setCluster(v ?? ''))}
        options={{
          fontSize: 16,
          lineHeight: 24,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          tabSize: 2,
          automaticLayout: true,
          renderWhitespace: 'boundary',
          ariaLabel: `${editing === 'manifest' ? 'Pod manifest editor' : 'Cluster objects editor'}. Escape leaves the editor; Control+M makes Tab move focus.`,
          quickSuggestions: { other: true, comments: false, strings: true },
          // Brackets are rare in YAML manifests, and colouring or matching a pasted line of 100,000
          // of them holds the page for a second (issue 12): plain brackets, matched only beside the cursor.
          bracketPairColorization: { enabled: false },
          guides: { bracketPairs: false, highlightActiveBracketPair: false },
          matchBrackets: 'near',
        }}
      />
    </div>
  )
}
