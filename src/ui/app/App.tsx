/** The page: manifest on the left, the cluster in the middle, narration and inspector on the right. */
import { lazy, Suspense } from 'react'
import { LazyMotion, MotionConfig, domAnimation } from 'motion/react'
import { Graph } from '../graph/Graph'
import { Controls } from '../playback/Controls'
import { TimelineBar } from '../playback/TimelineBar'
import { usePlayback } from '../playback/usePlayback'
import { useKeyboardShortcuts } from '../playback/useKeyboardShortcuts'
import { Narration } from '../narration/Narration'
import { Inspector } from '../inspector/Inspector'
import { PodStatus } from './PodStatus'
import { EditorFallback } from '../editor/EditorFallback'
import { ErrorBoundary } from './ErrorBoundary'

const PodEditor = lazy(() => import('../editor/PodEditor'))

export function App() {
  usePlayback()
  useKeyboardShortcuts()
  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={domAnimation} strict>
        <div className="app">
          <header className="topbar">
            <h1>
              Podlife <span className="tagline">how a Pod comes to life</span>
            </h1>
            <PodStatus />
          </header>
          <main className="workspace">
            <section className="pane pane-editor" aria-label="Manifest">
              <div className="pane-title">
                pod.yaml <span className="muted">kubectl apply -f pod.yaml</span>
              </div>
              <ErrorBoundary fallback={<EditorFallback failed />}>
                <Suspense fallback={<EditorFallback />}>
                  <PodEditor />
                </Suspense>
              </ErrorBoundary>
            </section>
            <section className="pane pane-graph" aria-label="Cluster">
              <Graph />
              <Narration />
            </section>
            <Inspector />
          </main>
          <footer className="playbar">
            <Controls />
            <TimelineBar />
          </footer>
        </div>
      </LazyMotion>
    </MotionConfig>
  )
}
