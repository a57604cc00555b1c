/**
 * Scenarios where the pods come from a Deployment: kube-controller-manager's deployment controller
 * makes a ReplicaSet, its replicaset controller makes the pods, and each pod then lives the life of
 * any other (issue 11). The scale and rolling-update scenarios start from a cluster that already runs
 * the Deployment (deployment-cluster.ts).
 */
import type { Scenario } from './scenarios'
import { DEPLOYMENT_CLUSTER } from './deployment-cluster'
import { DEFAULT_CLUSTER } from './default-scenario'

export const deployment = (
  replicas: number,
  image: string,
  options: { readonly labels?: string; readonly resources?: string; readonly extraSpec?: string } = {},
) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: ${replicas}
${options.extraSpec ?? ''}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: ${options.labels ?? 'web'}
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
${options.resources ?? ''}`

export const WORKLOAD_SCENARIOS: readonly Scenario[] = [
  {
    id: 'deployment',
    title: 'A Deployment of 3 replicas',
    lesson:
      'The deployment controller makes a ReplicaSet named after the pod template’s hash, the replicaset controller makes three pods, and the scheduler spreads them over the workers (PodTopologySpread’s default constraints).',
    manifest: deployment(3, 'nginx:1.27'),
  },
  {
    id: 'deployment-unfit',
    title: 'A Deployment whose pods cannot all fit',
    lesson:
      'The replicaset controller creates every pod it is asked for; the scheduler places the ones that fit and the rest stay Pending with FailedScheduling. The Deployment never becomes Available.',
    manifest: deployment(4, 'nginx:1.27', {
      resources: `        resources:
          requests:
            cpu: "1"
            memory: 256Mi
`,
    }),
  },
  {
    id: 'deployment-selector-mismatch',
    title: 'A Deployment whose selector does not match its pods (422)',
    lesson:
      'Validation refuses a Deployment whose selector would not select its own pods: nothing is stored and no controller ever sees it.',
    manifest: deployment(3, 'nginx:1.27', { labels: 'frontend' }),
  },
  {
    id: 'deployment-bad-image',
    title: 'A rollout stuck on an image that does not exist',
    lesson:
      'The pods never pull their image; after progressDeadlineSeconds without progress the deployment controller sets Progressing=False with ProgressDeadlineExceeded, which is what kubectl rollout status reports as a failure.',
    manifest: deployment(2, 'nginx:1.277', { extraSpec: '  progressDeadlineSeconds: 90\n' }),
  },
  {
    id: 'deployment-restricted-namespace',
    title: 'A Deployment in a namespace that enforces "restricted"',
    lesson:
      'PodSecurity only warns about a Deployment’s template (kubectl prints the Warning and creates it); it is the pods the replicaset controller then asks for that enforce refuses, so the ReplicaSet records FailedCreate again and again, backing off, and no pod ever exists.',
    manifest: deployment(2, 'nginx:1.27').replace('  name: web\n', '  name: web\n  namespace: secure\n'),
    cluster: `${DEFAULT_CLUSTER.trimEnd()}
---
apiVersion: v1
kind: Namespace
metadata:
  name: secure
  labels:
    pod-security.kubernetes.io/enforce: restricted
`,
  },
  {
    id: 'deployment-scale-down',
    title: 'Scaling a running Deployment from 3 to 1',
    lesson:
      'Applying replicas: 1 changes the Deployment; its controller scales the ReplicaSet down and the replicaset controller deletes two pods, choosing the ones doubled up on a node first.',
    manifest: deployment(1, 'nginx:1.27'),
    cluster: DEPLOYMENT_CLUSTER,
  },
  {
    id: 'deployment-rolling-update',
    title: 'A rolling update from nginx:1.27 to nginx:1.28',
    lesson:
      'A new template makes a new ReplicaSet; with maxSurge 1 and maxUnavailable 0 (25% of 3), one new pod starts, and only once it is ready does an old one go — until all three are new.',
    manifest: deployment(3, 'nginx:1.28'),
    cluster: DEPLOYMENT_CLUSTER,
  },
]
