/**
 * Preloaded by the npm scripts meant for this machine (`npm start`, migrate,
 * token, the CLIs and benches): they run in development unless NODE_ENV says
 * otherwise. A service started any other way with no NODE_ENV is in
 * production, so forgetting it never lets the public development secrets in.
 * Jest sets NODE_ENV=test itself.
 */
if (!process.env.NODE_ENV) process.env.NODE_ENV = 'development';
