# Multi-stage build: a release binary on a small, non-root runtime image.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked -p cronjob-guardian \
 && cp target/release/cronjob-guardian /cronjob-guardian

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /cronjob-guardian /usr/local/bin/cronjob-guardian
USER 65532:65532
EXPOSE 8080 8081 9090
ENTRYPOINT ["/usr/local/bin/cronjob-guardian"]
CMD ["controller"]
