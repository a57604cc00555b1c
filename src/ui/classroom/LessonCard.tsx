/**
 * The open lesson's stop, above the narration: where we are in the lesson, what this stop is about,
 * and, where the stop asks, a prediction — the question and choices taken from the run, the learner's
 * pick, and after the story has shown it, the answer with why. Next plays on (to the answer first,
 * then to the next stop); the score counts the answers revealed so far.
 */
import { useAppStore } from '../../store/context'
import { answerKey, currentStop, lessonScore, lessonStops } from '../../store/lesson'

export default function LessonCard() {
  const lesson = useAppStore((s) => s.lesson)
  const timeline = useAppStore((s) => s.timeline)
  const index = useAppStore((s) => s.cursor.index)
  const playing = useAppStore((s) => s.playing)
  const answers = useAppStore((s) => s.answers)
  const stop = useAppStore(currentStop)
  const nextStop = useAppStore((s) => s.nextStop)
  const previousStop = useAppStore((s) => s.previousStop)
  const closeLesson = useAppStore((s) => s.closeLesson)
  const answer = useAppStore((s) => s.answer)
  if (!lesson) return null
  const score = lessonScore({ lesson, timeline, answers, cursor: { index } })
  const resolution = lessonStops(lesson, timeline)
  const count = resolution.ok ? resolution.stops.length : lesson.data.stops.length
  const p = stop?.prediction
  const arrived = stop !== null && index >= stop.eventIndex
  const revealed = p !== undefined && index >= p.revealIndex
  const given = stop ? answers[answerKey(lesson.data.id, stop.stop.id)] : undefined
  const last = lesson.stop >= count - 1
  const nextLabel = p && arrived && !revealed ? 'Play on to the answer' : 'Next stop'
  return (
    <section className="lesson-card" aria-label={`Lesson: ${lesson.data.title}`} data-testid="lesson-card">
      <div className="lesson-meta">
        <span className="lesson-title">Lesson: {lesson.data.title}</span>
        <span data-testid="lesson-progress">
          Stop {lesson.stop + 1} of {count}
          {score.asked > 0 && ` · score ${score.right} of ${score.asked}`}
        </span>
      </div>
      {!resolution.ok ? (
        <p className="lesson-gone" role="alert">
          The story changed since the lesson was written (was the manifest edited?): {resolution.error}. Open
          the lesson again from the picker to follow it as written.
        </p>
      ) : stop ? (
        <>
          <h2 className="lesson-stop-title" data-testid="lesson-stop-title">
            {arrived ? stop.stop.title : `Next: ${stop.stop.title}`}
          </h2>
          {arrived ? (
            <p className="lesson-text" data-testid="lesson-text">
              {stop.stop.text}
            </p>
          ) : (
            <p className="lesson-text is-on-the-way">
              {playing ? 'Playing to this stop…' : 'Press Next stop to go on.'}
            </p>
          )}
          {p && arrived && (
            <div className="prediction" data-testid="prediction">
              <p className="prediction-question">
                <strong>Predict:</strong> {p.question}
              </p>
              <div className="prediction-choices" role="radiogroup" aria-label={p.question}>
                {p.choices.map((c) => {
                  const mark = revealed ? (c === p.answer ? 'is-answer' : c === given ? 'is-wrong' : '') : ''
                  return (
                    <button
                      key={c}
                      type="button"
                      role="radio"
                      aria-checked={given === c}
                      className={`prediction-choice ${mark}`}
                      disabled={revealed}
                      onClick={() => answer(c)}
                    >
                      {c}
                    </button>
                  )
                })}
              </div>
              {revealed ? (
                <p className="prediction-reveal" data-testid="prediction-reveal" aria-live="polite">
                  {given === undefined
                    ? `The answer: ${p.answer}. `
                    : given === p.answer
                      ? `Right: ${p.answer}. `
                      : `Not this time: it is ${p.answer}. `}
                  {p.explanation}
                </p>
              ) : (
                <p className="prediction-hint">
                  {given ? 'Your answer is in. ' : 'Pick one, then '}press {nextLabel} (Page Down) to see what
                  happens.
                </p>
              )}
            </div>
          )}
        </>
      ) : null}
      <div className="lesson-actions">
        <button type="button" onClick={previousStop} disabled={lesson.stop === 0 && arrived}>
          Previous stop
        </button>
        <button
          type="button"
          className="primary"
          onClick={nextStop}
          disabled={last && arrived && (!p || revealed)}
          data-testid="lesson-next"
        >
          {nextLabel}
        </button>
        <button type="button" onClick={closeLesson}>
          Close lesson
        </button>
      </div>
    </section>
  )
}
