use serde::{Deserialize, Serialize};

/// One field of each form, to read back through `postcard`.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Sample {
    #[serde(with = "super::opt_uid")]
    uid: Option<String>,
    #[serde(with = "super::opt_time")]
    time: Option<jiff::Timestamp>,
}

fn roundtrip(uid: Option<&str>) -> (usize, Option<String>) {
    let sample = Sample {
        uid: uid.map(str::to_owned),
        time: None,
    };
    let bytes = postcard::to_allocvec(&sample).expect("a sample always serializes");
    let read: Sample = postcard::from_bytes(&bytes).expect("written by postcard");
    (bytes.len() - 1, read.uid)
}

#[test]
fn canonical_uuids_take_seventeen_bytes_and_other_uids_are_kept_as_text() {
    let uuid = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    assert_eq!(roundtrip(Some(uuid)), (17, Some(uuid.to_owned())));
    for odd in [
        "0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D",
        "u1",
        "a-b-c-d-e",
        "",
    ] {
        let (_, read) = roundtrip(Some(odd));
        assert_eq!(read.as_deref(), Some(odd));
    }
    assert_eq!(roundtrip(None), (1, None));
}

/// A condition-like pair of word fields.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Words {
    #[serde(with = "super::word")]
    kind: String,
    #[serde(with = "super::opt_word")]
    reason: Option<String>,
}

#[test]
fn common_words_take_two_bytes_and_other_text_reads_back() {
    for (kind, reason, size) in [
        ("SuccessCriteriaMet", Some("CompletionsReached"), 4),
        ("", None, 3),
        ("Custom", Some("Oops"), 14),
    ] {
        let words = Words {
            kind: kind.to_owned(),
            reason: reason.map(str::to_owned),
        };
        let bytes = postcard::to_allocvec(&words).expect("words always serialize");
        assert_eq!(bytes.len(), size, "{kind} {reason:?}");
        let read: Words = postcard::from_bytes(&bytes).expect("written by postcard");
        assert_eq!(read, words);
    }
    let unknown_index = [1, 200, 0];
    assert!(postcard::from_bytes::<Words>(&unknown_index).is_err());
}

#[test]
fn timestamps_read_back_to_the_nanosecond() {
    for time in [
        jiff::Timestamp::new(1_735_696_806, 120).expect("valid timestamp"),
        jiff::Timestamp::new(-1, 999_999_999).expect("valid timestamp"),
    ] {
        let sample = Sample {
            uid: None,
            time: Some(time),
        };
        let bytes = postcard::to_allocvec(&sample).expect("a sample always serializes");
        let read: Sample = postcard::from_bytes(&bytes).expect("written by postcard");
        assert_eq!(read, sample);
    }
}
