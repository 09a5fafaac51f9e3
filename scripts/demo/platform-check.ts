/** Why the demo cannot go on: printed as it is, then the demo exits 1. */
export class DemoStop extends Error {}

const READY_WAIT_MS = 90_000;

function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}

/**
 * That a platform answers at the gateway and is ready (`GET /health/ready`),
 * waiting a while for one still starting; otherwise says what to run.
 */
export async function ensurePlatformReady(gatewayUrl: string, say: (line: string) => void, waitMs = READY_WAIT_MS): Promise<void> {
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    let status: number;
    try {
      status = (await fetch(`${gatewayUrl}/health/ready`, { signal: AbortSignal.timeout(5_000) })).status;
    } catch (error) {
      throw new DemoStop(
        [
          `The platform does not answer at ${gatewayUrl} (${reason(error)}).`,
          'Start it in another terminal with `npm start`, wait until it prints "The platform is up", then run `npm run demo` again.',
          '(Another gateway: `npm run demo -- --gateway http://host:port`, or GATEWAY_URL.)',
        ].join('\n'),
      );
    }
    if (status === 200) return;
    if (Date.now() > deadline) {
      throw new DemoStop(
        `The platform at ${gatewayUrl} answers but is not ready (GET /health/ready: ${status}) after ${waitMs / 1000} s: look at the output of \`npm start\` for a service that is down, or restart it.`,
      );
    }
    if (!told) say(`The platform at ${gatewayUrl} is not ready yet (GET /health/ready: ${status}): waiting up to ${waitMs / 1000} s...`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
