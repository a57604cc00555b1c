import { describe, expect, it } from 'vitest'
import { createTabWriter, GET_TABWRITER, tabwrite, type TabWriterOptions } from './tabwriter'

const opts = (
  minwidth: number,
  tabwidth: number,
  padding: number,
  padchar: string,
  flags: Partial<TabWriterOptions> = {},
): TabWriterOptions => ({ minwidth, tabwidth, padding, padchar, ...flags })

// Cases from Go's src/text/tabwriter/tabwriter_test.go (those without Escape or FilterHTML).
const goTable: readonly { name: string; options: TabWriterOptions; src: string; want: string }[] = [
  { name: '1a', options: opts(8, 0, 1, '.'), src: '', want: '' },
  { name: '1a debug', options: opts(8, 0, 1, '.', { debug: true }), src: '', want: '' },
  { name: '2', options: opts(8, 0, 1, '.'), src: '\n\n\n', want: '\n\n\n' },
  { name: '3', options: opts(8, 0, 1, '.'), src: 'a\nb\nc', want: 'a\nb\nc' },
  { name: '4a', options: opts(8, 0, 1, '.'), src: '\t', want: '' },
  { name: '4b', options: opts(8, 0, 1, '.', { alignRight: true }), src: '\t', want: '' },
  { name: '5', options: opts(8, 0, 1, '.'), src: '*\t*', want: '*.......*' },
  { name: '5b', options: opts(8, 0, 1, '.'), src: '*\t*\n', want: '*.......*\n' },
  { name: '5c', options: opts(8, 0, 1, '.'), src: '*\t*\t', want: '*.......*' },
  { name: '5c debug', options: opts(8, 0, 1, '.', { debug: true }), src: '*\t*\t', want: '*.......|*' },
  { name: '5d', options: opts(8, 0, 1, '.', { alignRight: true }), src: '*\t*\t', want: '.......**' },
  { name: '6', options: opts(8, 0, 1, '.'), src: '\t\n', want: '........\n' },
  { name: '7a', options: opts(8, 0, 1, '.'), src: 'a) foo', want: 'a) foo' },
  { name: '7b', options: opts(8, 0, 1, ' '), src: 'b) foo\tbar', want: 'b) foo  bar' },
  { name: '7c', options: opts(8, 0, 1, '.'), src: 'c) foo\tbar\t', want: 'c) foo..bar' },
  { name: '7d', options: opts(8, 0, 1, '.'), src: 'd) foo\tbar\n', want: 'd) foo..bar\n' },
  { name: '7e', options: opts(8, 0, 1, '.'), src: 'e) foo\tbar\t\n', want: 'e) foo..bar.....\n' },
  { name: '8', options: opts(8, 0, 1, '*'), src: 'Hello, world!\n', want: 'Hello, world!\n' },
  {
    name: '9a',
    options: opts(1, 0, 0, '.'),
    src: '1\t2\t3\t4\n11\t222\t3333\t44444\n',
    want: '1.2..3...4\n11222333344444\n',
  },
  {
    name: '9c: a formfeed breaks the line and flushes',
    options: opts(1, 0, 0, '.'),
    src: '1\t2\t3\t4\f11\t222\t3333\t44444\n',
    want: '1234\n11222333344444\n',
  },
  {
    name: '9c debug',
    options: opts(1, 0, 0, '.', { debug: true }),
    src: '1\t2\t3\t4\f11\t222\t3333\t44444\n',
    want: '1|2|3|4\n---\n11|222|3333|44444\n',
  },
  { name: '10a', options: opts(5, 0, 0, '.'), src: '1\t2\t3\t4\n', want: '1....2....3....4\n' },
  { name: '10b', options: opts(5, 0, 0, '.'), src: '1\t2\t3\t4\t\n', want: '1....2....3....4....\n' },
  {
    name: '11: widths count runes, not bytes',
    options: opts(8, 0, 1, '.'),
    src: '本\tb\tc\naa\t本本本\tcccc\tddddd\naaa\tbbbb\n',
    want: '本.......b.......c\naa......本本本.....cccc....ddddd\naaa.....bbbb\n',
  },
  {
    name: '12a',
    options: opts(8, 0, 1, ' ', { alignRight: true }),
    src: 'a\tè\tc\t\naa\tèèè\tcccc\tddddd\t\naaa\tèèèè\t\n',
    want: '       a       è       c\n      aa     èèè    cccc   ddddd\n     aaa    èèèè\n',
  },
  {
    name: '12b',
    options: opts(2, 0, 0, ' '),
    src: 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n',
    want: 'a  b  c\naa bbbcccc\naaabbbb\n',
  },
  {
    name: '12c',
    options: opts(8, 0, 1, '_'),
    src: 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n',
    want: 'a_______b_______c\naa______bbb_____cccc\naaa_____bbbb\n',
  },
  {
    name: '13a',
    options: opts(4, 0, 1, '-'),
    src:
      '4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n' +
      '666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    want:
      '4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n' +
      '666666-666666-666666----4444\n1------1------999999999-0000000000\n',
  },
  {
    name: '13b',
    options: opts(4, 0, 3, '.'),
    src:
      '4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n' +
      '666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    want:
      '4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n' +
      '666666...666666...666666......4444\n1........1........999999999...0000000000\n',
  },
  {
    name: '14',
    options: opts(1, 0, 2, ' ', { alignRight: true }),
    src:
      '.0\t.3\t2.4\t-5.1\t\n23.0\t12345678.9\t2.4\t-989.4\t\n5.1\t12.0\t2.4\t-7.0\t\n' +
      '.0\t0.0\t332.0\t8908.0\t\n.0\t-.3\t456.4\t22.1\t\n.0\t1.2\t44.4\t-13.3\t\t',
    want:
      '    .0          .3    2.4    -5.1\n  23.0  12345678.9    2.4  -989.4\n   5.1        12.0    2.4    -7.0\n' +
      '    .0         0.0  332.0  8908.0\n    .0         -.3  456.4    22.1\n    .0         1.2   44.4   -13.3',
  },
  { name: '15a', options: opts(4, 0, 0, '.'), src: 'a\t\tb', want: 'a.......b' },
  {
    name: '15b: hard tabs are never discarded',
    options: opts(4, 0, 0, '.', { discardEmptyColumns: true }),
    src: 'a\t\tb',
    want: 'a.......b',
  },
  {
    name: '15c: empty soft-tab columns are discarded',
    options: opts(4, 0, 0, '.', { discardEmptyColumns: true }),
    src: 'a\v\vb',
    want: 'a...b',
  },
  {
    name: '15d',
    options: opts(4, 0, 0, '.', { alignRight: true, discardEmptyColumns: true }),
    src: 'a\v\vb',
    want: '...ab',
  },
  {
    name: '16a: padding with tabs',
    options: opts(100, 100, 0, '\t'),
    src: 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
    want: 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
  },
  {
    name: '16b debug',
    options: opts(100, 100, 0, '\t', { discardEmptyColumns: true, debug: true }),
    src: 'a\vb\v\vd\na\vb\v\vd\ve\na\na\vb\vc\vd\na\vb\vc\vd\ve\n',
    want: 'a\t|b\t||d\na\t|b\t||d\t|e\na\na\t|b\t|c\t|d\na\t|b\t|c\t|d\t|e\n',
  },
  {
    name: '16c debug: hard tabs keep empty columns',
    options: opts(100, 100, 0, '\t', { discardEmptyColumns: true, debug: true }),
    src: 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
    want: 'a\t|b\t|\t|d\na\t|b\t|\t|d\t|e\na\na\t|b\t|c\t|d\na\t|b\t|c\t|d\t|e\n',
  },
  // The package documentation's examples (example_test.go).
  {
    name: 'ExampleWriter_Init, tab-separated columns with a tab stop of 8',
    options: opts(0, 8, 0, '\t'),
    src: 'a\tb\tc\td\t.\n123\t12345\t1234567\t123456789\t.\n\n',
    want: 'a\tb\tc\td\t\t.\n123\t12345\t1234567\t123456789\t.\n\n',
  },
  {
    name: 'ExampleWriter_Init, right-aligned with minimal width 5',
    options: opts(5, 0, 1, ' ', { alignRight: true }),
    src: 'a\tb\tc\td\t.\n123\t12345\t1234567\t123456789\t.\n\n',
    want: '    a     b       c         d.\n  123 12345 1234567 123456789.\n\n',
  },
  {
    name: 'Example_elastic: the b and d cells belong to different columns',
    options: opts(0, 0, 1, '.', { alignRight: true, debug: true }),
    src: 'a\tb\tc\naa\tbb\tcc\naaa\t\naaaa\tdddd\teeee\n',
    want: '....a|..b|c\n...aa|.bb|cc\n..aaa|\n.aaaa|.dddd|eeee\n',
  },
  {
    name: 'Example_trailingTab: an unterminated last cell is not aligned',
    options: opts(0, 0, 3, '-', { alignRight: true, debug: true }),
    src: 'a\tb\taligned\t\naa\tbb\taligned\t\naaa\tbbb\tunaligned\naaaa\tbbbb\taligned\t\n',
    want: '------a|------b|---aligned|\n-----aa|-----bb|---aligned|\n----aaa|----bbb|unaligned\n---aaaa|---bbbb|---aligned|\n',
  },
]

