import type { CeClass, Connectivity, DataStorage, DeviceProduct, DeviceView, IndicationCode } from '../../devices/device-view';

/**
 * What the register and edit forms hold: every input as typed (strings,
 * ticked codes), the empty string for "not chosen". The API is the judge of
 * what is valid; the form only shapes the body, so a 400 names the field.
 */
export interface ProductForm {
  name: string;
  model: string;
  udiDi: string;
  manufacturerSiret: string;
  manufacturerName: string;
  ceClass: CeClass | '';
  notifiedBodyCertificate: string;
  indications: IndicationCode[];
  connectivity: Connectivity[];
  storage: DataStorage | '';
  hdsCertificateId: string;
  etsiEn303645: boolean;
  penTestReportRef: string;
  /** Another company operates the device and is paid the technical fee; unticked, the manufacturer is. */
  hasExploitant: boolean;
  exploitantSiret: string;
  exploitantName: string;
  /** Not edited on screen, but kept: a PUT replaces the whole declaration. */
  fhirProfiles: string[];
}

/** A new product's form: the manufacturer's SIRET is the signed-in vendor's org (the API refuses any other). */
export const emptyProductForm = (siret = ''): ProductForm => ({
  name: '',
  model: '',
  udiDi: '',
  manufacturerSiret: siret,
  manufacturerName: '',
  ceClass: '',
  notifiedBodyCertificate: '',
  indications: [],
  connectivity: [],
  storage: '',
  hdsCertificateId: '',
  etsiEn303645: false,
  penTestReportRef: '',
  hasExploitant: false,
  exploitantSiret: '',
  exploitantName: '',
  fhirProfiles: [],
});

/** The form of a product already declared, to edit it. */
export const productFormOf = (device: DeviceView): ProductForm => ({
  name: device.name,
  model: device.model,
  udiDi: device.udiDi,
  manufacturerSiret: device.manufacturer.siret,
  manufacturerName: device.manufacturer.name,
  ceClass: device.ceClass,
  notifiedBodyCertificate: device.notifiedBodyCertificate ?? '',
  indications: [...device.indications],
  connectivity: [...device.connectivity],
  storage: device.dataHosting.storage,
  hdsCertificateId: device.dataHosting.hdsCertificateId ?? '',
  etsiEn303645: device.security.etsiEn303645,
  penTestReportRef: device.security.penTestReportRef ?? '',
  // The API fills in the manufacturer as the default exploitant: only another company is one the vendor named.
  hasExploitant: device.exploitant !== undefined && device.exploitant.siret !== device.manufacturer.siret,
  exploitantSiret: device.exploitant?.siret ?? '',
  exploitantName: device.exploitant?.name ?? '',
  fhirProfiles: [...(device.fhirProfiles ?? [])],
});

/**
 * The `POST /v1/devices` / `PUT /v1/devices/:id` body of a form. Texts are
 * trimmed; an optional text left blank is left out (the API refuses an
 * empty one); a choice not made is left out, so the API names it as missing.
 */
export function productBody(form: ProductForm): Partial<DeviceProduct> {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const body: Record<string, unknown> = {
    name: form.name.trim(),
    model: form.model.trim(),
    udiDi: form.udiDi.trim(),
    manufacturer: { siret: compact(form.manufacturerSiret), name: form.manufacturerName.trim() },
    ceClass: form.ceClass || undefined,
    notifiedBodyCertificate: optional(form.notifiedBodyCertificate),
    indications: form.indications,
    connectivity: form.connectivity,
    dataHosting: { storage: form.storage || undefined, hdsCertificateId: optional(form.hdsCertificateId) },
    security: { etsiEn303645: form.etsiEn303645, penTestReportRef: optional(form.penTestReportRef) },
    fhirProfiles: form.fhirProfiles.length > 0 ? form.fhirProfiles : undefined,
    exploitant: form.hasExploitant ? { siret: compact(form.exploitantSiret), name: form.exploitantName.trim() } : undefined,
  };
  return withoutUndefined(body) as Partial<DeviceProduct>;
}

/** A SIRET is often written in groups ("732 829 320 00074"): the API takes its 14 digits. */
const compact = (siret: string): string => siret.replace(/\s+/g, '');

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .map(([key, inner]) => [key, inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? withoutUndefined(inner as Record<string, unknown>) : inner]),
  );
}
