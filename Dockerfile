# Multi-stage build: a release binary on a small, non-root runtime image
# (glibc, CA certificates, user 65532, nothing else).
#
#   podman build -t cronjob-guardian .            # the published image
#
# The `prebuilt` stage takes a binary built outside the container instead: the
# build context holds only `cronjob-guardian` (scripts/check-image builds it so,
# on a base with the same contents made on the host, as no registry is reachable):
#   podman build --target prebuilt --build-arg RUNTIME_BASE=<base> -f Dockerfile <dir>
ARG RUNTIME_BASE=gcr.io/distroless/cc-debian12:nonroot

FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked -p cronjob-guardian \
 && cp target/release/cronjob-guardian /cronjob-guardian \
 && strip /cronjob-guardian

FROM ${RUNTIME_BASE} AS prebuilt
COPY cronjob-guardian /usr/local/bin/cronjob-guardian
USER 65532:65532
EXPOSE 8080 8081 9090
ENTRYPOINT ["/usr/local/bin/cronjob-guardian"]
CMD ["controller"]

# Last, so a plain `podman build` / `docker build` produces it.
FROM ${RUNTIME_BASE} AS runtime
COPY --from=build /cronjob-guardian /usr/local/bin/cronjob-guardian
USER 65532:65532
EXPOSE 8080 8081 9090
ENTRYPOINT ["/usr/local/bin/cronjob-guardian"]
CMD ["controller"]
