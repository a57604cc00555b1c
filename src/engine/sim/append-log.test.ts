import { describe, expect, it } from 'vitest'
import { AppendLog } from './append-log'

describe('AppendLog', () => {
  it('every version keeps showing what it showed when later versions append', () => {
    const a = AppendLog.empty<string>()
    const b = a.append('x')
    const c = b.append('y')
    expect([...a]).toEqual([])
    expect([...b]).toEqual(['x'])
    expect([...c]).toEqual(['x', 'y'])
    expect(c.length).toBe(2)
    expect(c.at(-1)).toBe('y')
    expect(c.at(2)).toBeUndefined()
  })

  it('appending to an older version branches without changing the newer one', () => {
    const b = AppendLog.empty<string>().append('x')
    const c = b.append('y')
    const d = b.append('z')
    expect([...c]).toEqual(['x', 'y'])
    expect([...d]).toEqual(['x', 'z'])
  })

  it('appending to a deep-frozen version copies instead of writing into the frozen entries', () => {
    const b = AppendLog.of(['x'])
    Object.freeze(b)
    const c = b.append('y')
    expect([...c]).toEqual(['x', 'y'])
    expect([...b]).toEqual(['x'])
  })

  it('serialises as the plain array and compares by its entries', () => {
    const long = AppendLog.of(['x', 'y'])
    const short = AppendLog.of(['x']).append('y')
    expect(JSON.stringify({ events: short })).toBe(JSON.stringify({ events: ['x', 'y'] }))
    expect(short).toEqual(long)
    expect(short).not.toEqual(AppendLog.of(['x']))
    expect(short.some((e) => e === 'y')).toBe(true)
    expect(short.toArray()).toEqual(['x', 'y'])
  })
})
