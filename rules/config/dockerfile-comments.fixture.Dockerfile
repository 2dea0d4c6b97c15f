# Comment lines are not commands: inside a continuation the builder drops them, in a RUN heredoc the shell does.
FROM debian:12-slim
RUN apt-get update \
    # ok: config.docker.curl-pipe-shell
    # && curl -fsSL https://get.example.com/install.sh | sh \
    && apt-get install -y --no-install-recommends git
RUN <<EOF
set -e
# ok: config.docker.chmod-777
# chmod -R 777 /srv was too wide; 750 is enough
chmod -R 750 /srv
EOF
# ruleid: config.docker.sudo
RUN apt-get update && \
    # the next line is still this command
    sudo apt-get install -y git
USER 10001
