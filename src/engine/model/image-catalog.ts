/**
 * The default catalog of well-known public images a simulated registry holds,
 * with realistic compressed sizes (linux/amd64). A Registry object in the
 * cluster file adds to it; anything in neither does not exist, so a typo fails
 * to pull as it would against a real registry.
 */
export interface RegistryRepository {
  readonly name: string
  readonly private: boolean
  readonly tags: Readonly<Record<string, { readonly sizeBytes: number }>>
}

const MB = 1_000_000

function repo(name: string, tags: Record<string, number>): RegistryRepository {
  const t: Record<string, { sizeBytes: number }> = {}
  for (const [tag, mb] of Object.entries(tags)) t[tag] = { sizeBytes: Math.round(mb * MB) }
  return { name, private: false, tags: t }
}

export const DEFAULT_CATALOG: readonly RegistryRepository[] = [
  repo('docker.io/library/nginx', {
    latest: 72.2,
    '1.27': 72.4,
    '1.26': 71.3,
    '1.25': 70.5,
    alpine: 20.9,
    '1.27-alpine': 20.8,
  }),
  repo('docker.io/library/busybox', { latest: 2.2, '1.36': 2.2, '1.37': 2.2 }),
  repo('docker.io/library/alpine', { latest: 3.6, '3.20': 3.6, '3.19': 3.4 }),
  repo('docker.io/library/redis', { latest: 45.9, '7.4': 45.1, '7.2': 43.8 }),
  repo('docker.io/library/postgres', { latest: 158.2, '17': 158.2, '16': 155.6 }),
  repo('docker.io/library/httpd', { latest: 58.3, '2.4': 58.3 }),
  repo('docker.io/library/python', { latest: 381.4, '3.12': 377.2, '3.12-slim': 45.5 }),
  repo('docker.io/library/node', { latest: 396.5, '22': 396.5, '20': 382.1, '22-alpine': 53.3 }),
  repo('docker.io/library/ubuntu', { latest: 29.8, '24.04': 29.8, '22.04': 29.5 }),
  repo('docker.io/library/debian', { latest: 48.5, bookworm: 48.5 }),
  repo('docker.io/library/mysql', { latest: 170.4, '8.4': 170.4 }),
  // The memory-hog image of the Kubernetes docs ("Assign Memory Resources to Containers").
  repo('docker.io/polinux/stress', { latest: 4.6 }),
  repo('registry.k8s.io/pause', { '3.10': 0.32, '3.10.1': 0.32, '3.9': 0.32 }),
  repo('registry.k8s.io/e2e-test-images/agnhost', { '2.52': 52.1 }),
]
