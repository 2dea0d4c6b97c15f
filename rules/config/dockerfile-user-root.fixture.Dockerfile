# ok: config.docker.from-latest
FROM node:20-alpine AS base
USER node
# ok: config.docker.root-user, config.docker.from-latest
FROM base AS app
COPY . /app
# ok: config.docker.from-latest
FROM node:20-alpine@sha256:ba5ba5ba5ba5ba5ba5ba5ba5ba5ba5ba5ba5ba5ba5ba5ba5ba5ba5ba5ba5ba5ba5b
RUN npm ci
# ruleid: config.docker.root-user
USER root
CMD ["node", "server.js"]
