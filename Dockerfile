# One image for every app of services.json: `APP` (build arg or runtime env)
# picks the service, scripts/platform/run-app.ts looks up its entry.
#   docker build -t connected-health .
#   docker run -e APP=gateway -p 3000:3000 connected-health
# TypeScript runs through @swc-node/register (as with `npm start`), so the
# image needs no build step and the `@app/*` path aliases resolve at runtime.

FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# Install scripts are not needed (SWC ships its binary as an optional
# dependency) and npm 10 in this image would otherwise run them.
RUN npm ci --no-audit --no-fund --ignore-scripts

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json .swcrc services.json ./
COPY apps ./apps
COPY libs ./libs
COPY scripts ./scripts
ARG APP=gateway
ENV APP=${APP}
# swc-node compiles on load and caches in /tmp: /app stays read-only for the app.
USER node
EXPOSE 3000
CMD ["node", "-r", "@swc-node/register", "scripts/platform/run-app.ts"]
