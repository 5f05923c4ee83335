# One image for every application process (api, worker, migrate, temporal-setup): docker-compose.yml
# picks the process with `command`. TypeScript runs through tsx (a runtime dependency), so there
# is no compile step and the code in the image is the code in the repository.

# Node 22 LTS, pinned to a release (the project supports Node >= 20.19; development machines may run 20).
ARG NODE_IMAGE=node:22.23.3-bookworm-slim

# --- build: production dependencies and the generated Prisma client ---------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=dev: prisma (the CLI) and tsx are dependencies; typescript, eslint and vitest are not needed.
RUN npm ci --omit=dev --no-audit --no-fund
COPY prisma.config.ts ./
COPY prisma ./prisma
# Prisma 7's CLI wants a schema engine even for `generate`, which does not use it: any executable
# satisfies the check, so the build does not depend on Prisma's binary download.
RUN PRISMA_SCHEMA_ENGINE_BINARY=/bin/true npx prisma generate

# --- web: the browser application, built into static files the API serves under /app/ --------
FROM ${NODE_IMAGE} AS web
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web ./web
RUN npm run build:web

# --- runtime ---------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
# Sources (what .dockerignore lets through), owned by root: the `node` user can read but not change them.
COPY . .
COPY --from=build /app/generated ./generated
COPY --from=web /app/web/dist ./web/dist
# The workflows bundled once, here: the worker starts without bundling them, and the API's replays
# run the same file (npm run build:workflows).
RUN node --import tsx bin/bundle-workflows.ts --out /app/workflow-bundle.js
ENV WORKFLOW_BUNDLE_PATH=/app/workflow-bundle.js
# The data folder (the keys made once: Temporal payload keys, the audit checkpoint key), writable
# by the `node` user; compose mounts one volume there for the API and the worker.
RUN mkdir -p /var/lib/caleol && chown node:node /var/lib/caleol
ENV DATA_DIR=/var/lib/caleol
USER node
EXPOSE 3000
# `node --import tsx` rather than `npx tsx`: node is PID 1 and gets SIGTERM itself (clean stop).
# No HEALTHCHECK here: the same image runs the api, the worker and one-shot jobs, each checked
# its own way (docker-compose.yml health checks, the Helm chart's probes).
CMD ["node", "--import", "tsx", "bin/api.ts"]
