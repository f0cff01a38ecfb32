# STAR Coach in a container. Untested here (no Docker engine on the machines this was written on);
# its build step is the one the tests run: `npm ci`, whose `prepare` script compiles src/ to dist/.
#
#   docker build -t star-coach .
#   docker run --env-file .env -v star-data:/data -p 3000:3000 star-coach

# Build: full install (the better-sqlite3 native module compiles here if no prebuilt binary fits),
# compile, then drop the dev dependencies.
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json tsconfig.build.json ./
COPY src ./src
COPY scenarios ./scenarios
# Loading the library once stores it validated in node_modules/.cache (the app runs as a user
# that cannot write there, so it reads this copy instead of parsing the YAML at every start).
RUN npm ci && npm prune --omit=dev && node dist/cli.js scenarios list > /dev/null

# Run: the compiled app, its production dependencies, migrations and content; no compiler, no tests.
FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 STAR_DB=/data/star.db
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY migrations ./migrations
COPY scenarios ./scenarios
# The SQLite file lives on a volume, owned by the unprivileged user the app runs as.
RUN mkdir /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
# /healthz is served in HTTP mode; Socket Mode opens no port, so there the check passes by itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD ["node", "-e", "if (process.env.SLACK_APP_TOKEN) process.exit(0); fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node directly, so SIGTERM from `docker stop` reaches the app (it finishes work in flight and exits 0).
CMD ["node", "dist/main.js"]