describe('tabwriter, as Go text/tabwriter', () => {
  it.each(goTable)('$name (written at once)', ({ options, src, want }) => {
    expect(tabwrite(src, options)).toBe(want)
  })

  it.each(goTable)('$name (written character by character)', ({ options, src, want }) => {
    const w = createTabWriter(options)
    for (const ch of src) w.write(ch)
    w.flush()
    expect(w.output()).toBe(want)
  })

  it('kubectl describe settings: two spaces after the widest label; the last cell is not padded', () => {
    expect(tabwrite('Name:\tnginx\nNamespace:\tdefault\nIP:\t\n')).toBe(
      'Name:       nginx\nNamespace:  default\nIP:         \n',
    )
  })

  it('a line without a tab ends every column block', () => {
    expect(tabwrite('a:\t1\nlonger key:\t2\nSection:\n  b:\t3\n')).toBe(
      'a:           1\nlonger key:  2\nSection:\n  b:  3\n',
    )
  })

  it('rejects negative sizes', () => {
    expect(() => createTabWriter(opts(-1, 0, 0, ' '))).toThrow('negative minwidth, tabwidth, or padding')
  })
})

describe('RememberWidths (liggitt/tabwriter), as kubectl get -w uses it', () => {
  it('columns grow with a wider cell and never shrink after a flush', () => {
    const w = createTabWriter(GET_TABWRITER)
    w.write('NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nnginx\t0/1\tPending\t0\t0s\n')
    w.flush()
    w.write('nginx\t0/1\tContainerCreating\t0\t0s\n')
    w.flush()
    w.write('nginx\t1/1\tRunning\t0\t3s\n')
    w.flush()
    expect(w.output()).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\n' +
        'nginx   0/1     Pending   0          0s\n' +
        'nginx   0/1     ContainerCreating   0          0s\n' +
        'nginx   1/1     Running             0          3s\n',
    )
  })

  it('without the flag, every flush starts from fresh widths', () => {
    const w = createTabWriter({ ...GET_TABWRITER, rememberWidths: false })
    w.write('aaaaaaaaaa\tb\n')
    w.flush()
    w.write('a\tb\n')
    w.flush()
    expect(w.output()).toBe('aaaaaaaaaa   b\na     b\n')
  })
})
