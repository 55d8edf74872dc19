//! Every attempt is timed into `cronjob_guardian_alert_dispatch_duration_seconds` with the
//! channel name and whether it succeeded. Its own test binary: it installs the global
//! metrics recorder.

mod common;

use common::{Receiver, options, trigger};
use guardian_notify::webhook::{WebhookMethod, WebhookTarget};
use guardian_notify::{Channel, ChannelTarget, Notifier, SecretString};
use metrics_exporter_prometheus::PrometheusBuilder;

#[tokio::test]
async fn attempts_are_recorded_per_channel_and_success_with_help_text() {
    let handle = PrometheusBuilder::new()
        .install_recorder()
        .expect("the only recorder in this test binary");
    guardian_notify::metrics::describe();
    let ok = Receiver::always(200).await;
    let down = Receiver::always(500).await;
    let channel = |name: &str, receiver: &Receiver| {
        let target = WebhookTarget {
            url: SecretString::new(receiver.url("/hook")),
            method: WebhookMethod::Post,
            headers: Default::default(),
            payload_template: None,
        };
        Channel::build(name, ChannelTarget::Webhook(target), &options()).expect("valid channel")
    };
    channel("team-a", &ok)
        .send(&trigger())
        .await
        .expect("delivered");
    channel("team-b", &down)
        .send(&trigger())
        .await
        .expect_err("500");
    guardian_notify::metrics::record_alert_sent(&trigger().alert, "team-a");

    let rendered = handle.render();
    assert!(
        rendered.contains("# HELP cronjob_guardian_alert_dispatch_duration_seconds"),
        "{rendered}"
    );
    let count_line = |channel: &str, success: &str| {
        format!(
            "cronjob_guardian_alert_dispatch_duration_seconds_count{{channel=\"{channel}\",success=\"{success}\"}} 1"
        )
    };
    assert!(
        rendered.contains(&count_line("team-a", "true")),
        "{rendered}"
    );
    assert!(
        rendered.contains(&count_line("team-b", "false")),
        "{rendered}"
    );
    assert!(
        rendered.contains(
            "cronjob_guardian_alerts_total{namespace=\"ops\",cronjob=\"backup\",type=\"jobFailed\",severity=\"critical\",channel=\"team-a\"} 1"
        ),
        "{rendered}"
    );
}
