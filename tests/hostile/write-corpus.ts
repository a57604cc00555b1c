/**
 * Writes the hostile corpus out, for the end-to-end test that pastes it into the page and for anyone
 * who wants to try an input by hand: `npx tsx tests/hostile/write-corpus.ts DIR` makes one file per
 * manifest, cluster file and kubeconfig, and DIR/index.json naming them.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { hostileCorpus } from './corpus'

const dir = process.argv[2]
if (!dir) throw new Error('usage: npx tsx tests/hostile/write-corpus.ts DIR')
mkdirSync(dir, { recursive: true })
const index = hostileCorpus().map((input, i) => {
  const file = (what: string, text: string | undefined) => {
    if (text === undefined) return undefined
    const name = `${String(i).padStart(2, '0')}-${what}.yaml`
    writeFileSync(join(dir, name), text)
    return name
  }
  return {
    name: input.name,
    manifest: file('manifest', input.manifest),
    cluster: file('cluster', input.cluster),
    kubeconfig: file('kubeconfig', input.kubeconfig),
  }
})
writeFileSync(join(dir, 'index.json'), JSON.stringify(index, null, 2))
