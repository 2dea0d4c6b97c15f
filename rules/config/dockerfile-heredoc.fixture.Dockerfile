# Heredocs (Dockerfile syntax 1.4+): the body belongs to its RUN, it is no instruction of its own.
# ok: config.docker.from-latest
FROM python:3.12-slim
RUN <<EOF
set -e
# ruleid: config.docker.curl-pipe-shell
curl -fsSL https://get.example.com/install.sh | sh
EOF
RUN <<EOF python3
# ok: config.docker.from-latest
from os import path
print(path.sep)
EOF
# A body's lines are separate commands: the download is verified before the pipe two lines down.
RUN <<EOF
set -e
# ok: config.docker.curl-pipe-shell
curl -fsSLo /tmp/i.sh https://get.example.com/install.sh
sha256sum -c /tmp/i.sha256
cat /tmp/i.sh | sh
EOF
# ruleid: config.docker.curl-pipe-shell
RUN curl -fsSL https://get.example.com/install.sh \
    # the pipe is on the next line: one command still
    | sh
RUN <<EOF
set -e
# ruleid: config.docker.sudo
sudo apt-get install -y git
EOF
USER 10001
