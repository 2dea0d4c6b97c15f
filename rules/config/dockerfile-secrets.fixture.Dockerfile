# ok: config.docker.from-latest
FROM python:3.12-slim
# ok: config.docker.env-secret
ENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D
# ruleid: config.docker.env-secret, secrets.generic.password-assignment
ENV DB_PASSWORD=hunter2hunter2 APP_ENV=production
# ruleid: config.docker.env-secret, secrets.generic.token-assignment
ENV API_TOKEN "fk-token-value-0193"
# ok: config.docker.env-secret
ENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password
# ok: config.docker.env-secret
ENV SECRET_KEY=${SECRET_KEY}
# ruleid: config.docker.arg-secret
ARG NPM_TOKEN=fake-npm-token-for-tests
# ok: config.docker.arg-secret
ARG GITHUB_TOKEN
# ok: config.docker.env-secret
ENV PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1
RUN useradd --uid 10001 app
# ok: config.docker.root-user
USER app
