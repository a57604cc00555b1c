/**
 * Who runs the kubectl command: kubeadm's admin, a developer with no
 * permissions yet, or nobody at all (no credentials, so the apiserver treats
 * the request as system:anonymous). Each is a kubeconfig for the default cluster.
 */
import { DEFAULT_KUBECONFIG } from './default-scenario'

export interface Identity {
  readonly id: 'admin' | 'jane' | 'anonymous'
  readonly title: string
  readonly kubeconfig: string
}

const CA =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJnVENDQVNlZ0F3SUJBZ0lVYUsxM3FTcktqS1pFZC9hcVBDT3FsL3lQOERBd0NnWUlLb1pJemowRUF3SXcKRlRFVE1CRUdBMVVFQXd3S2EzVmlaWEp1WlhSbGN6QWdGdzB5TmpFeE1qY3dNelF3TkRoYUdBOHlNVEkyTVRFdwpNekF6TkRBME9Gb3dGVEVUTUJFR0ExVUVBd3dLYTNWaVpYSnVaWFJsY3pCWk1CTUdCeXFHU000OUFnRUdDQ3FHClNNNDlBd0VIQTBJQUJPcmdpRXBmYUIyenZrRFdlSmx4SW5OdGZnUkFrVUNaMU1HTXdPMnJFb3dUYWhCemtwYjQKUDh0cXhwWUpsUm1XaTZCazd2a3hjN1RCMHVjYXI5elVtYm1qVXpCUk1CMEdBMVVkRGdRV0JCUXpBaEFkRGxZNwoyand6Q29TKzRoa3UrOGE1RGpBZkJnTlZIU01FR0RBV2dCUXpBaEFkRGxZNzJqd3pDb1MrNGhrdSs4YTVEakFQCkJnTlZIUk1CQWY4RUJUQURBUUgvTUFvR0NDcUdTTTQ5QkFNQ0EwZ0FNRVVDSUdtdzM0WW5pSDZVT3pUTnJoZlYKYWtSUzM5RU4wRFJ2dzJHamczWjJJd0Z3QWlFQTFQeDFOaXlYaWdhbDN0UjFZWWQwMC9TVWpWTVg4V3dCZjFGVAplMWZEVjNBPQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg=='

const kubeconfig = (user: string, credentials: string) => `apiVersion: v1
kind: Config
clusters:
- name: kubernetes
  cluster:
    server: https://192.168.56.10:6443
    certificate-authority-data: ${CA}
contexts:
- name: ${user}@kubernetes
  context:
    cluster: kubernetes
    user: ${user}
current-context: ${user}@kubernetes
users:
- name: ${user}
  user:${credentials}
`

export const IDENTITIES: readonly Identity[] = [
  { id: 'admin', title: 'kubernetes-admin (cluster-admin)', kubeconfig: DEFAULT_KUBECONFIG },
  {
    id: 'jane',
    title: 'jane (group developers, no RBAC bindings)',
    // A real client certificate signed by the cluster CA: CN=jane, O=developers.
    kubeconfig: kubeconfig(
      'jane',
      `
    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJOakNCM0FJVUxkS1FoYklkeDRxTFh4M1AvUE1wVTlIbGUwUXdDZ1lJS29aSXpqMEVBd0l3RlRFVE1CRUcKQTFVRUF3d0thM1ZpWlhKdVpYUmxjekFnRncweU5qRXhNamN3TlRBeE1qaGFHQTh5TVRJMk1URXdNekExTURFeQpPRm93SkRFVE1CRUdBMVVFQ2d3S1pHVjJaV3h2Y0dWeWN6RU5NQXNHQTFVRUF3d0VhbUZ1WlRCWk1CTUdCeXFHClNNNDlBZ0VHQ0NxR1NNNDlBd0VIQTBJQUJHZjFQVEljRk9PNTU4dFY0MGN5VHBxQ0lRczRYVXNaTEZFM3dLQmIKTXEvN29mOUFNYlNKWGZ4Z1Yvci84d2MvLzVjd0xUM21rbjhQZWNEREQ0TDFFZkl3Q2dZSUtvWkl6ajBFQXdJRApTUUF3UmdJaEFLbTk0MXh3a040aXROcUNNb2NzbmIvT2lQVWM5eDZKcml4cXFJTGlvOGhyQWlFQXJFQWZDQ2wwCi9RblJWWWIwOXp1dXo3RjFPdDlIRnVSR0xPTnoxbWVQR2NzPQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==
    client-key-data: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZ09YcVZWa0xDWitlbERxYmMKcW50aGsxVFp3OVcxU1FQMXNQNWxIa0E5K0QyaFJBTkNBQVJuOVQweUhCVGp1ZWZMVmVOSE1rNmFnaUVMT0YxTApHU3hSTjhDZ1d6S3YrNkgvUURHMGlWMzhZRmY2Ly9NSFAvK1hNQzA5NXBKL0QzbkF3dytDOVJIeQotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==`,
    ),
  },
  { id: 'anonymous', title: 'no credentials (system:anonymous)', kubeconfig: kubeconfig('nobody', ' {}') },
]
