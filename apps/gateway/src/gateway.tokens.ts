/** Nest injection tokens of the gateway. */
export const SERVICE_REGISTRY = Symbol('SERVICE_REGISTRY');
export const PROXY_TARGETS = Symbol('PROXY_TARGETS');
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
/** The services that answer a part of the patient's export (services.json `patientExport`). */
export const PATIENT_EXPORT_SOURCES = Symbol('PATIENT_EXPORT_SOURCES');
