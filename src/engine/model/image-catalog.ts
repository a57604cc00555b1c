/**
 * The default catalog of well-known public images a simulated registry holds: one table, each
 * image with its realistic compressed sizes (linux/amd64), its image config's `User`, and what the
 * image holds (ENTRYPOINT, CMD, the programs on its PATH) for kubelet/container-behaviour.ts.
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

/** What a catalog image runs and holds: its config's ENTRYPOINT and CMD, and the programs inside. */
export interface ImageDefaults {
  readonly entrypoint: readonly string[]
  readonly cmd: readonly string[]
  /** Binaries the image has on its PATH that a `command` may name (besides the shell built-ins). */
  readonly binaries: readonly string[]
  /** Server programs of the image and the ports they listen on by default. */
  readonly servers: Readonly<Record<string, readonly number[]>>
  /** Environment variables one of which must be set, or the entrypoint exits 1 (postgres, mysql). */
  readonly requiresEnv?: readonly string[]
  /** What the entrypoint prints when requiresEnv is not met (docker-library entrypoints). */
  readonly requiresEnvError?: string
  /**
   * Server programs that cannot start as a non-root user, with the error they print before they exit 1
   * (nginx creates its temp directories under the root-owned /var/cache/nginx).
   */
  readonly rootOnly?: { readonly programs: readonly string[]; readonly error: string }
}

/** The busybox-style tools every catalog image with a shell has. */
export const SHELL_TOOLS: readonly string[] = [
  'sh',
  'echo',
  'sleep',
  'true',
  'false',
  'cat',
  'tail',
  'ls',
  'env',
  'date',
  'printf',
  'test',
  'wget',
]

interface CatalogImage {
  readonly name: string
  /** Tag → compressed size in MB. */
  readonly tags: Readonly<Record<string, number>>
  readonly user?: string
  readonly defaults: ImageDefaults
}

/** A shell image without a server: the tools, maybe bash, and its CMD. */
const shellImage = (cmd: string, extra: readonly string[] = []): ImageDefaults => ({
  entrypoint: [],
  cmd: [cmd],
  binaries: [...SHELL_TOOLS, ...extra],
  servers: {},
})

/**
 * Users, from each image's Dockerfile (what `docker inspect -f '{{.Config.User}}'` prints):
 * - the docker-library images (nginx, busybox, alpine, redis, postgres, httpd, python, node, ubuntu,
 *   debian, mysql; github.com/docker-library/<name> and nginx/docker-nginx) have no USER: "" (root).
 *   redis, postgres and mysql start as root and drop to their own user in docker-entrypoint.sh (gosu);
 *   node has a `node` user but does not switch to it; nginx and httpd workers drop privileges themselves.
 * - polinux/stress (an alpine image with stress added) has no USER: "".
 * - registry.k8s.io/pause: `USER 65535:65535` (kubernetes/kubernetes build/pause/Dockerfile, since 3.5).
 * - registry.k8s.io/e2e-test-images/agnhost: no USER (kubernetes/kubernetes test/images/agnhost/Dockerfile): "".
 * ENTRYPOINT and CMD are the docker-library Dockerfiles' (linux/amd64).
 */
