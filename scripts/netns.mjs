// The loopback-only network namespace that the tests, the benches and `npm run publisher` run in.
//
// It holds `lo` and one bridge with no ports and the address 10.203.0.1/32: the backend publisher's
// WebRTC stack (pion) never offers loopback ICE candidates, so it offers that address, which the
// kernel delivers locally through `lo`. Nothing can leave the namespace.
import { spawnSync } from 'node:child_process';

/** Shell commands that bring up `lo` and the bridge inside a new namespace. */
export const NAMESPACE_SETUP = 'ip link set lo up && ip link add lkpion0 type bridge && ip addr add 10.203.0.1/32 dev lkpion0 && ip link set lkpion0 up';

/** `unshare`'s flags: a network namespace as root, else a user namespace with one. */
export function unshareFlags() {
  return process.getuid?.() === 0 ? ['-n'] : ['-rn'];
}

/** Whether this machine lets us make such a namespace (Linux, with unshare permitted). */
export function canUnshare() {
  return process.platform === 'linux' && spawnSync('unshare', [...unshareFlags(), 'true'], { stdio: 'ignore' }).status === 0;
}

/**
 * Runs `script` again with Node inside a new namespace (LKE_IN_NETNS=1 in its environment, with
 * `env` added) and waits for it; returns its exit code.
 */
export function rerunInNamespace(script, args = [], env = {}) {
  const inner = `${NAMESPACE_SETUP} && exec "${process.execPath}" "${script}" "$@"`;
  const child = spawnSync('unshare', [...unshareFlags(), 'sh', '-c', inner, 'sh', ...args], {
    stdio: 'inherit',
    env: { ...process.env, LKE_IN_NETNS: '1', ...env },
  });
  return child.status ?? 1;
}
