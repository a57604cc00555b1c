/** The page: manifest on the left, the cluster in the middle, narration and inspector on the right. */
import { LazyMotion, MotionConfig } from 'motion/react'
import { Graph } from '../graph/Graph'
import { Controls } from '../playback/Controls'
import { TimelineBar } from '../playback/TimelineBar'
import { usePlayback } from '../playback/usePlayback'
import { useKeyboardShortcuts } from '../playback/useKeyboardShortcuts'
import { Narration } from '../narration/Narration'
import { PodStatus } from './PodStatus'
import { EditorPane } from '../editor/EditorPane'
import { lazy, Suspense } from 'react'

// The inspector (tables, kubectl describe, virtualised rows) loads after first paint.
const Inspector = lazy(() => import('../inspector/Inspector'))
const ScenarioPicker = lazy(() => import('./ScenarioPicker'))

/** The animation features come in their own chunk, after first paint (motion's LazyMotion). */
const loadMotionFeatures = () => import('./motion-features').then((m) => m.default)

export function App() {
  usePlayback()
  useKeyboardShortcuts()
  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={loadMotionFeatures} strict>
        <div className="app">
          <header className="topbar">
            <h1>
              Podlife <span className="tagline">how a Pod comes to life</span>
            </h1>
            <div className="topbar-right">
              <Suspense fallback={null}>
                <ScenarioPicker />
              </Suspense>
              <PodStatus />
            </div>
          </header>
          <main className="workspace">
            <EditorPane />
            <section className="pane pane-graph" aria-label="Cluster">
              <Graph />
              <Narration />
            </section>
            <Suspense fallback={<aside className="inspector" aria-label="Inspector" />}>
              <Inspector />
            </Suspense>
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
