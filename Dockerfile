# One image for every app of services.json: `APP` (runtime env, or the build arg
# for its default) picks the service, scripts/platform/run-app.ts looks up its entry.
#   docker build -t connected-health .
#   docker run -e APP=gateway -p 3000:3000 connected-health
# docker-compose.yml runs every service (and migrate, kafka-setup, signing-keys)
# from this one image with a command and APP of its own.
# TypeScript runs through @swc-node/register (as with `npm start`), so the image
# needs no build step and the `@app/*` path aliases resolve at runtime (tsconfig.json);
# only the web console, a browser bundle, is built (Vite).

FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# Not --omit=dev: @swc-node/register and @swc/core, which run the TypeScript, are
# devDependencies. Install scripts are not needed (SWC ships its binary as an
# optional dependency for the platform) and npm 10 would otherwise run them.
RUN npm ci --no-audit --no-fund --ignore-scripts

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json .swcrc services.json ./
COPY apps ./apps
COPY libs ./libs
COPY scripts ./scripts
# The web console the gateway serves at `/` (apps/console/dist): a static bundle, built once here.
RUN node_modules/.bin/vite build --config apps/console/vite.config.mts --logLevel warn
# The ledger's development tree-head key (LEDGER_SIGNING_KEY unset, never in
# production) is kept here; compose mounts a volume, which takes this owner.
RUN mkdir -p /home/node/.cache/connected-health && chown -R node:node /home/node/.cache
ARG APP=gateway
ENV APP=${APP}
# swc-node compiles on load and caches in /tmp: /app stays read-only for the app.
USER node
EXPOSE 3000
CMD ["node", "-r", "@swc-node/register", "scripts/platform/run-app.ts"]
