/**
 * The default catalog of well-known public images a simulated registry holds,
 * with realistic compressed sizes (linux/amd64) and each image config's `User`.
 * A Registry object in the cluster file adds to it; anything in neither does not
 * exist, so a typo fails to pull as it would against a real registry.
 */
export interface RegistryImage {
  readonly sizeBytes: number
  /**
   * The image config's `User` (OCI image-spec config.User: `uid`, `name`, `uid:gid`, `name:group`).
   * Absent or "" means the Dockerfile has no USER, so the process runs as root. containerd reports it in
   * ImageStatus as a uid or a username (internal/cri/server/images/image_status.go getUserFromImage).
   */
  readonly user?: string
}

export interface RegistryRepository {
  readonly name: string
  readonly private: boolean
  readonly tags: Readonly<Record<string, RegistryImage>>
}

const MB = 1_000_000

function repo(name: string, tags: Record<string, number>, user = ''): RegistryRepository {
  const t: Record<string, RegistryImage> = {}
  for (const [tag, mb] of Object.entries(tags))
    t[tag] = { sizeBytes: Math.round(mb * MB), ...(user ? { user } : {}) }
  return { name, private: false, tags: t }
}

/**
 * Users, from each image's Dockerfile (what `docker inspect -f '{{.Config.User}}'` prints):
 * - the docker-library images (nginx, busybox, alpine, redis, postgres, httpd, python, node, ubuntu,
 *   debian, mysql; github.com/docker-library/<name> and nginx/docker-nginx) have no USER: "" (root).
 *   redis, postgres and mysql start as root and drop to their own user in docker-entrypoint.sh (gosu);
 *   node has a `node` user but does not switch to it; nginx and httpd workers drop privileges themselves.
 * - polinux/stress (an alpine image with stress added) has no USER: "".
 * - registry.k8s.io/pause: `USER 65535:65535` (kubernetes/kubernetes build/pause/Dockerfile, since 3.5).
 * - registry.k8s.io/e2e-test-images/agnhost: no USER (kubernetes/kubernetes test/images/agnhost/Dockerfile): "".
 */
export const DEFAULT_CATALOG: readonly RegistryRepository[] = [
  repo('docker.io/library/nginx', {
    latest: 72.2,
    '1.29': 73.1,
    '1.28': 72.9,
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
  repo('registry.k8s.io/pause', { '3.10': 0.32, '3.10.1': 0.32, '3.9': 0.32 }, '65535:65535'),
  repo('registry.k8s.io/e2e-test-images/agnhost', { '2.52': 52.1 }),
]
