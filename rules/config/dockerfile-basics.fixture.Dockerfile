# Examples after Docker Docs, "Building best practices" and the Dockerfile reference.
# ruleid: config.docker.root-user, config.docker.from-latest
FROM ubuntu
# ruleid: config.docker.curl-pipe-shell
RUN curl -fsSL https://get.example.com/install.sh | sh
# ruleid: config.docker.curl-pipe-shell, config.docker.sudo
RUN wget -qO- https://example.com/setup | sudo bash
RUN apt-get update \
    && apt-get install -y sudo ca-certificates \
    # ruleid: config.docker.chmod-777
    && chmod -R 777 /app
# ok: config.docker.curl-pipe-shell
RUN curl -fsSLo /tmp/i.sh https://get.example.com/install.sh && sha256sum -c i.sha256 && sh /tmp/i.sh
# ruleid: config.docker.sudo
RUN sudo apt-get install -y git
# ok: config.docker.sudo
RUN apt-get install -y sudo
# ok: config.docker.chmod-777
RUN chmod 755 /usr/local/bin/entry
# ruleid: config.docker.add-remote
ADD https://example.com/tool.tar.gz /opt/
# ok: config.docker.add-remote
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/
# ok: config.docker.add-remote
ADD ./local.tar.gz /opt/
CMD ["/app/run"]
