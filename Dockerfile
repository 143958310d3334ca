# The Tierwise API image, with the console it serves at /: docker compose up (see docker-compose.yml), or
#   docker build -t tierwise-api . && docker run -p 3000:3000 tierwise-api
# Built from the repository root: the api depends on the packages/policy workspace,
# and the console (apps/admin, built by Vite) is served by the api from apps/admin/dist.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV TURBO_TELEMETRY_DISABLED=1
COPY package.json package-lock.json turbo.json tsconfig.base.json ./
COPY packages ./packages
COPY apps ./apps
# npm ci fails on registries that lack other platforms' optional binaries;
# npm install keeps to the lockfile. Scripts are skipped (the root postinstall
# would build every workspace); the api, the console and what they depend on are built next.
RUN npm install --no-audit --no-fund --ignore-scripts \
 && npx turbo run build --filter=@tierwise/api... --filter=@tierwise/admin... \
 && npm prune --omit=dev --no-audit --no-fund --ignore-scripts

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    TIERWISE_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/packages/policy/package.json ./packages/policy/
COPY --from=build /app/packages/policy/dist ./packages/policy/dist
COPY --from=build /app/packages/policy/schema ./packages/policy/schema
COPY --from=build /app/apps/api/package.json ./apps/api/
COPY --from=build /app/apps/api/dist ./apps/api/dist
# Static files only (the api finds them at ../../admin/dist from apps/api/dist); none of the console's packages.
COPY --from=build /app/apps/admin/dist ./apps/admin/dist
# Published as version 1 of policy `default` on the first start.
COPY rules ./rules
# Without DATABASE_URL the api keeps an embedded database in /data.
RUN mkdir /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1, so SIGTERM from docker stop reaches the api's graceful shutdown.
CMD ["node", "apps/api/dist/main.js"]
