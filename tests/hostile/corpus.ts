/**
 * Hostile inputs, generated rather than committed (several are megabytes). Each entry is a manifest,
 * and optionally a cluster file and a kubeconfig; src/cli/hostile-corpus.test.ts runs every one through
 * simulate() and the headless command's code path. `npx tsx tests/hostile/write-corpus.ts DIR` writes them out.
 */
export interface HostileInput {
  readonly name: string
  readonly manifest: string
  readonly cluster?: string
  readonly kubeconfig?: string
}

const pod = (extra = '', name = 'p') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: nginx\n${extra}`
const node = (extra: string) =>
  `apiVersion: v1\nkind: Node\nmetadata: {name: w1}\nspec: {podCIDR: 10.244.1.0/24}\nstatus:\n  capacity: {cpu: '4', memory: 8Gi, pods: '110'}\n  allocatable: {cpu: '4', memory: 8Gi, pods: '110'}\n${extra}`
const kubeconfig = (user: string, current = 'c') =>
  `apiVersion: v1\nkind: Config\ncurrent-context: ${current}\ncontexts:\n- name: c\n  context: {cluster: k, user: u}\nclusters:\n- name: k\n  cluster: {server: 'https://10.0.0.1:6443'}\nusers:\n- name: u\n  user: ${user}\n`

export function hostileCorpus(): HostileInput[] {
  const laughs = ['a: &a [x,x,x,x,x,x,x,x,x]']
  for (const [i, n] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries())
    laughs.push(`${n}: &${n} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)
  return [
    { name: 'billion laughs', manifest: `${laughs.join('\n')}\n` },
    {
      name: 'alias fan-out of ~1 MB',
      manifest: `${pod('    args: &x ["' + 'y'.repeat(10_000) + '"]\n')}    command: [${Array(100).fill('*x').join(',')}]\n`,
    },
    { name: 'flow nesting 100,000 deep', manifest: `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n` },
    { name: 'flow nesting 10,000 deep', manifest: `a: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n` },
    { name: 'block sequences 5,000 deep', manifest: `a:\n${'- '.repeat(5_000)}x\n` },
    {
      name: '1,200 documents',
      manifest: Array.from({ length: 1200 }, (_, i) => pod('', `p${i}`)).join('---\n'),
    },
    { name: 'a 1 MB image name', manifest: pod().replace('image: nginx', `image: ${'a'.repeat(1_000_000)}`) },
    {
      name: 'a 2.9 MB annotation',
      manifest: pod().replace('  name: p\n', `  name: p\n  annotations: {a: ${'x'.repeat(2_900_000)}}\n`),
    },
    { name: 'a 4 MB manifest', manifest: `${pod()}# ${'x'.repeat(4 * 1024 * 1024)}\n` },
    {
      name: 'a 200k-character quantity',
      manifest: pod(`    resources: {requests: {cpu: "${'1'.repeat(200_000)}!"}}\n`),
    },
    { name: 'a 200k-character name', manifest: pod('', 'a-'.repeat(100_000) + '!') },
    { name: '2 million spaces then a tab', manifest: `a: b\nc:${' '.repeat(2_000_000)}x\n\tx: 1\n` },
    { name: 'binary bytes', manifest: '\u0000\u0001\u0002\ufffd\u00ff\ud800' },
    {
      name: '__proto__ keys',
      manifest: pod('    __proto__: {polluted: true}\n').replace(
        '  name: p\n',
        '  name: p\n  __proto__: {polluted: true}\n',
      ),
    },
    {
      name: 'constructor.prototype keys',
      manifest: pod().replace(
        '  name: p\n',
        '  name: p\n  labels: {constructor: {prototype: {polluted: "1"}}}\n',
      ),
    },
    {
      name: 'a cluster with a garbage APIServer',
      manifest: pod(),
      cluster: `${node('')}---\napiVersion: podlife.dev/v1alpha1\nkind: APIServer\nmetadata: {name: x}\nauthorizationModes: 5\n`,
    },
    { name: 'a node whose images is a mapping', manifest: pod(), cluster: node('  images: {a: 1}\n') },
    {
      name: 'a binding whose subjects is a string',
      manifest: pod(),
      cluster: `${node('')}---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: b}\nsubjects: nope\nroleRef: {kind: ClusterRole, name: view}\n`,
    },
    {
      name: 'a cluster pod with a 6,000-deep array under spec',
      manifest: pod(),
      cluster: `${node('')}---\n${'{"apiVersion":"v1","kind":"Pod","metadata":{"name":"deep"},"spec":{"containers":[{"name":"c","image":"nginx"}],"x":' + '['.repeat(6000) + ']'.repeat(6000) + '}}'}\n`,
    },
    {
      name: 'a 6,000-deep JSON cluster',
      manifest: pod(),
      cluster: `{"apiVersion":"v1","kind":"List","items":${'['.repeat(6000)}${']'.repeat(6000)}}`,
    },
    {
      name: '12,000 cluster documents',
      manifest: pod(),
      cluster: Array(12_000).fill('a: 1\n').join('---\n'),
    },
    {
      name: 'a kubeconfig whose current-context is a mapping',
      manifest: pod(),
      kubeconfig: kubeconfig('{token: t}', '{a: 1}'),
    },
    {
      name: 'a kubeconfig whose token is a mapping',
      manifest: pod(),
      kubeconfig: kubeconfig('{token: {a: 1}}'),
    },
    {
      name: 'a kubeconfig whose password is a list',
      manifest: pod(),
      kubeconfig: kubeconfig('{username: u, password: [1]}'),
    },
    { name: 'a kubeconfig that is a list', manifest: pod(), kubeconfig: '- a\n- b\n' },
    {
      name: 'a kubeconfig with 40,000 PEM headers',
      manifest: pod(),
      kubeconfig: kubeconfig(
        `{client-certificate-data: ${btoa('-----BEGIN CERTIFICATE-----'.repeat(40_000))}}`,
      ),
    },
    {
      name: 'a kubeconfig nested 100,000 deep',
      manifest: pod(),
      kubeconfig: `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
    },
  ]
}
