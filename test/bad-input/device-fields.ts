/** A conform `POST /v1/devices` body as API.md describes it, from the vendor whose SIRET it names. */
export const VENDOR_SIRET = '73282932000074';
export const deviceBody = () => ({
  name: 'CardioWatch 😀',
  model: 'CW-2',
  udiDi: '03760123450010',
  manufacturer: { siret: VENDOR_SIRET, name: 'Cardio SAS' },
  ceClass: 'IIa',
  notifiedBodyCertificate: 'NB-0459-2026-001',
  indications: ['HEART_FAILURE'],
  connectivity: ['CELLULAR_4G', 'WIFI'],
  dataHosting: { storage: 'HDS_CLOUD', hdsCertificateId: 'HDS-2025-77' },
  security: { etsiEn303645: true, penTestReportRef: 'PT-9' },
  fhirProfiles: ['https://interop.esante.gouv.fr/ig/fhir/tddui'],
});

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** One copy of `body` with one thing spoiled, and the field a refusal must name. */
export interface SpoiledBody {
  field: string;
  body: Json;
}

const join = (parent: string, key: string | number): string => (typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key);

/** Copies of `body` where one string value goes through `spoil`: every string field, array items included. */
export function spoiledValues(body: Json, spoil: (text: string) => string, path = ''): SpoiledBody[] {
  if (typeof body === 'string') return [{ field: path, body: spoil(body) }];
  if (Array.isArray(body)) {
    return body.flatMap((item, i) =>
      spoiledValues(item, spoil, join(path, i)).map(({ field, body: spoiled }) => ({ field, body: body.map((x, j) => (j === i ? spoiled : x)) })),
    );
  }
  if (body === null || typeof body !== 'object') return [];
  return Object.entries(body).flatMap(([key, item]) =>
    spoiledValues(item, spoil, join(path, key)).map(({ field, body: spoiled }) => ({ field, body: { ...body, [key]: spoiled } })),
  );
}

/** Copies of `body` where one key, at any level, has U+0000 appended; the field is that key, quoted as the details quote it. */
export function spoiledKeys(body: Json, path = ''): SpoiledBody[] {
  if (Array.isArray(body)) {
    return body.flatMap((item, i) =>
      spoiledKeys(item, join(path, i)).map(({ field, body: spoiled }) => ({ field, body: body.map((x, j) => (j === i ? spoiled : x)) })),
    );
  }
  if (body === null || typeof body !== 'object') return [];
  return Object.entries(body).flatMap(([key, item]) => [
    { field: `${path}["${key}\\u0000"]`, body: Object.fromEntries(Object.entries(body).map(([k, v]) => [k === key ? `${k}\u0000` : k, v])) },
    ...spoiledKeys(item, join(path, key)).map(({ field, body: spoiled }) => ({ field, body: { ...body, [key]: spoiled } })),
  ]);
}
