//! Logs to stdout (plain or JSON) and, when `OTEL_EXPORTER_OTLP_ENDPOINT` is set,
//! spans over OTLP/gRPC with W3C trace-context propagation.

use opentelemetry::trace::TracerProvider as _;
use opentelemetry_otlp::WithExportConfig;
use opentelemetry_sdk::Resource;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

#[derive(Debug, thiserror::Error)]
pub enum TracingError {
    #[error("invalid log level {level:?}: {message}")]
    Filter { level: String, message: String },
    #[error("cannot build the OTLP exporter for {endpoint}: {message}")]
    Exporter { endpoint: String, message: String },
    #[error("a global tracing subscriber is already installed")]
    AlreadyInstalled,
}

/// Flushes and shuts down the OTLP pipeline when dropped.
#[must_use = "traces are flushed when the guard drops"]
pub struct TelemetryGuard {
    provider: Option<SdkTracerProvider>,
}

impl Drop for TelemetryGuard {
    fn drop(&mut self) {
        if let Some(provider) = self.provider.take() {
            // Shutdown blocks on the exporter thread; errors are reported, not fatal.
            if let Err(error) = provider.shutdown() {
                eprintln!("otlp shutdown failed: {error}");
            }
        }
    }
}

/// Installs the global subscriber. `log_level` is an `EnvFilter` directive
/// (`info`, `debug`, `guardian_store=debug,info`); `RUST_LOG` overrides it.
pub fn init_tracing(
    service_name: &'static str,
    log_level: &str,
    json: bool,
    otlp_endpoint: Option<&str>,
) -> Result<TelemetryGuard, TracingError> {
    let filter = match std::env::var("RUST_LOG") {
        Ok(directive) if !directive.is_empty() => EnvFilter::try_new(directive),
        _ => EnvFilter::try_new(log_level),
    }
    .map_err(|error| TracingError::Filter {
        level: log_level.to_owned(),
        message: error.to_string(),
    })?;
    let fmt_layer = if json {
        tracing_subscriber::fmt::layer()
            .json()
            .with_target(true)
            .boxed()
    } else {
        tracing_subscriber::fmt::layer().with_target(true).boxed()
    };
    let provider = otlp_endpoint
        .map(|endpoint| otlp_provider(service_name, endpoint))
        .transpose()?;
    let otel_layer = provider
        .as_ref()
        .map(|provider| tracing_opentelemetry::layer().with_tracer(provider.tracer(service_name)));
    opentelemetry::global::set_text_map_propagator(TraceContextPropagator::new());
    tracing_subscriber::registry()
        .with(filter)
        .with(fmt_layer)
        .with(otel_layer)
        .try_init()
        .map_err(|_| TracingError::AlreadyInstalled)?;
    Ok(TelemetryGuard { provider })
}

fn otlp_provider(
    service_name: &'static str,
    endpoint: &str,
) -> Result<SdkTracerProvider, TracingError> {
    let exporter = opentelemetry_otlp::SpanExporter::builder()
        .with_tonic()
        .with_endpoint(endpoint)
        .build()
        .map_err(|error| TracingError::Exporter {
            endpoint: endpoint.to_owned(),
            message: error.to_string(),
        })?;
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .with_resource(Resource::builder().with_service_name(service_name).build())
        .build();
    opentelemetry::global::set_tracer_provider(provider.clone());
    Ok(provider)
}
