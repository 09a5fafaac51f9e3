export * from './is-nir.validator';
export * from './is-siret.validator';
export * from './is-rpps.validator';
export * from './is-lpp-code.validator';
export * from './is-udi-di.validator';
