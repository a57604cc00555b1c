/** Opens "What if…": a copy of this run to change, with the fixes the engine checked. */
import { useAppStore } from '../../store/context'

export function WhatIfButton({ className }: { className?: string }) {
  const openWhatIf = useAppStore((s) => s.openWhatIf)
  const open = useAppStore((s) => s.whatIf !== null)
  if (open) return null
  return (
    <button
      type="button"
      className={className ?? 'whatif-button'}
      onClick={() =>
        openWhatIf({ title: 'An unchanged copy of this run: pick a fix, or edit its manifest below' })
      }
    >
      What if…
    </button>
  )
}
