/**
 * Everything Monaco needs, in one module that only the lazily loaded editor
 * imports, so none of it is on the first-paint path. Workers are bundled
 * locally through Vite's ?worker imports; nothing is fetched from a CDN.
 * See ../shared/STACK.md "Monaco setup module" for why each step is here.
 */
import 'monaco-editor/features/register.all'
import 'monaco-editor/languages/definitions/yaml/register'
import * as monaco from 'monaco-editor/editor/editor.api'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import YamlWorker from 'monaco-yaml/yaml.worker?worker'
import { configureMonacoYaml } from 'monaco-yaml'
import { loader } from '@monaco-editor/react'
import podSchema from './pod.schema.json'

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker }
  }
}

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
}

type CreateWebWorker = typeof monaco.editor.createWebWorker
type WorkerOptions = Parameters<CreateWebWorker>[0] & {
  createData?: unknown
  keepIdleModels?: boolean
  host?: unknown
}

// monaco-worker-manager still uses the old createWebWorker({ moduleId, createData }) shape; start the YAML
// worker ourselves and hand it the createData it expects (STACK.md gotcha 2).
function createWebWorker(opts: WorkerOptions) {
  const worker = new YamlWorker()
  worker.postMessage('ignore')
  worker.postMessage(opts.createData)
  return monaco.editor.createWebWorker({
    worker,
    host: opts.host,
    keepIdleModels: opts.keepIdleModels,
  } as Parameters<CreateWebWorker>[0])
}

const scoped = { ...monaco, editor: { ...monaco.editor, createWebWorker } } as unknown as typeof monaco

export const POD_MODEL_PATH = 'file:///pod.yaml'

configureMonacoYaml(scoped, {
  enableSchemaRequest: false,
  validate: true,
  hover: true,
  completion: true,
  schemas: [
    { uri: 'inmemory://schemas/k8s-v1-pod.json', fileMatch: ['**/pod.yaml'], schema: podSchema as never },
  ],
})

loader.config({ monaco })

export { monaco }
