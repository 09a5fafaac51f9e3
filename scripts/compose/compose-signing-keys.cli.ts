/**
 * The one-shot `signing-keys` of docker-compose.yml (run as root: the fresh
 * volumes are root's; it hands the copies to the `node` user of the image).
 */
import { loadServiceRegistry } from '../../apps/gateway/src/registry';
import { KEYS_OUT_ROOT, KEYS_STORE } from './compose-keys';
import { distributeKeys } from './compose-signing-keys';

const NODE_USER = 1000;

distributeKeys(loadServiceRegistry(), {
  store: KEYS_STORE,
  outRoot: KEYS_OUT_ROOT,
  uid: NODE_USER,
  gid: NODE_USER,
  clockOffset: process.env.CLOCK_OFFSET,
})
  .then((given) => {
    for (const [service, files] of given) console.log(`[signing-keys] ${service}: ${files.join(', ')}`);
  })
  .catch((error: unknown) => {
    console.error(`[signing-keys] ${(error as Error).message}`);
    process.exit(1);
  });
