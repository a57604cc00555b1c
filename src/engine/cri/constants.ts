/** containerd 2.1's default sandbox image (internal/cri/config/config.go DefaultSandboxImage). */
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10'
