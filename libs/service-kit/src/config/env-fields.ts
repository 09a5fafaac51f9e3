import { z } from 'zod';

/**
 * Zod fields for environment variables (always strings or unset). Messages are
 * written to follow the variable's name: "KAFKA_BROKERS must be ...".
 */
const required = { error: (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : 'must be a string') };

export const envString = () => z.string(required);

export const envInteger = (min: number, max: number) =>
  z
    .string(required)
    .regex(/^\d+$/, { error: `must be an integer between ${min} and ${max}` })
    .transform(Number)
    .pipe(z.number().min(min, { error: `must be at least ${min}` }).max(max, { error: `must be at most ${max}` }));

export const envUrl = (protocols: string[]) =>
  z.string(required).refine((value) => hasProtocol(value, protocols), {
    error: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  });

export const envHex = (bytes: number) =>
  z
    .string(required)
    .regex(new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`), { error: `must be ${bytes * 2} hexadecimal characters` })
    .transform((value) => value.toLowerCase());

const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;

export const envHostPortList = () =>
  z.string(required).transform((value, ctx) => {
    const list = value.split(',').map((item) => item.trim()).filter(Boolean);
    const bad = list.find((item) => !HOST_PORT.test(item));
    if (list.length === 0 || bad !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a comma-separated list of host:port (e.g. 127.0.0.1:9092)${bad ? `; got "${bad}"` : ''}`,
      });
      return z.NEVER;
    }
    return list;
  });

function hasProtocol(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
