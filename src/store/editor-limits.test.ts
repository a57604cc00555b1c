import { describe, expect, it } from 'vitest'
import { DEFAULT_CLUSTER, DEFAULT_MANIFEST } from '../engine/index'
import { editorRefusal, measureLines, pasteInto } from './editor-limits'

describe('which texts the code editor takes (issue 12)', () => {
  it('takes the built-in files and ordinary long manifests', () => {
    expect(editorRefusal(DEFAULT_MANIFEST)).toBeNull()
    expect(editorRefusal(DEFAULT_CLUSTER)).toBeNull()
    expect(editorRefusal(Array(300).fill(DEFAULT_MANIFEST).join('---\n'))).toBeNull()
    expect(editorRefusal('x'.repeat(10_000))).toBeNull()
  })

  it('says why it refuses a line over 10,000 characters, over 10,000 lines or a file over 1 MB', () => {
    const documents = Array(12_000).fill('a: 1\n').join('---\n')
    expect(editorRefusal(documents)).toBe('24,000 lines: the editor takes up to 10,000')
    const deep = `spec:\n  x: ${'['.repeat(6000)}${']'.repeat(6000)}\n`
    expect(editorRefusal(deep)).toBe('a line of 12,005 characters: the editor takes lines up to 10,000')
    const big = 'a: 1\n'.repeat(800_000)
    expect(editorRefusal(big)).toBe('4.0 MB: the editor takes files up to 1 MB')
  })

  it('measures lines in one pass, first, middle and last', () => {
    expect(measureLines('')).toEqual({ lines: 1, longest: 0 })
    expect(measureLines('abc')).toEqual({ lines: 1, longest: 3 })
    expect(measureLines('a\nbbbb\ncc')).toEqual({ lines: 3, longest: 4 })
    expect(measureLines('a\n\nccccc\n')).toEqual({ lines: 4, longest: 5 })
    expect(measureLines('x'.repeat(5_000_000)).longest).toBe(5_000_000)
  })

  it('a paste replaces the selection and keeps the rest of the text', () => {
    expect(pasteInto('kind: Pod\nimage: nginx\n', 17, 22, 'busybox')).toBe('kind: Pod\nimage: busybox\n')
    expect(pasteInto('abc', 0, 3, 'xyz')).toBe('xyz')
    expect(pasteInto('abc', 3, 3, 'd')).toBe('abcd')
  })
})
