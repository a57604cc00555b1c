/**
 * The page. On a wide screen: the sources on the left, the cluster and its
 * story in the middle, the inspector on the right. Where the screen has room
 * for only one side panel (a 1280×720 or 1024×768 projector), the editor and
 * the inspector share the side column behind two tabs, so the graph keeps the
 * room it needs to be read from the back of a room. Narrower still (200 %
 * zoom), everything stacks and the page scrolls down, never sideways.
 */
import { Graph } from '../graph/Graph'
import { Controls } from '../playback/Controls'
import { TimelineBar } from '../playback/TimelineBar'
import { usePlayback } from '../playback/usePlayback'
import { useKeyboardShortcuts } from '../playback/useKeyboardShortcuts'
import { Narration } from '../narration/Narration'
import { PodStatus } from './PodStatus'
import { SideTabs } from './SideTabs'
import { EditorPane } from '../editor/EditorPane'
import { lazy, Suspense } from 'react'
import { useAppStore } from '../../store/context'
import { podPill } from '../../engine/index'
import { ErrorBoundary } from './ErrorBoundary'
import { NoticeBar } from '../classroom/NoticeBar'
import { PresenterChapter, PresenterTools } from '../classroom/PresenterBar'
import { PresenterButton } from '../classroom/PresenterButton'
import { ShareButton } from '../classroom/ShareButton'
import { usePresenter } from '../classroom/usePresenter'
import { WhatIfButton } from '../whatif/WhatIfButton'
import { WhatIfFailed } from '../whatif/WhatIfFailed'

// The inspector (tables, kubectl describe, virtualised rows) loads after first paint.
const Inspector = lazy(() => import('../inspector/Inspector'))
const ScenarioPicker = lazy(() => import('./ScenarioPicker'))
const LessonCard = lazy(() => import('../classroom/LessonCard'))
const WhatIfView = lazy(() => import('../whatif/WhatIfView'))

export function App() {
  usePlayback()
  useKeyboardShortcuts()
  usePresenter()
  const presenter = useAppStore((s) => s.presenter)
  const presenterPanel = useAppStore((s) => s.presenterPanel)
  const inLesson = useAppStore((s) => s.lesson !== null)
  const comparing = useAppStore((s) => s.whatIf !== null)
  const side = useAppStore((s) => s.side)
  const wide = useAppStore((s) => s.inspectorWide)
  const podTone = useAppStore((s) => podPill(s.timeline, s.cursor.index).tone)
  // The engine's worker is on a newer run: the graph shows the last one until it is in.
  const simulating = useAppStore((s) => s.simulating)
  return (
    <div className="app" data-presenter={presenter ? 'true' : undefined}>
      <header className="topbar">
        <h1>
          Podlife <span className="tagline">how a Pod comes to life</span>
        </h1>
        <div className="topbar-right">
          <ErrorBoundary name="scenario list">
            <Suspense fallback={null}>
              <ScenarioPicker />
            </Suspense>
          </ErrorBoundary>
          <WhatIfButton />
          <ShareButton />
          <PresenterButton />
          {presenter && <PresenterTools />}
          <PodStatus />
        </div>
      </header>
      <NoticeBar />
      {comparing ? (
        <ErrorBoundary fallback={<WhatIfFailed />}>
          <Suspense fallback={<main className="whatif">Re-running the fixes…</main>}>
            <WhatIfView />
          </Suspense>
        </ErrorBoundary>
      ) : (
        <main
          className="workspace"
          aria-busy={simulating || undefined}
          data-side={side}
          data-wide-inspector={wide ? 'true' : undefined}
          data-presenter-panel={presenter ? (presenterPanel ?? (inLesson ? 'lesson' : 'none')) : undefined}
        >
          <SideTabs />
          <EditorPane />
          <section className="cluster-stage" aria-label="Cluster">
            {presenter && <PresenterChapter />}
            <ErrorBoundary name="graph" className="graph">
              <Graph podTone={podTone === 'idle' ? 'accepted' : podTone} />
            </ErrorBoundary>
            {inLesson && !presenter && (
              <ErrorBoundary name="lesson" className="lesson-card">
                <Suspense fallback={null}>
                  <LessonCard />
                </Suspense>
              </ErrorBoundary>
            )}
            <ErrorBoundary name="narration" className="narration">
              <Narration />
            </ErrorBoundary>
          </section>
          {inLesson && presenter && (
            <aside className="presenter-lesson" aria-label="Lesson">
              <ErrorBoundary name="lesson" className="lesson-card">
                <Suspense fallback={null}>
                  <LessonCard />
                </Suspense>
              </ErrorBoundary>
            </aside>
          )}
          <ErrorBoundary name="inspector" className="inspector">
            <Suspense fallback={<aside className="inspector" aria-label="Inspector" />}>
              <Inspector />
            </Suspense>
          </ErrorBoundary>
        </main>
      )}
      <footer className="playbar">
        <ErrorBoundary name="playback controls">
          <Controls />
          <TimelineBar />
        </ErrorBoundary>
      </footer>
    </div>
  )
}