const CATALOG: readonly CatalogImage[] = [
  {
    name: 'docker.io/library/nginx',
    tags: {
      latest: 72.2,
      '1.29': 73.1,
      '1.28': 72.9,
      '1.27': 72.4,
      '1.26': 71.3,
      '1.25': 70.5,
      alpine: 20.9,
      '1.27-alpine': 20.8,
    },
    defaults: {
      entrypoint: ['/docker-entrypoint.sh'],
      cmd: ['nginx', '-g', 'daemon off;'],
      binaries: [...SHELL_TOOLS, 'bash', 'nginx', 'curl'],
      servers: { nginx: [80] },
      // The classic failure of the official image under a non-root runAsUser: the nginx-unprivileged
      // image exists for this (nginxinc/docker-nginx-unprivileged moves the temp paths to /tmp).
      rootOnly: {
        programs: ['nginx'],
        error: 'nginx: [emerg] mkdir() "/var/cache/nginx/client_temp" failed (13: Permission denied)',
      },
    },
  },
  {
    name: 'docker.io/library/busybox',
    tags: { latest: 2.2, '1.36': 2.2, '1.37': 2.2 },
    defaults: { entrypoint: [], cmd: ['sh'], binaries: SHELL_TOOLS, servers: { httpd: [80] } },
  },
  {
    name: 'docker.io/library/alpine',
    tags: { latest: 3.6, '3.20': 3.6, '3.19': 3.4 },
    defaults: shellImage('/bin/sh'),
  },
  {
    name: 'docker.io/library/redis',
    tags: { latest: 45.9, '7.4': 45.1, '7.2': 43.8 },
    defaults: {
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['redis-server'],
      binaries: [...SHELL_TOOLS, 'bash', 'redis-server', 'redis-cli'],
      servers: { 'redis-server': [6379] },
    },
  },
  {
    name: 'docker.io/library/postgres',
    tags: { latest: 158.2, '17': 158.2, '16': 155.6 },
    defaults: {
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['postgres'],
      binaries: [...SHELL_TOOLS, 'bash', 'postgres', 'psql', 'pg_isready'],
      servers: { postgres: [5432] },
      requiresEnv: ['POSTGRES_PASSWORD', 'POSTGRES_HOST_AUTH_METHOD'],
      requiresEnvError: 'Error: Database is uninitialized and superuser password is not specified.',
    },
  },
  {
    name: 'docker.io/library/httpd',
    tags: { latest: 58.3, '2.4': 58.3 },
    defaults: {
      entrypoint: [],
      cmd: ['httpd-foreground'],
      binaries: [...SHELL_TOOLS, 'bash', 'httpd-foreground', 'httpd'],
      servers: { 'httpd-foreground': [80], httpd: [80] },
    },
  },
  {
    name: 'docker.io/library/python',
    tags: { latest: 381.4, '3.12': 377.2, '3.12-slim': 45.5 },
    defaults: shellImage('python3', ['bash', 'python', 'python3', 'pip']),
  },
  {
    name: 'docker.io/library/node',
    tags: { latest: 396.5, '22': 396.5, '20': 382.1, '22-alpine': 53.3 },
    defaults: { ...shellImage('node', ['bash', 'node', 'npm']), entrypoint: ['docker-entrypoint.sh'] },
  },
  {
    name: 'docker.io/library/ubuntu',
    tags: { latest: 29.8, '24.04': 29.8, '22.04': 29.5 },
    defaults: shellImage('/bin/bash', ['bash']),
  },
  {
    name: 'docker.io/library/debian',
    tags: { latest: 48.5, bookworm: 48.5 },
    defaults: shellImage('bash', ['bash']),
  },
  {
    name: 'docker.io/library/mysql',
    tags: { latest: 170.4, '8.4': 170.4 },
    defaults: {
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['mysqld'],
      binaries: [...SHELL_TOOLS, 'bash', 'mysqld', 'mysql'],
      servers: { mysqld: [3306] },
      requiresEnv: ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'],
      requiresEnvError: 'error: database is uninitialized and password option is not specified',
    },
  },
  // The memory-hog image of the Kubernetes docs ("Assign Memory Resources to Containers").
  { name: 'docker.io/polinux/stress', tags: { latest: 4.6 }, defaults: shellImage('stress', ['stress']) },
  {
    name: 'registry.k8s.io/pause',
    tags: { '3.10': 0.32, '3.10.1': 0.32, '3.9': 0.32 },
    user: '65535:65535',
    defaults: { entrypoint: ['/pause'], cmd: [], binaries: ['/pause'], servers: {} },
  },
  {
    name: 'registry.k8s.io/e2e-test-images/agnhost',
    tags: { '2.52': 52.1 },
    defaults: { entrypoint: ['/agnhost'], cmd: [], binaries: [...SHELL_TOOLS, '/agnhost'], servers: {} },
  },
]

const MB = 1_000_000

function repository(image: CatalogImage): RegistryRepository {
  const tags: Record<string, RegistryImage> = {}
  for (const [tag, mb] of Object.entries(image.tags))
    tags[tag] = { sizeBytes: Math.round(mb * MB), ...(image.user ? { user: image.user } : {}) }
  return { name: image.name, private: false, tags }
}

export const DEFAULT_CATALOG: readonly RegistryRepository[] = CATALOG.map(repository)

const DEFAULTS_BY_NAME: ReadonlyMap<string, ImageDefaults> = new Map(CATALOG.map((i) => [i.name, i.defaults]))

/** The ENTRYPOINT, CMD and programs of a catalog repository (normalised name), or undefined for others. */
export function catalogImageDefaults(repository: string): ImageDefaults | undefined {
  return DEFAULTS_BY_NAME.get(repository)
}
