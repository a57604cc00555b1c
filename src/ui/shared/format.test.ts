import { expect, it } from 'vitest'
import { formatVirtualTime, plural } from './format'

it('shows sub-second virtual times in milliseconds and longer ones in seconds', () => {
  expect(formatVirtualTime(13.7)).toBe('13.7 ms')
  expect(formatVirtualTime(2400.7)).toBe('2.401 s')
})

it('counts in the singular for one and the plural otherwise', () => {
  expect(plural(1, 'step')).toBe('1 step')
  expect(plural(34, 'step')).toBe('34 steps')
})
