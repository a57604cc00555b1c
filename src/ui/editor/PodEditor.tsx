/**
 * The source editor: Monaco with YAML highlighting. pod.yaml gets Pod-schema
 * validation, completion and hover through monaco-yaml, plus the engine's own
 * parse errors (what kubectl would say) as markers; cluster.yaml holds the
 * cluster's objects. Text loaded from outside (a scenario) replaces the model.
 */
import { useEffect, useRef, useState, type ClipboardEvent } from 'react'
import Editor, { type OnMount } from '@monaco-editor/react'
import { monaco, POD_MODEL_PATH } from './monaco-setup'
import { useAppStore, useAppStoreApi } from '../../store/context'
import { toMarkers } from './markers'
import type { ManifestError } from '../../engine/index'
import { LARGE_CLUSTER_CHARS } from '../../store/cluster-text'
import { editorRefusal, LONG_LINE_CHARS, MAX_LINES, pasteInto } from '../../store/editor-limits'

const OWNER = 'podlife'
const SERVER_OWNER = 'podlife-apiserver'
const CLUSTER_MODEL_PATH = 'file:///cluster.yaml'
const EMPTY_MODEL_PATH = 'file:///nothing.yaml'

type Editor = Parameters<OnMount>[0]

/**
 * Puts the engine's errors on pod.yaml's model, when it holds the manifest they are about (behind a
 * file view it keeps an older text: its markers are cleared).
 */
function markPod(owner: string, errors: readonly ManifestError[], manifest: string): void {
  const model = monaco.editor.getModel(monaco.Uri.parse(POD_MODEL_PATH))
  if (!model) return
  const current = editorRefusal(manifest) === null
  const lines = model.getLineCount()
  const shown = current ? errors.filter((e) => e.line >= 1 && e.line <= lines) : []
  monaco.editor.setModelMarkers(
    model,
    owner,
    toMarkers(shown, (n) => model.getLineLength(n)),
  )
}

export default function PodEditor() {
  const editing = useAppStore((s) => s.editing)
  const manifest = useAppStore((s) => s.manifest)
  const cluster = useAppStore((s) => s.cluster)
  const errors = useAppStore((s) => s.errors)
  const setManifest = useAppStore((s) => s.setManifest)
  const setCluster = useAppStore((s) => s.setCluster)
  const replaceCluster = useAppStore((s) => s.replaceCluster)
  const editorRef = useRef<Editor | null>(null)
  // Behind a file view (a text the editor does not take) the editor keeps the model it had, or an
  // empty one if it had none yet: a model is never made of tens of MB, or of a line of 10,000
  // brackets, and the editor is ready when a text it takes comes back.
  const wanted = editing === 'manifest' ? POD_MODEL_PATH : CLUSTER_MODEL_PATH
  const takes = editorRefusal(editing === 'manifest' ? manifest : cluster) === null
  const [path, setPath] = useState(takes ? wanted : EMPTY_MODEL_PATH)
  if (takes && path !== wanted) setPath(wanted)

  const storeApi = useAppStoreApi()
  useEffect(() => markPod(OWNER, errors, storeApi.getState().manifest), [errors, storeApi])

  // What the apiserver refused (422 causes, unknown fields), on the lines of the fields it names
  // (located by the engine's worker with the run).
  const serverErrors = useAppStore((s) => s.serverErrors)
  useEffect(() => markPod(SERVER_OWNER, serverErrors, storeApi.getState().manifest), [serverErrors, storeApi])

  // A scenario replaced the text: bring the models in line (typing never gets here, the texts are equal).
  // A text the editor does not take never goes into a model (the pane shows it as a file instead).
  useEffect(() => {
    for (const [uri, text] of [
      [POD_MODEL_PATH, manifest],
      [CLUSTER_MODEL_PATH, cluster],
    ] as const) {
      const model = monaco.editor.getModel(monaco.Uri.parse(uri))
      if (model && editorRefusal(text) === null && model.getValue() !== text) model.setValue(text)
    }
  }, [manifest, cluster])

  // Point at the fields behind a scheduler reason: reveal the first, mark them all.
  const highlight = useAppStore((s) => s.highlight)
  // Where the fields are, as the run behind the highlight read the manifest (read when it fires).
  const decorations = useRef<string[]>([])
  useEffect(() => {
    const editor = editorRef.current
    const model = monaco.editor.getModel(monaco.Uri.parse(POD_MODEL_PATH))
    if (!highlight || !editor || !model || editor.getModel() !== model) return
    const positions = storeApi.getState().positions
    const count = model.getLineCount()
    const lines = highlight.fields
      .map((f) => positions[f]?.line)
      .filter((l): l is number => l !== undefined && l <= count)
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
    markPod(OWNER, errors, storeApi.getState().manifest)
  }

  // A paste that would leave the file more than the editor takes (store/editor-limits.ts: a cluster of
  // tens of MB, a line of 10,000 brackets) goes to the store without passing through Monaco, which
  // would hold the page laying it out; the pane then shows the file instead of the editor.
  const onPasteCapture = (e: ClipboardEvent<HTMLDivElement>) => {
    const pasted = e.clipboardData.getData('text/plain')
    const editor = editorRef.current
    const model = editor?.getModel()
    const selection = editor?.getSelection()
    if (!model || !selection) return
    const start = model.getOffsetAt(selection.getStartPosition())
    const end = model.getOffsetAt(selection.getEndPosition())
    // Only the changed length can make the file too long; a file's lines are checked only then.
    const after = model.getValueLength() - (end - start) + pasted.length
    // (A paste with a line over the limit, or lines over the limit, is longer than either limit.)
    const mayRefuse = pasted.length > Math.min(LONG_LINE_CHARS, MAX_LINES)
    if (after <= LARGE_CLUSTER_CHARS && !mayRefuse) return
    const text = pasteInto(model.getValue(), start, end, pasted)
    if (editorRefusal(text) === null) return
    e.preventDefault()
    e.stopPropagation()
    if (path === CLUSTER_MODEL_PATH) replaceCluster(text)
    else setManifest(text)
  }

  return (
    <div className="editor nokey" data-testid="editor" onPasteCapture={onPasteCapture}>
      <Editor
        path={path}
        defaultLanguage="yaml"
        // Used only when a file's model is first created: the store's text at that moment.
        defaultValue={path === POD_MODEL_PATH ? manifest : path === CLUSTER_MODEL_PATH ? cluster : ''}
        theme="vs"
        onMount={onMount}
        onChange={(v) => {
          if (path === POD_MODEL_PATH) setManifest(v ?? '')
          else if (path === CLUSTER_MODEL_PATH) setCluster(v ?? '')
        }}
        options={{
          fontSize: 16,
          lineHeight: 24,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          tabSize: 2,
          automaticLayout: true,
          renderWhitespace: 'boundary',
          ariaLabel: `${path === POD_MODEL_PATH ? 'Pod manifest editor' : 'Cluster objects editor'}. Escape leaves the editor; Control+M makes Tab move focus.`,
          quickSuggestions: { other: true, comments: false, strings: true },
          // Brackets are rare in YAML manifests, and colouring or matching a pasted line of 100,000
          // of them holds the page for a second (issue 12): plain brackets, matched only beside the cursor.
          bracketPairColorization: { enabled: false },
          guides: { bracketPairs: false, highlightActiveBracketPair: false },
          matchBrackets: 'near',
          stopRenderingLineAfter: 2000,
          maxTokenizationLineLength: 2000,
        }}
      />
    </div>
  )
}
