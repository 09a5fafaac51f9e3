import type { HttpRoute } from '@app/testing';

/** What a refusal must look like (API.md "Conventions"). */
export type Refusal = { status: 400; field: string; code: string; onlyDetail: boolean } | { status: 413 };

/** One request a route must refuse without writing anything. */
export interface BadRequest {
  what: string;
  method: string;
  url: string;
  /** An object (sent as JSON) or raw JSON text. */
  body?: object | string;
  refusal: Refusal;
}

const MiB = 1024 * 1024;
const UUID_V7 = '0190c0de-0000-7000-8000-000000000001';
const WRITES = new Set(['POST', 'PUT', 'PATCH']);

const refused = (field: string, code: string, onlyDetail = true): Refusal => ({ status: 400, field, code, onlyDetail });

/** A path parameter named like an id gets a valid UUID, any other (`:index`, `:version`) `1`. */
const validParam = (name: string): string => (/id$/i.test(name) ? UUID_V7 : '1');

export function concretePath(route: HttpRoute, overrides: Record<string, string> = {}): string {
  return route.path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => overrides[name] ?? validParam(name));
}

/** `levels` objects `{"a": ...}` nested in each other, as JSON text (JSON.stringify would do it too, recursively). */
const deepObjectText = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const deepArrayText = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;

/** A JSON text of exactly `bytes` bytes whose `tail` holds U+0000 (ASCII only, so length = bytes). */
function bodyOfSize(bytes: number): string {
  const head = '{"tail":"\\u0000","blob":"';
  return `${head}${'x'.repeat(bytes - head.length - 2)}"}`;
}

function pathRequests(route: HttpRoute): BadRequest[] {
  return route.params.flatMap((param) => [
    {
      what: `U+0000 in :${param}`,
      method: route.method,
      url: concretePath(route, { [param]: 'a%00b' }),
      refusal: refused(param, 'NUL_CHARACTER'),
    },
    {
      // The only way a URL can carry an unpaired surrogate: its WTF-8 bytes, which are not UTF-8.
      what: `an unpaired surrogate (%ED%A0%80) in :${param}`,
      method: route.method,
      url: concretePath(route, { [param]: '%ED%A0%80' }),
      refusal: refused('path', 'MALFORMED_ENCODING'),
    },
  ]);
}

function queryRequests(route: HttpRoute, paged: boolean): BadRequest[] {
  const path = concretePath(route);
  const requests: BadRequest[] = [
    { what: 'U+0000 in a query value', method: route.method, url: `${path}?q=a%00b`, refusal: refused('q', 'NUL_CHARACTER') },
    { what: 'U+0000 in a query key', method: route.method, url: `${path}?a%00b=1`, refusal: refused('["a\\u0000b"]', 'NUL_CHARACTER') },
    { what: 'U+0000 in a repeated query key', method: route.method, url: `${path}?tag=ok&tag=%00`, refusal: refused('tag[1]', 'NUL_CHARACTER') },
  ];
  // Other fields of the list's query may be missing (e.g. the ledger's `subject`): page need not be the only detail.
  if (paged) requests.push({ what: 'page=1e21', method: route.method, url: `${path}?page=1e21`, refusal: refused('page', 'MAX', false) });
  return requests;
}

function bodyRequests(route: HttpRoute): BadRequest[] {
  if (!WRITES.has(route.method) && route.method !== 'ALL') return [];
  const method = route.method === 'ALL' ? 'POST' : route.method;
  const url = concretePath(route);
  const send = (what: string, body: object | string, refusal: Refusal): BadRequest => ({ what, method, url, body, refusal });
  const deep = Array(32).fill('a').join('.');
  return [
    send('U+0000 in a nested field', { patient: { nir: '1840375\u000012345690' } }, refused('patient.nir', 'NUL_CHARACTER')),
    send(
      'an unpaired surrogate in an array of objects',
      { overrides: [{ ruleId: 'R1', justification: 'because \ud800' }] },
      refused('overrides[0].justification', 'UNPAIRED_SURROGATE'),
    ),
    send('a lone low surrogate after valid pairs', { items: ['a', '😀', 'ok 🎉', 'd\udc00'] }, refused('items[3]', 'UNPAIRED_SURROGATE')),
    send('U+0000 in a key', { ['na\u0000me']: 'pump' }, refused('["na\\u0000me"]', 'NUL_CHARACTER')),
    send('objects nested 5,000 levels deep', deepObjectText(5_000), refused(deep, 'TOO_DEEP')),
    send('arrays nested 5,000 levels deep', deepArrayText(5_000), refused('[0]'.repeat(32), 'TOO_DEEP')),
    send('a body of exactly 1 MiB holding U+0000', bodyOfSize(MiB), refused('tail', 'NUL_CHARACTER')),
    send('a body of 1 MiB and 1 byte', bodyOfSize(MiB + 1), { status: 413 }),
  ];
}

/** Every bad input that applies to the route: path parameters, query, and the body of a write. */
export const badRequestsFor = (route: HttpRoute, paged: boolean): BadRequest[] => [
  ...pathRequests(route),
  ...queryRequests(route, paged),
  ...bodyRequests(route),
];
