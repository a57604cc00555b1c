import { expect, it } from 'vitest'
import { formatVirtualTime } from './format'

it('shows sub-second virtual times in milliseconds and longer ones in seconds', () => {
  expect(formatVirtualTime(13.7)).toBe('13.7 ms')
  expect(formatVirtualTime(2400.7)).toBe('2.401 s')
})
