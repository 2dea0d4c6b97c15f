# Multi-stage build: only the final stage's user matters at run time.
# ok: config.docker.from-latest
FROM golang:1.22 AS build
RUN go build -o /out/app ./cmd/app
# ok: config.docker.from-latest
FROM build AS test
RUN go test ./...
# ok: config.docker.root-user, config.docker.from-latest
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
