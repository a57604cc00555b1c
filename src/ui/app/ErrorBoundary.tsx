/**
 * Keeps one failing panel from blanking the page: the panel says what went wrong and offers to try
 * again (after the next edit or step, say), and the rest of the page keeps working.
 */
import { Component, type ReactNode } from 'react'

interface Props {
  /** What the panel is, for the message ("the inspector"). */
  readonly name?: string
  /** Class of the box drawn in the panel's place, so the layout keeps its grid area. */
  readonly className?: string
  /** A custom fallback instead of the message. */
  readonly fallback?: ReactNode
  readonly children: ReactNode
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null }
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }
  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    if (this.props.fallback !== undefined) return this.props.fallback
    return (
      <div className={`panel-error ${this.props.className ?? ''}`} role="alert">
        <p>
          {this.props.name ? `The ${this.props.name}` : 'This panel'} could not be shown ({error.message}).
          The rest of Podlife keeps working; this is a bug in Podlife, not in your files.
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    )
  }
}
