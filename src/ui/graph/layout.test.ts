import { describe, expect, it } from 'vitest'
import { COMPONENT_IDS } from '../../engine/index'
import {
  chipCapacity,
  chooseArrangement,
  linksOf,
  metricsFor,
  nodesArea,
  positionOf,
  type Arrangement,
  type Metrics,
} from './layout'
import { wirePath, portPoint } from './wire-path'

interface Rect {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

function rectOf(a: Arrangement, id: (typeof COMPONENT_IDS)[number], m: Metrics): Rect {
  const p = positionOf(a, id, m)
  return { x: p.x, y: p.y, w: m.card.width, h: m.card.height }
}

/** Panes as the app gives them: 1280×720 and 1024×768 beside the side column, 1920×1080, 200 % zoom. */
const PANES = [
  [896, 470],
  [700, 520],
  [880, 780],
  [610, 440],
  [1400, 900],
] as const
const CASES = (['wide', 'tall'] as const).flatMap((a) =>
  PANES.map(([w, h]) => [`${a} in ${w}×${h}`, a, metricsFor(a, w, h)] as const),
)

/** The points a drawn path passes through (its corners), in order. */
function pointsOf(path: string): { x: number; y: number }[] {
  const nums = path.match(/-?\d+(\.\d+)?/g)!.map(Number)
  const out = []
  for (let i = 0; i + 1 < nums.length; i += 2) out.push({ x: nums[i]!, y: nums[i + 1]! })
  return out
}

/** Does the segment a→b pass through the inside of the rectangle (shrunk by 1 px)? */
function crosses(a: { x: number; y: number }, b: { x: number; y: number }, r: Rect) {
  for (let t = 0; t <= 1; t += 0.01) {
    const x = a.x + (b.x - a.x) * t
    const y = a.y + (b.y - a.y) * t
    if (x > r.x + 1 && x < r.x + r.w - 1 && y > r.y + 1 && y < r.y + r.h - 1) return true
  }
  return false
}

describe.each(CASES)('the %s pane', (_name, a, m) => {
  it('gives every component its own cell: no two cards overlap', () => {
    const rects = COMPONENT_IDS.map((id) => rectOf(a, id, m))
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const p = rects[i]!
        const q = rects[j]!
        const overlap = p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h
        expect(overlap, `${COMPONENT_IDS[i]} and ${COMPONENT_IDS[j]}`).toBe(false)
      }
  })

  it('draws no wire through a card other than its two ends', () => {
    for (const l of linksOf(a)) {
      const pts = pointsOf(wirePath(a, l, m).path)
      for (const id of COMPONENT_IDS) {
        if (id === l.source || id === l.target) continue
        for (let i = 0; i + 1 < pts.length; i++)
          expect(
            crosses(pts[i]!, pts[i + 1]!, rectOf(a, id, m)),
            `${l.source}→${l.target} crosses ${id}`,
          ).toBe(false)
      }
    }
  })

  it('starts and ends no two wires at the same point (no junction hides a branch)', () => {
    const ends = linksOf(a).flatMap((l) => [
      portPoint(positionOf(a, l.source, m), l.from, m),
      portPoint(positionOf(a, l.target, m), l.to, m),
    ])
    const keys = ends.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('keeps the nodes column clear of every card and wire', () => {
    const area = nodesArea(a, m)
    const column: Rect = { x: area.x, y: area.y, w: area.width, h: area.height }
    for (const id of COMPONENT_IDS) {
      const r = rectOf(a, id, m)
      const overlap = r.x < column.x + column.w && column.x < r.x + r.w && r.y < column.y + column.h
      expect(overlap && r.y + r.h > column.y, id).toBe(false)
    }
    for (const l of linksOf(a)) {
      const pts = pointsOf(wirePath(a, l, m).path)
      for (let i = 0; i + 1 < pts.length; i++) expect(crosses(pts[i]!, pts[i + 1]!, column)).toBe(false)
    }
    expect(chipCapacity(a, m)).toBeGreaterThanOrEqual(3)
  })
})

describe('choosing an arrangement for the pane', () => {
  it('draws a wide, short pane (a 1280×720 projector) with the wide arrangement', () => {
    expect(chooseArrangement(900, 420)).toBe('wide')
  })
  it('draws a narrow pane (1024×768 beside the editor) with the tall arrangement', () => {
    expect(chooseArrangement(680, 520)).toBe('tall')
  })
  it('fills the pane: the chosen arrangement is never drawn smaller than the other', () => {
    for (const [w, h] of PANES) {
      const chosen = chooseArrangement(w, h)
      const other = chosen === 'wide' ? 'tall' : 'wide'
      expect(metricsFor(chosen, w, h).zoom).toBeGreaterThanOrEqual(metricsFor(other, w, h).zoom)
    }
  })

  it('draws the graph unscaled (text at its CSS size) in the panes a 1280×720 and a 1024×768 screen give it', () => {
    for (const [w, h] of [
      [896, 470],
      [700, 520],
    ] as const)
      expect(metricsFor(chooseArrangement(w, h), w, h).zoom).toBe(1)
  })

  it('fits the graph inside its pane', () => {
    for (const [w, h] of PANES) {
      const m = metricsFor(chooseArrangement(w, h), w, h)
      expect(m.bounds.width * m.zoom).toBeLessThanOrEqual(w)
      expect(m.bounds.height * m.zoom).toBeLessThanOrEqual(h)
    }
  })
})
