/**
 * The kubeconfig's Go types (k8s.io/client-go/tools/clientcmd/api/v1/types.go), as far as kubectl
 * reads them. clientcmd's loader decodes the file into these with sigs.k8s.io/yaml (YAML to JSON, then
 * encoding/json), so a field of the wrong shape fails the load with encoding/json's message; kubectl
 * v1.32 prints, for a `current-context` that is a mapping:
 * `error: error loading config file "k.yaml": json: cannot unmarshal object into Go struct field Config.current-context of type string`
 * Upstream: client-go tools/clientcmd/loader.go (LoadFromFile: `error loading config file %q: %v`).
 */
import { any, bool, bytes, list, map, str, struct, type Shape } from '../model/go-json-shape'

const named = (name: string, field: string, shape: Shape) => list(struct(name, { name: str, [field]: shape }))
const extensions = named('NamedExtension', 'extension', any)

export const KUBECONFIG_SHAPE: Shape = struct('Config', {
  kind: str,
  apiVersion: str,
  preferences: struct('Preferences', { colors: bool, extensions }),
  clusters: named(
    'NamedCluster',
    'cluster',
    struct('Cluster', {
      server: str,
      'tls-server-name': str,
      'insecure-skip-tls-verify': bool,
      'certificate-authority': str,
      'certificate-authority-data': bytes,
      'proxy-url': str,
      'disable-compression': bool,
      extensions,
    }),
  ),
  users: named(
    'NamedAuthInfo',
    'user',
    struct('AuthInfo', {
      'client-certificate': str,
      'client-certificate-data': bytes,
      'client-key': str,
      'client-key-data': bytes,
      token: str,
      tokenFile: str,
      as: str,
      'as-uid': str,
      'as-groups': list(str),
      'as-user-extra': map(list(str)),
      username: str,
      password: str,
      'auth-provider': struct('AuthProviderConfig', { name: str, config: map(str) }),
      exec: struct('ExecConfig', {
        command: str,
        args: list(str),
        env: list(struct('ExecEnvVar', { name: str, value: str })),
        apiVersion: str,
        installHint: str,
        provideClusterInfo: bool,
        interactiveMode: str,
        // Podlife's stand-in for what the plugin prints (an ExecCredential).
        podlifeOutput: struct('ExecCredential', { status: struct('ExecCredentialStatus', { token: str }) }),
      }),
      extensions,
    }),
  ),
  contexts: named(
    'NamedContext',
    'context',
    struct('Context', { cluster: str, user: str, namespace: str, extensions }),
  ),
  'current-context': str,
  extensions,
})
