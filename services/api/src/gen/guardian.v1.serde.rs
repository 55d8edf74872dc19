impl serde::Serialize for AcknowledgeAlertRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.id.is_empty() {
            len += 1;
        }
        if !self.acknowledged_by.is_empty() {
            len += 1;
        }
        if !self.note.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.AcknowledgeAlertRequest", len)?;
        if !self.id.is_empty() {
            struct_ser.serialize_field("id", &self.id)?;
        }
        if !self.acknowledged_by.is_empty() {
            struct_ser.serialize_field("acknowledgedBy", &self.acknowledged_by)?;
        }
        if !self.note.is_empty() {
            struct_ser.serialize_field("note", &self.note)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for AcknowledgeAlertRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "id",
            "acknowledged_by",
            "acknowledgedBy",
            "note",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Id,
            AcknowledgedBy,
            Note,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "id" => Ok(GeneratedField::Id),
                            "acknowledgedBy" | "acknowledged_by" => Ok(GeneratedField::AcknowledgedBy),
                            "note" => Ok(GeneratedField::Note),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = AcknowledgeAlertRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.AcknowledgeAlertRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<AcknowledgeAlertRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut id__ = None;
                let mut acknowledged_by__ = None;
                let mut note__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Id => {
                            if id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("id"));
                            }
                            id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::AcknowledgedBy => {
                            if acknowledged_by__.is_some() {
                                return Err(serde::de::Error::duplicate_field("acknowledgedBy"));
                            }
                            acknowledged_by__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Note => {
                            if note__.is_some() {
                                return Err(serde::de::Error::duplicate_field("note"));
                            }
                            note__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(AcknowledgeAlertRequest {
                    id: id__.unwrap_or_default(),
                    acknowledged_by: acknowledged_by__.unwrap_or_default(),
                    note: note__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.AcknowledgeAlertRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for AcknowledgeAlertResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.success {
            len += 1;
        }
        if self.message.is_some() {
            len += 1;
        }
        if self.acknowledged_at.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.AcknowledgeAlertResponse", len)?;
        if self.success {
            struct_ser.serialize_field("success", &self.success)?;
        }
        if let Some(v) = self.message.as_ref() {
            struct_ser.serialize_field("message", v)?;
        }
        if let Some(v) = self.acknowledged_at.as_ref() {
            struct_ser.serialize_field("acknowledgedAt", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for AcknowledgeAlertResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "success",
            "message",
            "acknowledged_at",
            "acknowledgedAt",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Success,
            Message,
            AcknowledgedAt,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "success" => Ok(GeneratedField::Success),
                            "message" => Ok(GeneratedField::Message),
                            "acknowledgedAt" | "acknowledged_at" => Ok(GeneratedField::AcknowledgedAt),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = AcknowledgeAlertResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.AcknowledgeAlertResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<AcknowledgeAlertResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut success__ = None;
                let mut message__ = None;
                let mut acknowledged_at__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Success => {
                            if success__.is_some() {
                                return Err(serde::de::Error::duplicate_field("success"));
                            }
                            success__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Message => {
                            if message__.is_some() {
                                return Err(serde::de::Error::duplicate_field("message"));
                            }
                            message__ = map_.next_value()?;
                        }
                        GeneratedField::AcknowledgedAt => {
                            if acknowledged_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("acknowledgedAt"));
                            }
                            acknowledged_at__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(AcknowledgeAlertResponse {
                    success: success__.unwrap_or_default(),
                    message: message__,
                    acknowledged_at: acknowledged_at__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.AcknowledgeAlertResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ActiveJobItem {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.name.is_empty() {
            len += 1;
        }
        if self.start_time.is_some() {
            len += 1;
        }
        if self.running_duration.is_some() {
            len += 1;
        }
        if self.pod_phase.is_some() {
            len += 1;
        }
        if self.pod_name.is_some() {
            len += 1;
        }
        if self.ready.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ActiveJobItem", len)?;
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if let Some(v) = self.start_time.as_ref() {
            struct_ser.serialize_field("startTime", v)?;
        }
        if let Some(v) = self.running_duration.as_ref() {
            struct_ser.serialize_field("runningDuration", v)?;
        }
        if let Some(v) = self.pod_phase.as_ref() {
            struct_ser.serialize_field("podPhase", v)?;
        }
        if let Some(v) = self.pod_name.as_ref() {
            struct_ser.serialize_field("podName", v)?;
        }
        if let Some(v) = self.ready.as_ref() {
            struct_ser.serialize_field("ready", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ActiveJobItem {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
            "start_time",
            "startTime",
            "running_duration",
            "runningDuration",
            "pod_phase",
            "podPhase",
            "pod_name",
            "podName",
            "ready",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
            StartTime,
            RunningDuration,
            PodPhase,
            PodName,
            Ready,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            "startTime" | "start_time" => Ok(GeneratedField::StartTime),
                            "runningDuration" | "running_duration" => Ok(GeneratedField::RunningDuration),
                            "podPhase" | "pod_phase" => Ok(GeneratedField::PodPhase),
                            "podName" | "pod_name" => Ok(GeneratedField::PodName),
                            "ready" => Ok(GeneratedField::Ready),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ActiveJobItem;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ActiveJobItem")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ActiveJobItem, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                let mut start_time__ = None;
                let mut running_duration__ = None;
                let mut pod_phase__ = None;
                let mut pod_name__ = None;
                let mut ready__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::StartTime => {
                            if start_time__.is_some() {
                                return Err(serde::de::Error::duplicate_field("startTime"));
                            }
                            start_time__ = map_.next_value()?;
                        }
                        GeneratedField::RunningDuration => {
                            if running_duration__.is_some() {
                                return Err(serde::de::Error::duplicate_field("runningDuration"));
                            }
                            running_duration__ = map_.next_value()?;
                        }
                        GeneratedField::PodPhase => {
                            if pod_phase__.is_some() {
                                return Err(serde::de::Error::duplicate_field("podPhase"));
                            }
                            pod_phase__ = map_.next_value()?;
                        }
                        GeneratedField::PodName => {
                            if pod_name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("podName"));
                            }
                            pod_name__ = map_.next_value()?;
                        }
                        GeneratedField::Ready => {
                            if ready__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ready"));
                            }
                            ready__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ActiveJobItem {
                    name: name__.unwrap_or_default(),
                    start_time: start_time__,
                    running_duration: running_duration__,
                    pod_phase: pod_phase__,
                    pod_name: pod_name__,
                    ready: ready__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ActiveJobItem", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for AlertAcknowledgement {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.at.is_some() {
            len += 1;
        }
        if self.by.is_some() {
            len += 1;
        }
        if self.note.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.AlertAcknowledgement", len)?;
        if let Some(v) = self.at.as_ref() {
            struct_ser.serialize_field("at", v)?;
        }
        if let Some(v) = self.by.as_ref() {
            struct_ser.serialize_field("by", v)?;
        }
        if let Some(v) = self.note.as_ref() {
            struct_ser.serialize_field("note", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for AlertAcknowledgement {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "at",
            "by",
            "note",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            At,
            By,
            Note,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "at" => Ok(GeneratedField::At),
                            "by" => Ok(GeneratedField::By),
                            "note" => Ok(GeneratedField::Note),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = AlertAcknowledgement;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.AlertAcknowledgement")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<AlertAcknowledgement, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut at__ = None;
                let mut by__ = None;
                let mut note__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::At => {
                            if at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("at"));
                            }
                            at__ = map_.next_value()?;
                        }
                        GeneratedField::By => {
                            if by__.is_some() {
                                return Err(serde::de::Error::duplicate_field("by"));
                            }
                            by__ = map_.next_value()?;
                        }
                        GeneratedField::Note => {
                            if note__.is_some() {
                                return Err(serde::de::Error::duplicate_field("note"));
                            }
                            note__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(AlertAcknowledgement {
                    at: at__,
                    by: by__,
                    note: note__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.AlertAcknowledgement", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for AlertChange {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.id.is_empty() {
            len += 1;
        }
        if !self.r#type.is_empty() {
            len += 1;
        }
        if self.severity != 0 {
            len += 1;
        }
        if self.state != 0 {
            len += 1;
        }
        if self.cronjob.is_some() {
            len += 1;
        }
        if self.monitor.is_some() {
            len += 1;
        }
        if !self.title.is_empty() {
            len += 1;
        }
        if !self.message.is_empty() {
            len += 1;
        }
        if self.since.is_some() {
            len += 1;
        }
        if self.last_notified.is_some() {
            len += 1;
        }
        if self.resolved_at.is_some() {
            len += 1;
        }
        if self.exit_code.is_some() {
            len += 1;
        }
        if self.reason.is_some() {
            len += 1;
        }
        if self.suggested_fix.is_some() {
            len += 1;
        }
        if self.acknowledgement.is_some() {
            len += 1;
        }
        if self.silence.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.AlertChange", len)?;
        if !self.id.is_empty() {
            struct_ser.serialize_field("id", &self.id)?;
        }
        if !self.r#type.is_empty() {
            struct_ser.serialize_field("type", &self.r#type)?;
        }
        if self.severity != 0 {
            let v = Severity::try_from(self.severity)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.severity)))?;
            struct_ser.serialize_field("severity", &v)?;
        }
        if self.state != 0 {
            let v = AlertState::try_from(self.state)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.state)))?;
            struct_ser.serialize_field("state", &v)?;
        }
        if let Some(v) = self.cronjob.as_ref() {
            struct_ser.serialize_field("cronjob", v)?;
        }
        if let Some(v) = self.monitor.as_ref() {
            struct_ser.serialize_field("monitor", v)?;
        }
        if !self.title.is_empty() {
            struct_ser.serialize_field("title", &self.title)?;
        }
        if !self.message.is_empty() {
            struct_ser.serialize_field("message", &self.message)?;
        }
        if let Some(v) = self.since.as_ref() {
            struct_ser.serialize_field("since", v)?;
        }
        if let Some(v) = self.last_notified.as_ref() {
            struct_ser.serialize_field("lastNotified", v)?;
        }
        if let Some(v) = self.resolved_at.as_ref() {
            struct_ser.serialize_field("resolvedAt", v)?;
        }
        if let Some(v) = self.exit_code.as_ref() {
            struct_ser.serialize_field("exitCode", v)?;
        }
        if let Some(v) = self.reason.as_ref() {
            struct_ser.serialize_field("reason", v)?;
        }
        if let Some(v) = self.suggested_fix.as_ref() {
            struct_ser.serialize_field("suggestedFix", v)?;
        }
        if let Some(v) = self.acknowledgement.as_ref() {
            struct_ser.serialize_field("acknowledgement", v)?;
        }
        if let Some(v) = self.silence.as_ref() {
            struct_ser.serialize_field("silence", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for AlertChange {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "id",
            "type",
            "severity",
            "state",
            "cronjob",
            "monitor",
            "title",
            "message",
            "since",
            "last_notified",
            "lastNotified",
            "resolved_at",
            "resolvedAt",
            "exit_code",
            "exitCode",
            "reason",
            "suggested_fix",
            "suggestedFix",
            "acknowledgement",
            "silence",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Id,
            Type,
            Severity,
            State,
            Cronjob,
            Monitor,
            Title,
            Message,
            Since,
            LastNotified,
            ResolvedAt,
            ExitCode,
            Reason,
            SuggestedFix,
            Acknowledgement,
            Silence,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "id" => Ok(GeneratedField::Id),
                            "type" => Ok(GeneratedField::Type),
                            "severity" => Ok(GeneratedField::Severity),
                            "state" => Ok(GeneratedField::State),
                            "cronjob" => Ok(GeneratedField::Cronjob),
                            "monitor" => Ok(GeneratedField::Monitor),
                            "title" => Ok(GeneratedField::Title),
                            "message" => Ok(GeneratedField::Message),
                            "since" => Ok(GeneratedField::Since),
                            "lastNotified" | "last_notified" => Ok(GeneratedField::LastNotified),
                            "resolvedAt" | "resolved_at" => Ok(GeneratedField::ResolvedAt),
                            "exitCode" | "exit_code" => Ok(GeneratedField::ExitCode),
                            "reason" => Ok(GeneratedField::Reason),
                            "suggestedFix" | "suggested_fix" => Ok(GeneratedField::SuggestedFix),
                            "acknowledgement" => Ok(GeneratedField::Acknowledgement),
                            "silence" => Ok(GeneratedField::Silence),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = AlertChange;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.AlertChange")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<AlertChange, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut id__ = None;
                let mut r#type__ = None;
                let mut severity__ = None;
                let mut state__ = None;
                let mut cronjob__ = None;
                let mut monitor__ = None;
                let mut title__ = None;
                let mut message__ = None;
                let mut since__ = None;
                let mut last_notified__ = None;
                let mut resolved_at__ = None;
                let mut exit_code__ = None;
                let mut reason__ = None;
                let mut suggested_fix__ = None;
                let mut acknowledgement__ = None;
                let mut silence__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Id => {
                            if id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("id"));
                            }
                            id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Type => {
                            if r#type__.is_some() {
                                return Err(serde::de::Error::duplicate_field("type"));
                            }
                            r#type__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Severity => {
                            if severity__.is_some() {
                                return Err(serde::de::Error::duplicate_field("severity"));
                            }
                            severity__ = Some(map_.next_value::<Severity>()? as i32);
                        }
                        GeneratedField::State => {
                            if state__.is_some() {
                                return Err(serde::de::Error::duplicate_field("state"));
                            }
                            state__ = Some(map_.next_value::<AlertState>()? as i32);
                        }
                        GeneratedField::Cronjob => {
                            if cronjob__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cronjob"));
                            }
                            cronjob__ = map_.next_value()?;
                        }
                        GeneratedField::Monitor => {
                            if monitor__.is_some() {
                                return Err(serde::de::Error::duplicate_field("monitor"));
                            }
                            monitor__ = map_.next_value()?;
                        }
                        GeneratedField::Title => {
                            if title__.is_some() {
                                return Err(serde::de::Error::duplicate_field("title"));
                            }
                            title__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Message => {
                            if message__.is_some() {
                                return Err(serde::de::Error::duplicate_field("message"));
                            }
                            message__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Since => {
                            if since__.is_some() {
                                return Err(serde::de::Error::duplicate_field("since"));
                            }
                            since__ = map_.next_value()?;
                        }
                        GeneratedField::LastNotified => {
                            if last_notified__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastNotified"));
                            }
                            last_notified__ = map_.next_value()?;
                        }
                        GeneratedField::ResolvedAt => {
                            if resolved_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("resolvedAt"));
                            }
                            resolved_at__ = map_.next_value()?;
                        }
                        GeneratedField::ExitCode => {
                            if exit_code__.is_some() {
                                return Err(serde::de::Error::duplicate_field("exitCode"));
                            }
                            exit_code__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::Reason => {
                            if reason__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reason"));
                            }
                            reason__ = map_.next_value()?;
                        }
                        GeneratedField::SuggestedFix => {
                            if suggested_fix__.is_some() {
                                return Err(serde::de::Error::duplicate_field("suggestedFix"));
                            }
                            suggested_fix__ = map_.next_value()?;
                        }
                        GeneratedField::Acknowledgement => {
                            if acknowledgement__.is_some() {
                                return Err(serde::de::Error::duplicate_field("acknowledgement"));
                            }
                            acknowledgement__ = map_.next_value()?;
                        }
                        GeneratedField::Silence => {
                            if silence__.is_some() {
                                return Err(serde::de::Error::duplicate_field("silence"));
                            }
                            silence__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(AlertChange {
                    id: id__.unwrap_or_default(),
                    r#type: r#type__.unwrap_or_default(),
                    severity: severity__.unwrap_or_default(),
                    state: state__.unwrap_or_default(),
                    cronjob: cronjob__,
                    monitor: monitor__,
                    title: title__.unwrap_or_default(),
                    message: message__.unwrap_or_default(),
                    since: since__,
                    last_notified: last_notified__,
                    resolved_at: resolved_at__,
                    exit_code: exit_code__,
                    reason: reason__,
                    suggested_fix: suggested_fix__,
                    acknowledgement: acknowledgement__,
                    silence: silence__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.AlertChange", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for AlertContext {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.exit_code.is_some() {
            len += 1;
        }
        if self.reason.is_some() {
            len += 1;
        }
        if self.suggested_fix.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.AlertContext", len)?;
        if let Some(v) = self.exit_code.as_ref() {
            struct_ser.serialize_field("exitCode", v)?;
        }
        if let Some(v) = self.reason.as_ref() {
            struct_ser.serialize_field("reason", v)?;
        }
        if let Some(v) = self.suggested_fix.as_ref() {
            struct_ser.serialize_field("suggestedFix", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for AlertContext {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "exit_code",
            "exitCode",
            "reason",
            "suggested_fix",
            "suggestedFix",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            ExitCode,
            Reason,
            SuggestedFix,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "exitCode" | "exit_code" => Ok(GeneratedField::ExitCode),
                            "reason" => Ok(GeneratedField::Reason),
                            "suggestedFix" | "suggested_fix" => Ok(GeneratedField::SuggestedFix),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = AlertContext;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.AlertContext")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<AlertContext, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut exit_code__ = None;
                let mut reason__ = None;
                let mut suggested_fix__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::ExitCode => {
                            if exit_code__.is_some() {
                                return Err(serde::de::Error::duplicate_field("exitCode"));
                            }
                            exit_code__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::Reason => {
                            if reason__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reason"));
                            }
                            reason__ = map_.next_value()?;
                        }
                        GeneratedField::SuggestedFix => {
                            if suggested_fix__.is_some() {
                                return Err(serde::de::Error::duplicate_field("suggestedFix"));
                            }
                            suggested_fix__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(AlertContext {
                    exit_code: exit_code__,
                    reason: reason__,
                    suggested_fix: suggested_fix__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.AlertContext", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for AlertHistoryItem {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.id.is_empty() {
            len += 1;
        }
        if !self.r#type.is_empty() {
            len += 1;
        }
        if !self.severity.is_empty() {
            len += 1;
        }
        if !self.title.is_empty() {
            len += 1;
        }
        if !self.message.is_empty() {
            len += 1;
        }
        if self.cronjob.is_some() {
            len += 1;
        }
        if self.occurred_at.is_some() {
            len += 1;
        }
        if self.resolved_at.is_some() {
            len += 1;
        }
        if !self.channels_notified.is_empty() {
            len += 1;
        }
        if self.exit_code.is_some() {
            len += 1;
        }
        if self.reason.is_some() {
            len += 1;
        }
        if self.suggested_fix.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.AlertHistoryItem", len)?;
        if !self.id.is_empty() {
            struct_ser.serialize_field("id", &self.id)?;
        }
        if !self.r#type.is_empty() {
            struct_ser.serialize_field("type", &self.r#type)?;
        }
        if !self.severity.is_empty() {
            struct_ser.serialize_field("severity", &self.severity)?;
        }
        if !self.title.is_empty() {
            struct_ser.serialize_field("title", &self.title)?;
        }
        if !self.message.is_empty() {
            struct_ser.serialize_field("message", &self.message)?;
        }
        if let Some(v) = self.cronjob.as_ref() {
            struct_ser.serialize_field("cronjob", v)?;
        }
        if let Some(v) = self.occurred_at.as_ref() {
            struct_ser.serialize_field("occurredAt", v)?;
        }
        if let Some(v) = self.resolved_at.as_ref() {
            struct_ser.serialize_field("resolvedAt", v)?;
        }
        if !self.channels_notified.is_empty() {
            struct_ser.serialize_field("channelsNotified", &self.channels_notified)?;
        }
        if let Some(v) = self.exit_code.as_ref() {
            struct_ser.serialize_field("exitCode", v)?;
        }
        if let Some(v) = self.reason.as_ref() {
            struct_ser.serialize_field("reason", v)?;
        }
        if let Some(v) = self.suggested_fix.as_ref() {
            struct_ser.serialize_field("suggestedFix", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for AlertHistoryItem {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "id",
            "type",
            "severity",
            "title",
            "message",
            "cronjob",
            "occurred_at",
            "occurredAt",
            "resolved_at",
            "resolvedAt",
            "channels_notified",
            "channelsNotified",
            "exit_code",
            "exitCode",
            "reason",
            "suggested_fix",
            "suggestedFix",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Id,
            Type,
            Severity,
            Title,
            Message,
            Cronjob,
            OccurredAt,
            ResolvedAt,
            ChannelsNotified,
            ExitCode,
            Reason,
            SuggestedFix,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "id" => Ok(GeneratedField::Id),
                            "type" => Ok(GeneratedField::Type),
                            "severity" => Ok(GeneratedField::Severity),
                            "title" => Ok(GeneratedField::Title),
                            "message" => Ok(GeneratedField::Message),
                            "cronjob" => Ok(GeneratedField::Cronjob),
                            "occurredAt" | "occurred_at" => Ok(GeneratedField::OccurredAt),
                            "resolvedAt" | "resolved_at" => Ok(GeneratedField::ResolvedAt),
                            "channelsNotified" | "channels_notified" => Ok(GeneratedField::ChannelsNotified),
                            "exitCode" | "exit_code" => Ok(GeneratedField::ExitCode),
                            "reason" => Ok(GeneratedField::Reason),
                            "suggestedFix" | "suggested_fix" => Ok(GeneratedField::SuggestedFix),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = AlertHistoryItem;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.AlertHistoryItem")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<AlertHistoryItem, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut id__ = None;
                let mut r#type__ = None;
                let mut severity__ = None;
                let mut title__ = None;
                let mut message__ = None;
                let mut cronjob__ = None;
                let mut occurred_at__ = None;
                let mut resolved_at__ = None;
                let mut channels_notified__ = None;
                let mut exit_code__ = None;
                let mut reason__ = None;
                let mut suggested_fix__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Id => {
                            if id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("id"));
                            }
                            id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Type => {
                            if r#type__.is_some() {
                                return Err(serde::de::Error::duplicate_field("type"));
                            }
                            r#type__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Severity => {
                            if severity__.is_some() {
                                return Err(serde::de::Error::duplicate_field("severity"));
                            }
                            severity__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Title => {
                            if title__.is_some() {
                                return Err(serde::de::Error::duplicate_field("title"));
                            }
                            title__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Message => {
                            if message__.is_some() {
                                return Err(serde::de::Error::duplicate_field("message"));
                            }
                            message__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Cronjob => {
                            if cronjob__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cronjob"));
                            }
                            cronjob__ = map_.next_value()?;
                        }
                        GeneratedField::OccurredAt => {
                            if occurred_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("occurredAt"));
                            }
                            occurred_at__ = map_.next_value()?;
                        }
                        GeneratedField::ResolvedAt => {
                            if resolved_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("resolvedAt"));
                            }
                            resolved_at__ = map_.next_value()?;
                        }
                        GeneratedField::ChannelsNotified => {
                            if channels_notified__.is_some() {
                                return Err(serde::de::Error::duplicate_field("channelsNotified"));
                            }
                            channels_notified__ = Some(map_.next_value()?);
                        }
                        GeneratedField::ExitCode => {
                            if exit_code__.is_some() {
                                return Err(serde::de::Error::duplicate_field("exitCode"));
                            }
                            exit_code__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::Reason => {
                            if reason__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reason"));
                            }
                            reason__ = map_.next_value()?;
                        }
                        GeneratedField::SuggestedFix => {
                            if suggested_fix__.is_some() {
                                return Err(serde::de::Error::duplicate_field("suggestedFix"));
                            }
                            suggested_fix__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(AlertHistoryItem {
                    id: id__.unwrap_or_default(),
                    r#type: r#type__.unwrap_or_default(),
                    severity: severity__.unwrap_or_default(),
                    title: title__.unwrap_or_default(),
                    message: message__.unwrap_or_default(),
                    cronjob: cronjob__,
                    occurred_at: occurred_at__,
                    resolved_at: resolved_at__,
                    channels_notified: channels_notified__.unwrap_or_default(),
                    exit_code: exit_code__,
                    reason: reason__,
                    suggested_fix: suggested_fix__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.AlertHistoryItem", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for AlertItem {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.id.is_empty() {
            len += 1;
        }
        if !self.r#type.is_empty() {
            len += 1;
        }
        if !self.severity.is_empty() {
            len += 1;
        }
        if !self.title.is_empty() {
            len += 1;
        }
        if !self.message.is_empty() {
            len += 1;
        }
        if self.cronjob.is_some() {
            len += 1;
        }
        if self.monitor.is_some() {
            len += 1;
        }
        if self.since.is_some() {
            len += 1;
        }
        if self.last_notified.is_some() {
            len += 1;
        }
        if self.context.is_some() {
            len += 1;
        }
        if self.acknowledgement.is_some() {
            len += 1;
        }
        if self.silence.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.AlertItem", len)?;
        if !self.id.is_empty() {
            struct_ser.serialize_field("id", &self.id)?;
        }
        if !self.r#type.is_empty() {
            struct_ser.serialize_field("type", &self.r#type)?;
        }
        if !self.severity.is_empty() {
            struct_ser.serialize_field("severity", &self.severity)?;
        }
        if !self.title.is_empty() {
            struct_ser.serialize_field("title", &self.title)?;
        }
        if !self.message.is_empty() {
            struct_ser.serialize_field("message", &self.message)?;
        }
        if let Some(v) = self.cronjob.as_ref() {
            struct_ser.serialize_field("cronjob", v)?;
        }
        if let Some(v) = self.monitor.as_ref() {
            struct_ser.serialize_field("monitor", v)?;
        }
        if let Some(v) = self.since.as_ref() {
            struct_ser.serialize_field("since", v)?;
        }
        if let Some(v) = self.last_notified.as_ref() {
            struct_ser.serialize_field("lastNotified", v)?;
        }
        if let Some(v) = self.context.as_ref() {
            struct_ser.serialize_field("context", v)?;
        }
        if let Some(v) = self.acknowledgement.as_ref() {
            struct_ser.serialize_field("acknowledgement", v)?;
        }
        if let Some(v) = self.silence.as_ref() {
            struct_ser.serialize_field("silence", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for AlertItem {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "id",
            "type",
            "severity",
            "title",
            "message",
            "cronjob",
            "monitor",
            "since",
            "last_notified",
            "lastNotified",
            "context",
            "acknowledgement",
            "silence",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Id,
            Type,
            Severity,
            Title,
            Message,
            Cronjob,
            Monitor,
            Since,
            LastNotified,
            Context,
            Acknowledgement,
            Silence,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "id" => Ok(GeneratedField::Id),
                            "type" => Ok(GeneratedField::Type),
                            "severity" => Ok(GeneratedField::Severity),
                            "title" => Ok(GeneratedField::Title),
                            "message" => Ok(GeneratedField::Message),
                            "cronjob" => Ok(GeneratedField::Cronjob),
                            "monitor" => Ok(GeneratedField::Monitor),
                            "since" => Ok(GeneratedField::Since),
                            "lastNotified" | "last_notified" => Ok(GeneratedField::LastNotified),
                            "context" => Ok(GeneratedField::Context),
                            "acknowledgement" => Ok(GeneratedField::Acknowledgement),
                            "silence" => Ok(GeneratedField::Silence),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = AlertItem;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.AlertItem")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<AlertItem, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut id__ = None;
                let mut r#type__ = None;
                let mut severity__ = None;
                let mut title__ = None;
                let mut message__ = None;
                let mut cronjob__ = None;
                let mut monitor__ = None;
                let mut since__ = None;
                let mut last_notified__ = None;
                let mut context__ = None;
                let mut acknowledgement__ = None;
                let mut silence__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Id => {
                            if id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("id"));
                            }
                            id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Type => {
                            if r#type__.is_some() {
                                return Err(serde::de::Error::duplicate_field("type"));
                            }
                            r#type__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Severity => {
                            if severity__.is_some() {
                                return Err(serde::de::Error::duplicate_field("severity"));
                            }
                            severity__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Title => {
                            if title__.is_some() {
                                return Err(serde::de::Error::duplicate_field("title"));
                            }
                            title__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Message => {
                            if message__.is_some() {
                                return Err(serde::de::Error::duplicate_field("message"));
                            }
                            message__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Cronjob => {
                            if cronjob__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cronjob"));
                            }
                            cronjob__ = map_.next_value()?;
                        }
                        GeneratedField::Monitor => {
                            if monitor__.is_some() {
                                return Err(serde::de::Error::duplicate_field("monitor"));
                            }
                            monitor__ = map_.next_value()?;
                        }
                        GeneratedField::Since => {
                            if since__.is_some() {
                                return Err(serde::de::Error::duplicate_field("since"));
                            }
                            since__ = map_.next_value()?;
                        }
                        GeneratedField::LastNotified => {
                            if last_notified__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastNotified"));
                            }
                            last_notified__ = map_.next_value()?;
                        }
                        GeneratedField::Context => {
                            if context__.is_some() {
                                return Err(serde::de::Error::duplicate_field("context"));
                            }
                            context__ = map_.next_value()?;
                        }
                        GeneratedField::Acknowledgement => {
                            if acknowledgement__.is_some() {
                                return Err(serde::de::Error::duplicate_field("acknowledgement"));
                            }
                            acknowledgement__ = map_.next_value()?;
                        }
                        GeneratedField::Silence => {
                            if silence__.is_some() {
                                return Err(serde::de::Error::duplicate_field("silence"));
                            }
                            silence__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(AlertItem {
                    id: id__.unwrap_or_default(),
                    r#type: r#type__.unwrap_or_default(),
                    severity: severity__.unwrap_or_default(),
                    title: title__.unwrap_or_default(),
                    message: message__.unwrap_or_default(),
                    cronjob: cronjob__,
                    monitor: monitor__,
                    since: since__,
                    last_notified: last_notified__,
                    context: context__,
                    acknowledgement: acknowledgement__,
                    silence: silence__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.AlertItem", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for AlertSilence {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.until.is_some() {
            len += 1;
        }
        if self.at.is_some() {
            len += 1;
        }
        if self.by.is_some() {
            len += 1;
        }
        if self.reason.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.AlertSilence", len)?;
        if let Some(v) = self.until.as_ref() {
            struct_ser.serialize_field("until", v)?;
        }
        if let Some(v) = self.at.as_ref() {
            struct_ser.serialize_field("at", v)?;
        }
        if let Some(v) = self.by.as_ref() {
            struct_ser.serialize_field("by", v)?;
        }
        if let Some(v) = self.reason.as_ref() {
            struct_ser.serialize_field("reason", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for AlertSilence {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "until",
            "at",
            "by",
            "reason",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Until,
            At,
            By,
            Reason,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "until" => Ok(GeneratedField::Until),
                            "at" => Ok(GeneratedField::At),
                            "by" => Ok(GeneratedField::By),
                            "reason" => Ok(GeneratedField::Reason),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = AlertSilence;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.AlertSilence")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<AlertSilence, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut until__ = None;
                let mut at__ = None;
                let mut by__ = None;
                let mut reason__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Until => {
                            if until__.is_some() {
                                return Err(serde::de::Error::duplicate_field("until"));
                            }
                            until__ = map_.next_value()?;
                        }
                        GeneratedField::At => {
                            if at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("at"));
                            }
                            at__ = map_.next_value()?;
                        }
                        GeneratedField::By => {
                            if by__.is_some() {
                                return Err(serde::de::Error::duplicate_field("by"));
                            }
                            by__ = map_.next_value()?;
                        }
                        GeneratedField::Reason => {
                            if reason__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reason"));
                            }
                            reason__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(AlertSilence {
                    until: until__,
                    at: at__,
                    by: by__,
                    reason: reason__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.AlertSilence", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for AlertState {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        let variant = match self {
            Self::Unspecified => "ALERT_STATE_UNSPECIFIED",
            Self::Pending => "ALERT_STATE_PENDING",
            Self::Firing => "ALERT_STATE_FIRING",
            Self::Resolved => "ALERT_STATE_RESOLVED",
        };
        serializer.serialize_str(variant)
    }
}
impl<'de> serde::Deserialize<'de> for AlertState {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "ALERT_STATE_UNSPECIFIED",
            "ALERT_STATE_PENDING",
            "ALERT_STATE_FIRING",
            "ALERT_STATE_RESOLVED",
        ];

        struct GeneratedVisitor;

        impl serde::de::Visitor<'_> for GeneratedVisitor {
            type Value = AlertState;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(formatter, "expected one of: {:?}", &FIELDS)
            }

            fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Signed(v), &self)
                    })
            }

            fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(v), &self)
                    })
            }

            fn visit_str<E>(self, value: &str) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                match value {
                    "ALERT_STATE_UNSPECIFIED" => Ok(AlertState::Unspecified),
                    "ALERT_STATE_PENDING" => Ok(AlertState::Pending),
                    "ALERT_STATE_FIRING" => Ok(AlertState::Firing),
                    "ALERT_STATE_RESOLVED" => Ok(AlertState::Resolved),
                    _ => Err(serde::de::Error::unknown_variant(value, FIELDS)),
                }
            }
        }
        deserializer.deserialize_any(GeneratedVisitor)
    }
}
impl serde::Serialize for ChannelListItem {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.name.is_empty() {
            len += 1;
        }
        if !self.r#type.is_empty() {
            len += 1;
        }
        if self.ready {
            len += 1;
        }
        if self.config.is_some() {
            len += 1;
        }
        if self.stats.is_some() {
            len += 1;
        }
        if self.last_test.is_some() {
            len += 1;
        }
        if !self.namespace.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ChannelListItem", len)?;
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if !self.r#type.is_empty() {
            struct_ser.serialize_field("type", &self.r#type)?;
        }
        if self.ready {
            struct_ser.serialize_field("ready", &self.ready)?;
        }
        if let Some(v) = self.config.as_ref() {
            struct_ser.serialize_field("config", v)?;
        }
        if let Some(v) = self.stats.as_ref() {
            struct_ser.serialize_field("stats", v)?;
        }
        if let Some(v) = self.last_test.as_ref() {
            struct_ser.serialize_field("lastTest", v)?;
        }
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ChannelListItem {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
            "type",
            "ready",
            "config",
            "stats",
            "last_test",
            "lastTest",
            "namespace",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
            Type,
            Ready,
            Config,
            Stats,
            LastTest,
            Namespace,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            "type" => Ok(GeneratedField::Type),
                            "ready" => Ok(GeneratedField::Ready),
                            "config" => Ok(GeneratedField::Config),
                            "stats" => Ok(GeneratedField::Stats),
                            "lastTest" | "last_test" => Ok(GeneratedField::LastTest),
                            "namespace" => Ok(GeneratedField::Namespace),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ChannelListItem;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ChannelListItem")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ChannelListItem, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                let mut r#type__ = None;
                let mut ready__ = None;
                let mut config__ = None;
                let mut stats__ = None;
                let mut last_test__ = None;
                let mut namespace__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Type => {
                            if r#type__.is_some() {
                                return Err(serde::de::Error::duplicate_field("type"));
                            }
                            r#type__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Ready => {
                            if ready__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ready"));
                            }
                            ready__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Config => {
                            if config__.is_some() {
                                return Err(serde::de::Error::duplicate_field("config"));
                            }
                            config__ = map_.next_value()?;
                        }
                        GeneratedField::Stats => {
                            if stats__.is_some() {
                                return Err(serde::de::Error::duplicate_field("stats"));
                            }
                            stats__ = map_.next_value()?;
                        }
                        GeneratedField::LastTest => {
                            if last_test__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastTest"));
                            }
                            last_test__ = map_.next_value()?;
                        }
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ChannelListItem {
                    name: name__.unwrap_or_default(),
                    r#type: r#type__.unwrap_or_default(),
                    ready: ready__.unwrap_or_default(),
                    config: config__,
                    stats: stats__,
                    last_test: last_test__,
                    namespace: namespace__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ChannelListItem", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ChannelStats {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.alerts_sent_total != 0 {
            len += 1;
        }
        if self.alerts_failed_total != 0 {
            len += 1;
        }
        if self.last_alert_time.is_some() {
            len += 1;
        }
        if self.last_failed_time.is_some() {
            len += 1;
        }
        if self.last_failed_error.is_some() {
            len += 1;
        }
        if self.consecutive_failures != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ChannelStats", len)?;
        if self.alerts_sent_total != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("alertsSentTotal", ToString::to_string(&self.alerts_sent_total).as_str())?;
        }
        if self.alerts_failed_total != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("alertsFailedTotal", ToString::to_string(&self.alerts_failed_total).as_str())?;
        }
        if let Some(v) = self.last_alert_time.as_ref() {
            struct_ser.serialize_field("lastAlertTime", v)?;
        }
        if let Some(v) = self.last_failed_time.as_ref() {
            struct_ser.serialize_field("lastFailedTime", v)?;
        }
        if let Some(v) = self.last_failed_error.as_ref() {
            struct_ser.serialize_field("lastFailedError", v)?;
        }
        if self.consecutive_failures != 0 {
            struct_ser.serialize_field("consecutiveFailures", &self.consecutive_failures)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ChannelStats {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "alerts_sent_total",
            "alertsSentTotal",
            "alerts_failed_total",
            "alertsFailedTotal",
            "last_alert_time",
            "lastAlertTime",
            "last_failed_time",
            "lastFailedTime",
            "last_failed_error",
            "lastFailedError",
            "consecutive_failures",
            "consecutiveFailures",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            AlertsSentTotal,
            AlertsFailedTotal,
            LastAlertTime,
            LastFailedTime,
            LastFailedError,
            ConsecutiveFailures,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "alertsSentTotal" | "alerts_sent_total" => Ok(GeneratedField::AlertsSentTotal),
                            "alertsFailedTotal" | "alerts_failed_total" => Ok(GeneratedField::AlertsFailedTotal),
                            "lastAlertTime" | "last_alert_time" => Ok(GeneratedField::LastAlertTime),
                            "lastFailedTime" | "last_failed_time" => Ok(GeneratedField::LastFailedTime),
                            "lastFailedError" | "last_failed_error" => Ok(GeneratedField::LastFailedError),
                            "consecutiveFailures" | "consecutive_failures" => Ok(GeneratedField::ConsecutiveFailures),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ChannelStats;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ChannelStats")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ChannelStats, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut alerts_sent_total__ = None;
                let mut alerts_failed_total__ = None;
                let mut last_alert_time__ = None;
                let mut last_failed_time__ = None;
                let mut last_failed_error__ = None;
                let mut consecutive_failures__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::AlertsSentTotal => {
                            if alerts_sent_total__.is_some() {
                                return Err(serde::de::Error::duplicate_field("alertsSentTotal"));
                            }
                            alerts_sent_total__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::AlertsFailedTotal => {
                            if alerts_failed_total__.is_some() {
                                return Err(serde::de::Error::duplicate_field("alertsFailedTotal"));
                            }
                            alerts_failed_total__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::LastAlertTime => {
                            if last_alert_time__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastAlertTime"));
                            }
                            last_alert_time__ = map_.next_value()?;
                        }
                        GeneratedField::LastFailedTime => {
                            if last_failed_time__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastFailedTime"));
                            }
                            last_failed_time__ = map_.next_value()?;
                        }
                        GeneratedField::LastFailedError => {
                            if last_failed_error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastFailedError"));
                            }
                            last_failed_error__ = map_.next_value()?;
                        }
                        GeneratedField::ConsecutiveFailures => {
                            if consecutive_failures__.is_some() {
                                return Err(serde::de::Error::duplicate_field("consecutiveFailures"));
                            }
                            consecutive_failures__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ChannelStats {
                    alerts_sent_total: alerts_sent_total__.unwrap_or_default(),
                    alerts_failed_total: alerts_failed_total__.unwrap_or_default(),
                    last_alert_time: last_alert_time__,
                    last_failed_time: last_failed_time__,
                    last_failed_error: last_failed_error__,
                    consecutive_failures: consecutive_failures__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ChannelStats", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ChannelSummary {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.total != 0 {
            len += 1;
        }
        if self.ready != 0 {
            len += 1;
        }
        if self.not_ready != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ChannelSummary", len)?;
        if self.total != 0 {
            struct_ser.serialize_field("total", &self.total)?;
        }
        if self.ready != 0 {
            struct_ser.serialize_field("ready", &self.ready)?;
        }
        if self.not_ready != 0 {
            struct_ser.serialize_field("notReady", &self.not_ready)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ChannelSummary {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "total",
            "ready",
            "not_ready",
            "notReady",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Total,
            Ready,
            NotReady,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "total" => Ok(GeneratedField::Total),
                            "ready" => Ok(GeneratedField::Ready),
                            "notReady" | "not_ready" => Ok(GeneratedField::NotReady),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ChannelSummary;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ChannelSummary")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ChannelSummary, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut total__ = None;
                let mut ready__ = None;
                let mut not_ready__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Total => {
                            if total__.is_some() {
                                return Err(serde::de::Error::duplicate_field("total"));
                            }
                            total__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Ready => {
                            if ready__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ready"));
                            }
                            ready__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::NotReady => {
                            if not_ready__.is_some() {
                                return Err(serde::de::Error::duplicate_field("notReady"));
                            }
                            not_ready__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ChannelSummary {
                    total: total__.unwrap_or_default(),
                    ready: ready__.unwrap_or_default(),
                    not_ready: not_ready__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ChannelSummary", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for CronJobChange {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.cronjob.is_some() {
            len += 1;
        }
        if !self.uid.is_empty() {
            len += 1;
        }
        if !self.schedule.is_empty() {
            len += 1;
        }
        if self.timezone.is_some() {
            len += 1;
        }
        if self.suspended {
            len += 1;
        }
        if self.first_seen_time.is_some() {
            len += 1;
        }
        if self.last_seen_time.is_some() {
            len += 1;
        }
        if self.delete_time.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.CronJobChange", len)?;
        if let Some(v) = self.cronjob.as_ref() {
            struct_ser.serialize_field("cronjob", v)?;
        }
        if !self.uid.is_empty() {
            struct_ser.serialize_field("uid", &self.uid)?;
        }
        if !self.schedule.is_empty() {
            struct_ser.serialize_field("schedule", &self.schedule)?;
        }
        if let Some(v) = self.timezone.as_ref() {
            struct_ser.serialize_field("timezone", v)?;
        }
        if self.suspended {
            struct_ser.serialize_field("suspended", &self.suspended)?;
        }
        if let Some(v) = self.first_seen_time.as_ref() {
            struct_ser.serialize_field("firstSeenTime", v)?;
        }
        if let Some(v) = self.last_seen_time.as_ref() {
            struct_ser.serialize_field("lastSeenTime", v)?;
        }
        if let Some(v) = self.delete_time.as_ref() {
            struct_ser.serialize_field("deleteTime", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for CronJobChange {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "cronjob",
            "uid",
            "schedule",
            "timezone",
            "suspended",
            "first_seen_time",
            "firstSeenTime",
            "last_seen_time",
            "lastSeenTime",
            "delete_time",
            "deleteTime",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Cronjob,
            Uid,
            Schedule,
            Timezone,
            Suspended,
            FirstSeenTime,
            LastSeenTime,
            DeleteTime,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "cronjob" => Ok(GeneratedField::Cronjob),
                            "uid" => Ok(GeneratedField::Uid),
                            "schedule" => Ok(GeneratedField::Schedule),
                            "timezone" => Ok(GeneratedField::Timezone),
                            "suspended" => Ok(GeneratedField::Suspended),
                            "firstSeenTime" | "first_seen_time" => Ok(GeneratedField::FirstSeenTime),
                            "lastSeenTime" | "last_seen_time" => Ok(GeneratedField::LastSeenTime),
                            "deleteTime" | "delete_time" => Ok(GeneratedField::DeleteTime),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = CronJobChange;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.CronJobChange")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<CronJobChange, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut cronjob__ = None;
                let mut uid__ = None;
                let mut schedule__ = None;
                let mut timezone__ = None;
                let mut suspended__ = None;
                let mut first_seen_time__ = None;
                let mut last_seen_time__ = None;
                let mut delete_time__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Cronjob => {
                            if cronjob__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cronjob"));
                            }
                            cronjob__ = map_.next_value()?;
                        }
                        GeneratedField::Uid => {
                            if uid__.is_some() {
                                return Err(serde::de::Error::duplicate_field("uid"));
                            }
                            uid__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Schedule => {
                            if schedule__.is_some() {
                                return Err(serde::de::Error::duplicate_field("schedule"));
                            }
                            schedule__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Timezone => {
                            if timezone__.is_some() {
                                return Err(serde::de::Error::duplicate_field("timezone"));
                            }
                            timezone__ = map_.next_value()?;
                        }
                        GeneratedField::Suspended => {
                            if suspended__.is_some() {
                                return Err(serde::de::Error::duplicate_field("suspended"));
                            }
                            suspended__ = Some(map_.next_value()?);
                        }
                        GeneratedField::FirstSeenTime => {
                            if first_seen_time__.is_some() {
                                return Err(serde::de::Error::duplicate_field("firstSeenTime"));
                            }
                            first_seen_time__ = map_.next_value()?;
                        }
                        GeneratedField::LastSeenTime => {
                            if last_seen_time__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastSeenTime"));
                            }
                            last_seen_time__ = map_.next_value()?;
                        }
                        GeneratedField::DeleteTime => {
                            if delete_time__.is_some() {
                                return Err(serde::de::Error::duplicate_field("deleteTime"));
                            }
                            delete_time__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(CronJobChange {
                    cronjob: cronjob__,
                    uid: uid__.unwrap_or_default(),
                    schedule: schedule__.unwrap_or_default(),
                    timezone: timezone__,
                    suspended: suspended__.unwrap_or_default(),
                    first_seen_time: first_seen_time__,
                    last_seen_time: last_seen_time__,
                    delete_time: delete_time__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.CronJobChange", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for CronJobListItem {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.name.is_empty() {
            len += 1;
        }
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.status.is_empty() {
            len += 1;
        }
        if !self.schedule.is_empty() {
            len += 1;
        }
        if self.timezone.is_some() {
            len += 1;
        }
        if self.suspended {
            len += 1;
        }
        if self.success_rate != 0. {
            len += 1;
        }
        if self.last_success.is_some() {
            len += 1;
        }
        if self.last_run_duration.is_some() {
            len += 1;
        }
        if self.next_run.is_some() {
            len += 1;
        }
        if !self.active_jobs.is_empty() {
            len += 1;
        }
        if self.active_alerts != 0 {
            len += 1;
        }
        if self.monitor_ref.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.CronJobListItem", len)?;
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.status.is_empty() {
            struct_ser.serialize_field("status", &self.status)?;
        }
        if !self.schedule.is_empty() {
            struct_ser.serialize_field("schedule", &self.schedule)?;
        }
        if let Some(v) = self.timezone.as_ref() {
            struct_ser.serialize_field("timezone", v)?;
        }
        if self.suspended {
            struct_ser.serialize_field("suspended", &self.suspended)?;
        }
        if self.success_rate != 0. {
            struct_ser.serialize_field("successRate", &self.success_rate)?;
        }
        if let Some(v) = self.last_success.as_ref() {
            struct_ser.serialize_field("lastSuccess", v)?;
        }
        if let Some(v) = self.last_run_duration.as_ref() {
            struct_ser.serialize_field("lastRunDuration", v)?;
        }
        if let Some(v) = self.next_run.as_ref() {
            struct_ser.serialize_field("nextRun", v)?;
        }
        if !self.active_jobs.is_empty() {
            struct_ser.serialize_field("activeJobs", &self.active_jobs)?;
        }
        if self.active_alerts != 0 {
            struct_ser.serialize_field("activeAlerts", &self.active_alerts)?;
        }
        if let Some(v) = self.monitor_ref.as_ref() {
            struct_ser.serialize_field("monitorRef", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for CronJobListItem {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
            "namespace",
            "status",
            "schedule",
            "timezone",
            "suspended",
            "success_rate",
            "successRate",
            "last_success",
            "lastSuccess",
            "last_run_duration",
            "lastRunDuration",
            "next_run",
            "nextRun",
            "active_jobs",
            "activeJobs",
            "active_alerts",
            "activeAlerts",
            "monitor_ref",
            "monitorRef",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
            Namespace,
            Status,
            Schedule,
            Timezone,
            Suspended,
            SuccessRate,
            LastSuccess,
            LastRunDuration,
            NextRun,
            ActiveJobs,
            ActiveAlerts,
            MonitorRef,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            "namespace" => Ok(GeneratedField::Namespace),
                            "status" => Ok(GeneratedField::Status),
                            "schedule" => Ok(GeneratedField::Schedule),
                            "timezone" => Ok(GeneratedField::Timezone),
                            "suspended" => Ok(GeneratedField::Suspended),
                            "successRate" | "success_rate" => Ok(GeneratedField::SuccessRate),
                            "lastSuccess" | "last_success" => Ok(GeneratedField::LastSuccess),
                            "lastRunDuration" | "last_run_duration" => Ok(GeneratedField::LastRunDuration),
                            "nextRun" | "next_run" => Ok(GeneratedField::NextRun),
                            "activeJobs" | "active_jobs" => Ok(GeneratedField::ActiveJobs),
                            "activeAlerts" | "active_alerts" => Ok(GeneratedField::ActiveAlerts),
                            "monitorRef" | "monitor_ref" => Ok(GeneratedField::MonitorRef),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = CronJobListItem;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.CronJobListItem")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<CronJobListItem, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                let mut namespace__ = None;
                let mut status__ = None;
                let mut schedule__ = None;
                let mut timezone__ = None;
                let mut suspended__ = None;
                let mut success_rate__ = None;
                let mut last_success__ = None;
                let mut last_run_duration__ = None;
                let mut next_run__ = None;
                let mut active_jobs__ = None;
                let mut active_alerts__ = None;
                let mut monitor_ref__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Status => {
                            if status__.is_some() {
                                return Err(serde::de::Error::duplicate_field("status"));
                            }
                            status__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Schedule => {
                            if schedule__.is_some() {
                                return Err(serde::de::Error::duplicate_field("schedule"));
                            }
                            schedule__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Timezone => {
                            if timezone__.is_some() {
                                return Err(serde::de::Error::duplicate_field("timezone"));
                            }
                            timezone__ = map_.next_value()?;
                        }
                        GeneratedField::Suspended => {
                            if suspended__.is_some() {
                                return Err(serde::de::Error::duplicate_field("suspended"));
                            }
                            suspended__ = Some(map_.next_value()?);
                        }
                        GeneratedField::SuccessRate => {
                            if success_rate__.is_some() {
                                return Err(serde::de::Error::duplicate_field("successRate"));
                            }
                            success_rate__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::LastSuccess => {
                            if last_success__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastSuccess"));
                            }
                            last_success__ = map_.next_value()?;
                        }
                        GeneratedField::LastRunDuration => {
                            if last_run_duration__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastRunDuration"));
                            }
                            last_run_duration__ = map_.next_value()?;
                        }
                        GeneratedField::NextRun => {
                            if next_run__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nextRun"));
                            }
                            next_run__ = map_.next_value()?;
                        }
                        GeneratedField::ActiveJobs => {
                            if active_jobs__.is_some() {
                                return Err(serde::de::Error::duplicate_field("activeJobs"));
                            }
                            active_jobs__ = Some(map_.next_value()?);
                        }
                        GeneratedField::ActiveAlerts => {
                            if active_alerts__.is_some() {
                                return Err(serde::de::Error::duplicate_field("activeAlerts"));
                            }
                            active_alerts__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::MonitorRef => {
                            if monitor_ref__.is_some() {
                                return Err(serde::de::Error::duplicate_field("monitorRef"));
                            }
                            monitor_ref__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(CronJobListItem {
                    name: name__.unwrap_or_default(),
                    namespace: namespace__.unwrap_or_default(),
                    status: status__.unwrap_or_default(),
                    schedule: schedule__.unwrap_or_default(),
                    timezone: timezone__,
                    suspended: suspended__.unwrap_or_default(),
                    success_rate: success_rate__.unwrap_or_default(),
                    last_success: last_success__,
                    last_run_duration: last_run_duration__,
                    next_run: next_run__,
                    active_jobs: active_jobs__.unwrap_or_default(),
                    active_alerts: active_alerts__.unwrap_or_default(),
                    monitor_ref: monitor_ref__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.CronJobListItem", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for CronJobMetrics {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.success_rate_7d != 0. {
            len += 1;
        }
        if self.success_rate_30d != 0. {
            len += 1;
        }
        if self.total_runs_7d != 0 {
            len += 1;
        }
        if self.successful_runs_7d != 0 {
            len += 1;
        }
        if self.failed_runs_7d != 0 {
            len += 1;
        }
        if self.avg_duration_seconds != 0. {
            len += 1;
        }
        if self.p50_duration_seconds != 0. {
            len += 1;
        }
        if self.p95_duration_seconds != 0. {
            len += 1;
        }
        if self.p99_duration_seconds != 0. {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.CronJobMetrics", len)?;
        if self.success_rate_7d != 0. {
            struct_ser.serialize_field("successRate7d", &self.success_rate_7d)?;
        }
        if self.success_rate_30d != 0. {
            struct_ser.serialize_field("successRate30d", &self.success_rate_30d)?;
        }
        if self.total_runs_7d != 0 {
            struct_ser.serialize_field("totalRuns7d", &self.total_runs_7d)?;
        }
        if self.successful_runs_7d != 0 {
            struct_ser.serialize_field("successfulRuns7d", &self.successful_runs_7d)?;
        }
        if self.failed_runs_7d != 0 {
            struct_ser.serialize_field("failedRuns7d", &self.failed_runs_7d)?;
        }
        if self.avg_duration_seconds != 0. {
            struct_ser.serialize_field("avgDurationSeconds", &self.avg_duration_seconds)?;
        }
        if self.p50_duration_seconds != 0. {
            struct_ser.serialize_field("p50DurationSeconds", &self.p50_duration_seconds)?;
        }
        if self.p95_duration_seconds != 0. {
            struct_ser.serialize_field("p95DurationSeconds", &self.p95_duration_seconds)?;
        }
        if self.p99_duration_seconds != 0. {
            struct_ser.serialize_field("p99DurationSeconds", &self.p99_duration_seconds)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for CronJobMetrics {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "success_rate_7d",
            "successRate7d",
            "success_rate_30d",
            "successRate30d",
            "total_runs_7d",
            "totalRuns7d",
            "successful_runs_7d",
            "successfulRuns7d",
            "failed_runs_7d",
            "failedRuns7d",
            "avg_duration_seconds",
            "avgDurationSeconds",
            "p50_duration_seconds",
            "p50DurationSeconds",
            "p95_duration_seconds",
            "p95DurationSeconds",
            "p99_duration_seconds",
            "p99DurationSeconds",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            SuccessRate7d,
            SuccessRate30d,
            TotalRuns7d,
            SuccessfulRuns7d,
            FailedRuns7d,
            AvgDurationSeconds,
            P50DurationSeconds,
            P95DurationSeconds,
            P99DurationSeconds,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "successRate7d" | "success_rate_7d" => Ok(GeneratedField::SuccessRate7d),
                            "successRate30d" | "success_rate_30d" => Ok(GeneratedField::SuccessRate30d),
                            "totalRuns7d" | "total_runs_7d" => Ok(GeneratedField::TotalRuns7d),
                            "successfulRuns7d" | "successful_runs_7d" => Ok(GeneratedField::SuccessfulRuns7d),
                            "failedRuns7d" | "failed_runs_7d" => Ok(GeneratedField::FailedRuns7d),
                            "avgDurationSeconds" | "avg_duration_seconds" => Ok(GeneratedField::AvgDurationSeconds),
                            "p50DurationSeconds" | "p50_duration_seconds" => Ok(GeneratedField::P50DurationSeconds),
                            "p95DurationSeconds" | "p95_duration_seconds" => Ok(GeneratedField::P95DurationSeconds),
                            "p99DurationSeconds" | "p99_duration_seconds" => Ok(GeneratedField::P99DurationSeconds),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = CronJobMetrics;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.CronJobMetrics")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<CronJobMetrics, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut success_rate_7d__ = None;
                let mut success_rate_30d__ = None;
                let mut total_runs_7d__ = None;
                let mut successful_runs_7d__ = None;
                let mut failed_runs_7d__ = None;
                let mut avg_duration_seconds__ = None;
                let mut p50_duration_seconds__ = None;
                let mut p95_duration_seconds__ = None;
                let mut p99_duration_seconds__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::SuccessRate7d => {
                            if success_rate_7d__.is_some() {
                                return Err(serde::de::Error::duplicate_field("successRate7d"));
                            }
                            success_rate_7d__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::SuccessRate30d => {
                            if success_rate_30d__.is_some() {
                                return Err(serde::de::Error::duplicate_field("successRate30d"));
                            }
                            success_rate_30d__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::TotalRuns7d => {
                            if total_runs_7d__.is_some() {
                                return Err(serde::de::Error::duplicate_field("totalRuns7d"));
                            }
                            total_runs_7d__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::SuccessfulRuns7d => {
                            if successful_runs_7d__.is_some() {
                                return Err(serde::de::Error::duplicate_field("successfulRuns7d"));
                            }
                            successful_runs_7d__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::FailedRuns7d => {
                            if failed_runs_7d__.is_some() {
                                return Err(serde::de::Error::duplicate_field("failedRuns7d"));
                            }
                            failed_runs_7d__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::AvgDurationSeconds => {
                            if avg_duration_seconds__.is_some() {
                                return Err(serde::de::Error::duplicate_field("avgDurationSeconds"));
                            }
                            avg_duration_seconds__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::P50DurationSeconds => {
                            if p50_duration_seconds__.is_some() {
                                return Err(serde::de::Error::duplicate_field("p50DurationSeconds"));
                            }
                            p50_duration_seconds__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::P95DurationSeconds => {
                            if p95_duration_seconds__.is_some() {
                                return Err(serde::de::Error::duplicate_field("p95DurationSeconds"));
                            }
                            p95_duration_seconds__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::P99DurationSeconds => {
                            if p99_duration_seconds__.is_some() {
                                return Err(serde::de::Error::duplicate_field("p99DurationSeconds"));
                            }
                            p99_duration_seconds__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(CronJobMetrics {
                    success_rate_7d: success_rate_7d__.unwrap_or_default(),
                    success_rate_30d: success_rate_30d__.unwrap_or_default(),
                    total_runs_7d: total_runs_7d__.unwrap_or_default(),
                    successful_runs_7d: successful_runs_7d__.unwrap_or_default(),
                    failed_runs_7d: failed_runs_7d__.unwrap_or_default(),
                    avg_duration_seconds: avg_duration_seconds__.unwrap_or_default(),
                    p50_duration_seconds: p50_duration_seconds__.unwrap_or_default(),
                    p95_duration_seconds: p95_duration_seconds__.unwrap_or_default(),
                    p99_duration_seconds: p99_duration_seconds__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.CronJobMetrics", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for DailyStats {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.day.is_empty() {
            len += 1;
        }
        if self.total != 0 {
            len += 1;
        }
        if self.succeeded != 0 {
            len += 1;
        }
        if self.failed != 0 {
            len += 1;
        }
        if self.p50_duration_seconds.is_some() {
            len += 1;
        }
        if self.p95_duration_seconds.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.DailyStats", len)?;
        if !self.day.is_empty() {
            struct_ser.serialize_field("day", &self.day)?;
        }
        if self.total != 0 {
            struct_ser.serialize_field("total", &self.total)?;
        }
        if self.succeeded != 0 {
            struct_ser.serialize_field("succeeded", &self.succeeded)?;
        }
        if self.failed != 0 {
            struct_ser.serialize_field("failed", &self.failed)?;
        }
        if let Some(v) = self.p50_duration_seconds.as_ref() {
            struct_ser.serialize_field("p50DurationSeconds", v)?;
        }
        if let Some(v) = self.p95_duration_seconds.as_ref() {
            struct_ser.serialize_field("p95DurationSeconds", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for DailyStats {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "day",
            "total",
            "succeeded",
            "failed",
            "p50_duration_seconds",
            "p50DurationSeconds",
            "p95_duration_seconds",
            "p95DurationSeconds",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Day,
            Total,
            Succeeded,
            Failed,
            P50DurationSeconds,
            P95DurationSeconds,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "day" => Ok(GeneratedField::Day),
                            "total" => Ok(GeneratedField::Total),
                            "succeeded" => Ok(GeneratedField::Succeeded),
                            "failed" => Ok(GeneratedField::Failed),
                            "p50DurationSeconds" | "p50_duration_seconds" => Ok(GeneratedField::P50DurationSeconds),
                            "p95DurationSeconds" | "p95_duration_seconds" => Ok(GeneratedField::P95DurationSeconds),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = DailyStats;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.DailyStats")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<DailyStats, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut day__ = None;
                let mut total__ = None;
                let mut succeeded__ = None;
                let mut failed__ = None;
                let mut p50_duration_seconds__ = None;
                let mut p95_duration_seconds__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Day => {
                            if day__.is_some() {
                                return Err(serde::de::Error::duplicate_field("day"));
                            }
                            day__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Total => {
                            if total__.is_some() {
                                return Err(serde::de::Error::duplicate_field("total"));
                            }
                            total__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Succeeded => {
                            if succeeded__.is_some() {
                                return Err(serde::de::Error::duplicate_field("succeeded"));
                            }
                            succeeded__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Failed => {
                            if failed__.is_some() {
                                return Err(serde::de::Error::duplicate_field("failed"));
                            }
                            failed__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::P50DurationSeconds => {
                            if p50_duration_seconds__.is_some() {
                                return Err(serde::de::Error::duplicate_field("p50DurationSeconds"));
                            }
                            p50_duration_seconds__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::P95DurationSeconds => {
                            if p95_duration_seconds__.is_some() {
                                return Err(serde::de::Error::duplicate_field("p95DurationSeconds"));
                            }
                            p95_duration_seconds__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(DailyStats {
                    day: day__.unwrap_or_default(),
                    total: total__.unwrap_or_default(),
                    succeeded: succeeded__.unwrap_or_default(),
                    failed: failed__.unwrap_or_default(),
                    p50_duration_seconds: p50_duration_seconds__,
                    p95_duration_seconds: p95_duration_seconds__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.DailyStats", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for DeleteHistoryRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.name.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.DeleteHistoryRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for DeleteHistoryRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "name",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Name,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "name" => Ok(GeneratedField::Name),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = DeleteHistoryRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.DeleteHistoryRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<DeleteHistoryRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut name__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(DeleteHistoryRequest {
                    namespace: namespace__.unwrap_or_default(),
                    name: name__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.DeleteHistoryRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for DeleteHistoryResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.success {
            len += 1;
        }
        if self.records_deleted != 0 {
            len += 1;
        }
        if !self.message.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.DeleteHistoryResponse", len)?;
        if self.success {
            struct_ser.serialize_field("success", &self.success)?;
        }
        if self.records_deleted != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("recordsDeleted", ToString::to_string(&self.records_deleted).as_str())?;
        }
        if !self.message.is_empty() {
            struct_ser.serialize_field("message", &self.message)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for DeleteHistoryResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "success",
            "records_deleted",
            "recordsDeleted",
            "message",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Success,
            RecordsDeleted,
            Message,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "success" => Ok(GeneratedField::Success),
                            "recordsDeleted" | "records_deleted" => Ok(GeneratedField::RecordsDeleted),
                            "message" => Ok(GeneratedField::Message),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = DeleteHistoryResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.DeleteHistoryResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<DeleteHistoryResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut success__ = None;
                let mut records_deleted__ = None;
                let mut message__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Success => {
                            if success__.is_some() {
                                return Err(serde::de::Error::duplicate_field("success"));
                            }
                            success__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RecordsDeleted => {
                            if records_deleted__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordsDeleted"));
                            }
                            records_deleted__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Message => {
                            if message__.is_some() {
                                return Err(serde::de::Error::duplicate_field("message"));
                            }
                            message__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(DeleteHistoryResponse {
                    success: success__.unwrap_or_default(),
                    records_deleted: records_deleted__.unwrap_or_default(),
                    message: message__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.DeleteHistoryResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Event {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.sequence != 0 {
            len += 1;
        }
        if self.epoch != 0 {
            len += 1;
        }
        if self.time.is_some() {
            len += 1;
        }
        if self.change.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.Event", len)?;
        if self.sequence != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("sequence", ToString::to_string(&self.sequence).as_str())?;
        }
        if self.epoch != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("epoch", ToString::to_string(&self.epoch).as_str())?;
        }
        if let Some(v) = self.time.as_ref() {
            struct_ser.serialize_field("time", v)?;
        }
        if let Some(v) = self.change.as_ref() {
            match v {
                event::Change::Execution(v) => {
                    struct_ser.serialize_field("execution", v)?;
                }
                event::Change::Cronjob(v) => {
                    struct_ser.serialize_field("cronjob", v)?;
                }
                event::Change::Alert(v) => {
                    struct_ser.serialize_field("alert", v)?;
                }
                event::Change::HistoryDeleted(v) => {
                    struct_ser.serialize_field("historyDeleted", v)?;
                }
            }
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for Event {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "sequence",
            "epoch",
            "time",
            "execution",
            "cronjob",
            "alert",
            "history_deleted",
            "historyDeleted",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Sequence,
            Epoch,
            Time,
            Execution,
            Cronjob,
            Alert,
            HistoryDeleted,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "sequence" => Ok(GeneratedField::Sequence),
                            "epoch" => Ok(GeneratedField::Epoch),
                            "time" => Ok(GeneratedField::Time),
                            "execution" => Ok(GeneratedField::Execution),
                            "cronjob" => Ok(GeneratedField::Cronjob),
                            "alert" => Ok(GeneratedField::Alert),
                            "historyDeleted" | "history_deleted" => Ok(GeneratedField::HistoryDeleted),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Event;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.Event")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<Event, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut sequence__ = None;
                let mut epoch__ = None;
                let mut time__ = None;
                let mut change__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Sequence => {
                            if sequence__.is_some() {
                                return Err(serde::de::Error::duplicate_field("sequence"));
                            }
                            sequence__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Epoch => {
                            if epoch__.is_some() {
                                return Err(serde::de::Error::duplicate_field("epoch"));
                            }
                            epoch__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Time => {
                            if time__.is_some() {
                                return Err(serde::de::Error::duplicate_field("time"));
                            }
                            time__ = map_.next_value()?;
                        }
                        GeneratedField::Execution => {
                            if change__.is_some() {
                                return Err(serde::de::Error::duplicate_field("execution"));
                            }
                            change__ = map_.next_value::<::std::option::Option<_>>()?.map(event::Change::Execution)
;
                        }
                        GeneratedField::Cronjob => {
                            if change__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cronjob"));
                            }
                            change__ = map_.next_value::<::std::option::Option<_>>()?.map(event::Change::Cronjob)
;
                        }
                        GeneratedField::Alert => {
                            if change__.is_some() {
                                return Err(serde::de::Error::duplicate_field("alert"));
                            }
                            change__ = map_.next_value::<::std::option::Option<_>>()?.map(event::Change::Alert)
;
                        }
                        GeneratedField::HistoryDeleted => {
                            if change__.is_some() {
                                return Err(serde::de::Error::duplicate_field("historyDeleted"));
                            }
                            change__ = map_.next_value::<::std::option::Option<_>>()?.map(event::Change::HistoryDeleted)
;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Event {
                    sequence: sequence__.unwrap_or_default(),
                    epoch: epoch__.unwrap_or_default(),
                    time: time__,
                    change: change__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.Event", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ExecutionChange {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.job_uid.is_empty() {
            len += 1;
        }
        if !self.job_name.is_empty() {
            len += 1;
        }
        if self.cronjob.is_some() {
            len += 1;
        }
        if self.cron_job_uid.is_some() {
            len += 1;
        }
        if self.start_time.is_some() {
            len += 1;
        }
        if self.completion_time.is_some() {
            len += 1;
        }
        if self.outcome != 0 {
            len += 1;
        }
        if self.exit_code.is_some() {
            len += 1;
        }
        if self.reason.is_some() {
            len += 1;
        }
        if self.logs.is_some() {
            len += 1;
        }
        if !self.events.is_empty() {
            len += 1;
        }
        if self.retries != 0 {
            len += 1;
        }
        if self.manual {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ExecutionChange", len)?;
        if !self.job_uid.is_empty() {
            struct_ser.serialize_field("jobUid", &self.job_uid)?;
        }
        if !self.job_name.is_empty() {
            struct_ser.serialize_field("jobName", &self.job_name)?;
        }
        if let Some(v) = self.cronjob.as_ref() {
            struct_ser.serialize_field("cronjob", v)?;
        }
        if let Some(v) = self.cron_job_uid.as_ref() {
            struct_ser.serialize_field("cronJobUID", v)?;
        }
        if let Some(v) = self.start_time.as_ref() {
            struct_ser.serialize_field("startTime", v)?;
        }
        if let Some(v) = self.completion_time.as_ref() {
            struct_ser.serialize_field("completionTime", v)?;
        }
        if self.outcome != 0 {
            let v = ExecutionOutcome::try_from(self.outcome)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.outcome)))?;
            struct_ser.serialize_field("outcome", &v)?;
        }
        if let Some(v) = self.exit_code.as_ref() {
            struct_ser.serialize_field("exitCode", v)?;
        }
        if let Some(v) = self.reason.as_ref() {
            struct_ser.serialize_field("reason", v)?;
        }
        if let Some(v) = self.logs.as_ref() {
            struct_ser.serialize_field("logs", v)?;
        }
        if !self.events.is_empty() {
            struct_ser.serialize_field("events", &self.events)?;
        }
        if self.retries != 0 {
            struct_ser.serialize_field("retries", &self.retries)?;
        }
        if self.manual {
            struct_ser.serialize_field("manual", &self.manual)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ExecutionChange {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "job_uid",
            "jobUid",
            "job_name",
            "jobName",
            "cronjob",
            "cron_job_uid",
            "cronJobUID",
            "start_time",
            "startTime",
            "completion_time",
            "completionTime",
            "outcome",
            "exit_code",
            "exitCode",
            "reason",
            "logs",
            "events",
            "retries",
            "manual",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            JobUid,
            JobName,
            Cronjob,
            CronJobUid,
            StartTime,
            CompletionTime,
            Outcome,
            ExitCode,
            Reason,
            Logs,
            Events,
            Retries,
            Manual,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "jobUid" | "job_uid" => Ok(GeneratedField::JobUid),
                            "jobName" | "job_name" => Ok(GeneratedField::JobName),
                            "cronjob" => Ok(GeneratedField::Cronjob),
                            "cronJobUID" | "cron_job_uid" => Ok(GeneratedField::CronJobUid),
                            "startTime" | "start_time" => Ok(GeneratedField::StartTime),
                            "completionTime" | "completion_time" => Ok(GeneratedField::CompletionTime),
                            "outcome" => Ok(GeneratedField::Outcome),
                            "exitCode" | "exit_code" => Ok(GeneratedField::ExitCode),
                            "reason" => Ok(GeneratedField::Reason),
                            "logs" => Ok(GeneratedField::Logs),
                            "events" => Ok(GeneratedField::Events),
                            "retries" => Ok(GeneratedField::Retries),
                            "manual" => Ok(GeneratedField::Manual),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ExecutionChange;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ExecutionChange")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ExecutionChange, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut job_uid__ = None;
                let mut job_name__ = None;
                let mut cronjob__ = None;
                let mut cron_job_uid__ = None;
                let mut start_time__ = None;
                let mut completion_time__ = None;
                let mut outcome__ = None;
                let mut exit_code__ = None;
                let mut reason__ = None;
                let mut logs__ = None;
                let mut events__ = None;
                let mut retries__ = None;
                let mut manual__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::JobUid => {
                            if job_uid__.is_some() {
                                return Err(serde::de::Error::duplicate_field("jobUid"));
                            }
                            job_uid__ = Some(map_.next_value()?);
                        }
                        GeneratedField::JobName => {
                            if job_name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("jobName"));
                            }
                            job_name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Cronjob => {
                            if cronjob__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cronjob"));
                            }
                            cronjob__ = map_.next_value()?;
                        }
                        GeneratedField::CronJobUid => {
                            if cron_job_uid__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cronJobUID"));
                            }
                            cron_job_uid__ = map_.next_value()?;
                        }
                        GeneratedField::StartTime => {
                            if start_time__.is_some() {
                                return Err(serde::de::Error::duplicate_field("startTime"));
                            }
                            start_time__ = map_.next_value()?;
                        }
                        GeneratedField::CompletionTime => {
                            if completion_time__.is_some() {
                                return Err(serde::de::Error::duplicate_field("completionTime"));
                            }
                            completion_time__ = map_.next_value()?;
                        }
                        GeneratedField::Outcome => {
                            if outcome__.is_some() {
                                return Err(serde::de::Error::duplicate_field("outcome"));
                            }
                            outcome__ = Some(map_.next_value::<ExecutionOutcome>()? as i32);
                        }
                        GeneratedField::ExitCode => {
                            if exit_code__.is_some() {
                                return Err(serde::de::Error::duplicate_field("exitCode"));
                            }
                            exit_code__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::Reason => {
                            if reason__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reason"));
                            }
                            reason__ = map_.next_value()?;
                        }
                        GeneratedField::Logs => {
                            if logs__.is_some() {
                                return Err(serde::de::Error::duplicate_field("logs"));
                            }
                            logs__ = map_.next_value()?;
                        }
                        GeneratedField::Events => {
                            if events__.is_some() {
                                return Err(serde::de::Error::duplicate_field("events"));
                            }
                            events__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Retries => {
                            if retries__.is_some() {
                                return Err(serde::de::Error::duplicate_field("retries"));
                            }
                            retries__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Manual => {
                            if manual__.is_some() {
                                return Err(serde::de::Error::duplicate_field("manual"));
                            }
                            manual__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ExecutionChange {
                    job_uid: job_uid__.unwrap_or_default(),
                    job_name: job_name__.unwrap_or_default(),
                    cronjob: cronjob__,
                    cron_job_uid: cron_job_uid__,
                    start_time: start_time__,
                    completion_time: completion_time__,
                    outcome: outcome__.unwrap_or_default(),
                    exit_code: exit_code__,
                    reason: reason__,
                    logs: logs__,
                    events: events__.unwrap_or_default(),
                    retries: retries__.unwrap_or_default(),
                    manual: manual__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ExecutionChange", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ExecutionDetail {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.id != 0 {
            len += 1;
        }
        if !self.cron_job_namespace.is_empty() {
            len += 1;
        }
        if !self.cron_job_name.is_empty() {
            len += 1;
        }
        if self.cron_job_uid.is_some() {
            len += 1;
        }
        if !self.job_name.is_empty() {
            len += 1;
        }
        if !self.status.is_empty() {
            len += 1;
        }
        if self.start_time.is_some() {
            len += 1;
        }
        if self.completion_time.is_some() {
            len += 1;
        }
        if !self.duration.is_empty() {
            len += 1;
        }
        if self.exit_code != 0 {
            len += 1;
        }
        if self.reason.is_some() {
            len += 1;
        }
        if self.is_retry {
            len += 1;
        }
        if self.retry_of.is_some() {
            len += 1;
        }
        if self.stored_logs.is_some() {
            len += 1;
        }
        if self.stored_events.is_some() {
            len += 1;
        }
        if self.retries != 0 {
            len += 1;
        }
        if self.manual {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ExecutionDetail", len)?;
        if self.id != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("id", ToString::to_string(&self.id).as_str())?;
        }
        if !self.cron_job_namespace.is_empty() {
            struct_ser.serialize_field("cronJobNamespace", &self.cron_job_namespace)?;
        }
        if !self.cron_job_name.is_empty() {
            struct_ser.serialize_field("cronJobName", &self.cron_job_name)?;
        }
        if let Some(v) = self.cron_job_uid.as_ref() {
            struct_ser.serialize_field("cronJobUID", v)?;
        }
        if !self.job_name.is_empty() {
            struct_ser.serialize_field("jobName", &self.job_name)?;
        }
        if !self.status.is_empty() {
            struct_ser.serialize_field("status", &self.status)?;
        }
        if let Some(v) = self.start_time.as_ref() {
            struct_ser.serialize_field("startTime", v)?;
        }
        if let Some(v) = self.completion_time.as_ref() {
            struct_ser.serialize_field("completionTime", v)?;
        }
        if !self.duration.is_empty() {
            struct_ser.serialize_field("duration", &self.duration)?;
        }
        if self.exit_code != 0 {
            struct_ser.serialize_field("exitCode", &self.exit_code)?;
        }
        if let Some(v) = self.reason.as_ref() {
            struct_ser.serialize_field("reason", v)?;
        }
        if self.is_retry {
            struct_ser.serialize_field("isRetry", &self.is_retry)?;
        }
        if let Some(v) = self.retry_of.as_ref() {
            struct_ser.serialize_field("retryOf", v)?;
        }
        if let Some(v) = self.stored_logs.as_ref() {
            struct_ser.serialize_field("storedLogs", v)?;
        }
        if let Some(v) = self.stored_events.as_ref() {
            struct_ser.serialize_field("storedEvents", v)?;
        }
        if self.retries != 0 {
            struct_ser.serialize_field("retries", &self.retries)?;
        }
        if self.manual {
            struct_ser.serialize_field("manual", &self.manual)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ExecutionDetail {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "id",
            "cron_job_namespace",
            "cronJobNamespace",
            "cron_job_name",
            "cronJobName",
            "cron_job_uid",
            "cronJobUID",
            "job_name",
            "jobName",
            "status",
            "start_time",
            "startTime",
            "completion_time",
            "completionTime",
            "duration",
            "exit_code",
            "exitCode",
            "reason",
            "is_retry",
            "isRetry",
            "retry_of",
            "retryOf",
            "stored_logs",
            "storedLogs",
            "stored_events",
            "storedEvents",
            "retries",
            "manual",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Id,
            CronJobNamespace,
            CronJobName,
            CronJobUid,
            JobName,
            Status,
            StartTime,
            CompletionTime,
            Duration,
            ExitCode,
            Reason,
            IsRetry,
            RetryOf,
            StoredLogs,
            StoredEvents,
            Retries,
            Manual,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "id" => Ok(GeneratedField::Id),
                            "cronJobNamespace" | "cron_job_namespace" => Ok(GeneratedField::CronJobNamespace),
                            "cronJobName" | "cron_job_name" => Ok(GeneratedField::CronJobName),
                            "cronJobUID" | "cron_job_uid" => Ok(GeneratedField::CronJobUid),
                            "jobName" | "job_name" => Ok(GeneratedField::JobName),
                            "status" => Ok(GeneratedField::Status),
                            "startTime" | "start_time" => Ok(GeneratedField::StartTime),
                            "completionTime" | "completion_time" => Ok(GeneratedField::CompletionTime),
                            "duration" => Ok(GeneratedField::Duration),
                            "exitCode" | "exit_code" => Ok(GeneratedField::ExitCode),
                            "reason" => Ok(GeneratedField::Reason),
                            "isRetry" | "is_retry" => Ok(GeneratedField::IsRetry),
                            "retryOf" | "retry_of" => Ok(GeneratedField::RetryOf),
                            "storedLogs" | "stored_logs" => Ok(GeneratedField::StoredLogs),
                            "storedEvents" | "stored_events" => Ok(GeneratedField::StoredEvents),
                            "retries" => Ok(GeneratedField::Retries),
                            "manual" => Ok(GeneratedField::Manual),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ExecutionDetail;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ExecutionDetail")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ExecutionDetail, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut id__ = None;
                let mut cron_job_namespace__ = None;
                let mut cron_job_name__ = None;
                let mut cron_job_uid__ = None;
                let mut job_name__ = None;
                let mut status__ = None;
                let mut start_time__ = None;
                let mut completion_time__ = None;
                let mut duration__ = None;
                let mut exit_code__ = None;
                let mut reason__ = None;
                let mut is_retry__ = None;
                let mut retry_of__ = None;
                let mut stored_logs__ = None;
                let mut stored_events__ = None;
                let mut retries__ = None;
                let mut manual__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Id => {
                            if id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("id"));
                            }
                            id__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::CronJobNamespace => {
                            if cron_job_namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cronJobNamespace"));
                            }
                            cron_job_namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::CronJobName => {
                            if cron_job_name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cronJobName"));
                            }
                            cron_job_name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::CronJobUid => {
                            if cron_job_uid__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cronJobUID"));
                            }
                            cron_job_uid__ = map_.next_value()?;
                        }
                        GeneratedField::JobName => {
                            if job_name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("jobName"));
                            }
                            job_name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Status => {
                            if status__.is_some() {
                                return Err(serde::de::Error::duplicate_field("status"));
                            }
                            status__ = Some(map_.next_value()?);
                        }
                        GeneratedField::StartTime => {
                            if start_time__.is_some() {
                                return Err(serde::de::Error::duplicate_field("startTime"));
                            }
                            start_time__ = map_.next_value()?;
                        }
                        GeneratedField::CompletionTime => {
                            if completion_time__.is_some() {
                                return Err(serde::de::Error::duplicate_field("completionTime"));
                            }
                            completion_time__ = map_.next_value()?;
                        }
                        GeneratedField::Duration => {
                            if duration__.is_some() {
                                return Err(serde::de::Error::duplicate_field("duration"));
                            }
                            duration__ = Some(map_.next_value()?);
                        }
                        GeneratedField::ExitCode => {
                            if exit_code__.is_some() {
                                return Err(serde::de::Error::duplicate_field("exitCode"));
                            }
                            exit_code__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Reason => {
                            if reason__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reason"));
                            }
                            reason__ = map_.next_value()?;
                        }
                        GeneratedField::IsRetry => {
                            if is_retry__.is_some() {
                                return Err(serde::de::Error::duplicate_field("isRetry"));
                            }
                            is_retry__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RetryOf => {
                            if retry_of__.is_some() {
                                return Err(serde::de::Error::duplicate_field("retryOf"));
                            }
                            retry_of__ = map_.next_value()?;
                        }
                        GeneratedField::StoredLogs => {
                            if stored_logs__.is_some() {
                                return Err(serde::de::Error::duplicate_field("storedLogs"));
                            }
                            stored_logs__ = map_.next_value()?;
                        }
                        GeneratedField::StoredEvents => {
                            if stored_events__.is_some() {
                                return Err(serde::de::Error::duplicate_field("storedEvents"));
                            }
                            stored_events__ = map_.next_value()?;
                        }
                        GeneratedField::Retries => {
                            if retries__.is_some() {
                                return Err(serde::de::Error::duplicate_field("retries"));
                            }
                            retries__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Manual => {
                            if manual__.is_some() {
                                return Err(serde::de::Error::duplicate_field("manual"));
                            }
                            manual__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ExecutionDetail {
                    id: id__.unwrap_or_default(),
                    cron_job_namespace: cron_job_namespace__.unwrap_or_default(),
                    cron_job_name: cron_job_name__.unwrap_or_default(),
                    cron_job_uid: cron_job_uid__,
                    job_name: job_name__.unwrap_or_default(),
                    status: status__.unwrap_or_default(),
                    start_time: start_time__,
                    completion_time: completion_time__,
                    duration: duration__.unwrap_or_default(),
                    exit_code: exit_code__.unwrap_or_default(),
                    reason: reason__,
                    is_retry: is_retry__.unwrap_or_default(),
                    retry_of: retry_of__,
                    stored_logs: stored_logs__,
                    stored_events: stored_events__,
                    retries: retries__.unwrap_or_default(),
                    manual: manual__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ExecutionDetail", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ExecutionItem {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.id != 0 {
            len += 1;
        }
        if !self.job_name.is_empty() {
            len += 1;
        }
        if !self.status.is_empty() {
            len += 1;
        }
        if self.start_time.is_some() {
            len += 1;
        }
        if self.completion_time.is_some() {
            len += 1;
        }
        if !self.duration.is_empty() {
            len += 1;
        }
        if self.exit_code != 0 {
            len += 1;
        }
        if self.reason.is_some() {
            len += 1;
        }
        if self.is_retry {
            len += 1;
        }
        if self.retries != 0 {
            len += 1;
        }
        if self.manual {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ExecutionItem", len)?;
        if self.id != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("id", ToString::to_string(&self.id).as_str())?;
        }
        if !self.job_name.is_empty() {
            struct_ser.serialize_field("jobName", &self.job_name)?;
        }
        if !self.status.is_empty() {
            struct_ser.serialize_field("status", &self.status)?;
        }
        if let Some(v) = self.start_time.as_ref() {
            struct_ser.serialize_field("startTime", v)?;
        }
        if let Some(v) = self.completion_time.as_ref() {
            struct_ser.serialize_field("completionTime", v)?;
        }
        if !self.duration.is_empty() {
            struct_ser.serialize_field("duration", &self.duration)?;
        }
        if self.exit_code != 0 {
            struct_ser.serialize_field("exitCode", &self.exit_code)?;
        }
        if let Some(v) = self.reason.as_ref() {
            struct_ser.serialize_field("reason", v)?;
        }
        if self.is_retry {
            struct_ser.serialize_field("isRetry", &self.is_retry)?;
        }
        if self.retries != 0 {
            struct_ser.serialize_field("retries", &self.retries)?;
        }
        if self.manual {
            struct_ser.serialize_field("manual", &self.manual)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ExecutionItem {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "id",
            "job_name",
            "jobName",
            "status",
            "start_time",
            "startTime",
            "completion_time",
            "completionTime",
            "duration",
            "exit_code",
            "exitCode",
            "reason",
            "is_retry",
            "isRetry",
            "retries",
            "manual",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Id,
            JobName,
            Status,
            StartTime,
            CompletionTime,
            Duration,
            ExitCode,
            Reason,
            IsRetry,
            Retries,
            Manual,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "id" => Ok(GeneratedField::Id),
                            "jobName" | "job_name" => Ok(GeneratedField::JobName),
                            "status" => Ok(GeneratedField::Status),
                            "startTime" | "start_time" => Ok(GeneratedField::StartTime),
                            "completionTime" | "completion_time" => Ok(GeneratedField::CompletionTime),
                            "duration" => Ok(GeneratedField::Duration),
                            "exitCode" | "exit_code" => Ok(GeneratedField::ExitCode),
                            "reason" => Ok(GeneratedField::Reason),
                            "isRetry" | "is_retry" => Ok(GeneratedField::IsRetry),
                            "retries" => Ok(GeneratedField::Retries),
                            "manual" => Ok(GeneratedField::Manual),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ExecutionItem;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ExecutionItem")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ExecutionItem, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut id__ = None;
                let mut job_name__ = None;
                let mut status__ = None;
                let mut start_time__ = None;
                let mut completion_time__ = None;
                let mut duration__ = None;
                let mut exit_code__ = None;
                let mut reason__ = None;
                let mut is_retry__ = None;
                let mut retries__ = None;
                let mut manual__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Id => {
                            if id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("id"));
                            }
                            id__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::JobName => {
                            if job_name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("jobName"));
                            }
                            job_name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Status => {
                            if status__.is_some() {
                                return Err(serde::de::Error::duplicate_field("status"));
                            }
                            status__ = Some(map_.next_value()?);
                        }
                        GeneratedField::StartTime => {
                            if start_time__.is_some() {
                                return Err(serde::de::Error::duplicate_field("startTime"));
                            }
                            start_time__ = map_.next_value()?;
                        }
                        GeneratedField::CompletionTime => {
                            if completion_time__.is_some() {
                                return Err(serde::de::Error::duplicate_field("completionTime"));
                            }
                            completion_time__ = map_.next_value()?;
                        }
                        GeneratedField::Duration => {
                            if duration__.is_some() {
                                return Err(serde::de::Error::duplicate_field("duration"));
                            }
                            duration__ = Some(map_.next_value()?);
                        }
                        GeneratedField::ExitCode => {
                            if exit_code__.is_some() {
                                return Err(serde::de::Error::duplicate_field("exitCode"));
                            }
                            exit_code__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Reason => {
                            if reason__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reason"));
                            }
                            reason__ = map_.next_value()?;
                        }
                        GeneratedField::IsRetry => {
                            if is_retry__.is_some() {
                                return Err(serde::de::Error::duplicate_field("isRetry"));
                            }
                            is_retry__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Retries => {
                            if retries__.is_some() {
                                return Err(serde::de::Error::duplicate_field("retries"));
                            }
                            retries__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Manual => {
                            if manual__.is_some() {
                                return Err(serde::de::Error::duplicate_field("manual"));
                            }
                            manual__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ExecutionItem {
                    id: id__.unwrap_or_default(),
                    job_name: job_name__.unwrap_or_default(),
                    status: status__.unwrap_or_default(),
                    start_time: start_time__,
                    completion_time: completion_time__,
                    duration: duration__.unwrap_or_default(),
                    exit_code: exit_code__.unwrap_or_default(),
                    reason: reason__,
                    is_retry: is_retry__.unwrap_or_default(),
                    retries: retries__.unwrap_or_default(),
                    manual: manual__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ExecutionItem", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ExecutionOutcome {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        let variant = match self {
            Self::Unspecified => "EXECUTION_OUTCOME_UNSPECIFIED",
            Self::Running => "EXECUTION_OUTCOME_RUNNING",
            Self::Succeeded => "EXECUTION_OUTCOME_SUCCEEDED",
            Self::Failed => "EXECUTION_OUTCOME_FAILED",
        };
        serializer.serialize_str(variant)
    }
}
impl<'de> serde::Deserialize<'de> for ExecutionOutcome {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "EXECUTION_OUTCOME_UNSPECIFIED",
            "EXECUTION_OUTCOME_RUNNING",
            "EXECUTION_OUTCOME_SUCCEEDED",
            "EXECUTION_OUTCOME_FAILED",
        ];

        struct GeneratedVisitor;

        impl serde::de::Visitor<'_> for GeneratedVisitor {
            type Value = ExecutionOutcome;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(formatter, "expected one of: {:?}", &FIELDS)
            }

            fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Signed(v), &self)
                    })
            }

            fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(v), &self)
                    })
            }

            fn visit_str<E>(self, value: &str) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                match value {
                    "EXECUTION_OUTCOME_UNSPECIFIED" => Ok(ExecutionOutcome::Unspecified),
                    "EXECUTION_OUTCOME_RUNNING" => Ok(ExecutionOutcome::Running),
                    "EXECUTION_OUTCOME_SUCCEEDED" => Ok(ExecutionOutcome::Succeeded),
                    "EXECUTION_OUTCOME_FAILED" => Ok(ExecutionOutcome::Failed),
                    _ => Err(serde::de::Error::unknown_variant(value, FIELDS)),
                }
            }
        }
        deserializer.deserialize_any(GeneratedVisitor)
    }
}
impl serde::Serialize for ExecutionSummary {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.job_name.is_empty() {
            len += 1;
        }
        if !self.status.is_empty() {
            len += 1;
        }
        if self.start_time.is_some() {
            len += 1;
        }
        if self.completion_time.is_some() {
            len += 1;
        }
        if !self.duration.is_empty() {
            len += 1;
        }
        if self.exit_code != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ExecutionSummary", len)?;
        if !self.job_name.is_empty() {
            struct_ser.serialize_field("jobName", &self.job_name)?;
        }
        if !self.status.is_empty() {
            struct_ser.serialize_field("status", &self.status)?;
        }
        if let Some(v) = self.start_time.as_ref() {
            struct_ser.serialize_field("startTime", v)?;
        }
        if let Some(v) = self.completion_time.as_ref() {
            struct_ser.serialize_field("completionTime", v)?;
        }
        if !self.duration.is_empty() {
            struct_ser.serialize_field("duration", &self.duration)?;
        }
        if self.exit_code != 0 {
            struct_ser.serialize_field("exitCode", &self.exit_code)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ExecutionSummary {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "job_name",
            "jobName",
            "status",
            "start_time",
            "startTime",
            "completion_time",
            "completionTime",
            "duration",
            "exit_code",
            "exitCode",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            JobName,
            Status,
            StartTime,
            CompletionTime,
            Duration,
            ExitCode,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "jobName" | "job_name" => Ok(GeneratedField::JobName),
                            "status" => Ok(GeneratedField::Status),
                            "startTime" | "start_time" => Ok(GeneratedField::StartTime),
                            "completionTime" | "completion_time" => Ok(GeneratedField::CompletionTime),
                            "duration" => Ok(GeneratedField::Duration),
                            "exitCode" | "exit_code" => Ok(GeneratedField::ExitCode),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ExecutionSummary;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ExecutionSummary")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ExecutionSummary, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut job_name__ = None;
                let mut status__ = None;
                let mut start_time__ = None;
                let mut completion_time__ = None;
                let mut duration__ = None;
                let mut exit_code__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::JobName => {
                            if job_name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("jobName"));
                            }
                            job_name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Status => {
                            if status__.is_some() {
                                return Err(serde::de::Error::duplicate_field("status"));
                            }
                            status__ = Some(map_.next_value()?);
                        }
                        GeneratedField::StartTime => {
                            if start_time__.is_some() {
                                return Err(serde::de::Error::duplicate_field("startTime"));
                            }
                            start_time__ = map_.next_value()?;
                        }
                        GeneratedField::CompletionTime => {
                            if completion_time__.is_some() {
                                return Err(serde::de::Error::duplicate_field("completionTime"));
                            }
                            completion_time__ = map_.next_value()?;
                        }
                        GeneratedField::Duration => {
                            if duration__.is_some() {
                                return Err(serde::de::Error::duplicate_field("duration"));
                            }
                            duration__ = Some(map_.next_value()?);
                        }
                        GeneratedField::ExitCode => {
                            if exit_code__.is_some() {
                                return Err(serde::de::Error::duplicate_field("exitCode"));
                            }
                            exit_code__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ExecutionSummary {
                    job_name: job_name__.unwrap_or_default(),
                    status: status__.unwrap_or_default(),
                    start_time: start_time__,
                    completion_time: completion_time__,
                    duration: duration__.unwrap_or_default(),
                    exit_code: exit_code__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ExecutionSummary", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ExitCodeRangeInput {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.min != 0 {
            len += 1;
        }
        if self.max != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ExitCodeRangeInput", len)?;
        if self.min != 0 {
            struct_ser.serialize_field("min", &self.min)?;
        }
        if self.max != 0 {
            struct_ser.serialize_field("max", &self.max)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ExitCodeRangeInput {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "min",
            "max",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Min,
            Max,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "min" => Ok(GeneratedField::Min),
                            "max" => Ok(GeneratedField::Max),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ExitCodeRangeInput;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ExitCodeRangeInput")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ExitCodeRangeInput, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut min__ = None;
                let mut max__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Min => {
                            if min__.is_some() {
                                return Err(serde::de::Error::duplicate_field("min"));
                            }
                            min__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Max => {
                            if max__.is_some() {
                                return Err(serde::de::Error::duplicate_field("max"));
                            }
                            max__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ExitCodeRangeInput {
                    min: min__.unwrap_or_default(),
                    max: max__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ExitCodeRangeInput", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetChannelRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.name.is_empty() {
            len += 1;
        }
        if !self.namespace.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.GetChannelRequest", len)?;
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetChannelRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
            "namespace",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
            Namespace,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            "namespace" => Ok(GeneratedField::Namespace),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetChannelRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetChannelRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetChannelRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                let mut namespace__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(GetChannelRequest {
                    name: name__.unwrap_or_default(),
                    namespace: namespace__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetChannelRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetChannelResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.channel.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.GetChannelResponse", len)?;
        if let Some(v) = self.channel.as_ref() {
            struct_ser.serialize_field("channel", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetChannelResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "channel",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Channel,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "channel" => Ok(GeneratedField::Channel),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetChannelResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetChannelResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetChannelResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut channel__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Channel => {
                            if channel__.is_some() {
                                return Err(serde::de::Error::duplicate_field("channel"));
                            }
                            channel__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(GetChannelResponse {
                    channel: channel__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetChannelResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetConfigRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let len = 0;
        let struct_ser = serializer.serialize_struct("guardian.v1.GetConfigRequest", len)?;
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetConfigRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                            Ok(GeneratedField::__SkipField__)
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetConfigRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetConfigRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetConfigRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                while map_.next_key::<GeneratedField>()?.is_some() {
                    let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                }
                Ok(GetConfigRequest {
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetConfigRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetConfigResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.config.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.GetConfigResponse", len)?;
        if let Some(v) = self.config.as_ref() {
            struct_ser.serialize_field("config", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetConfigResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "config",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Config,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "config" => Ok(GeneratedField::Config),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetConfigResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetConfigResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetConfigResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut config__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Config => {
                            if config__.is_some() {
                                return Err(serde::de::Error::duplicate_field("config"));
                            }
                            config__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(GetConfigResponse {
                    config: config__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetConfigResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetCronJobRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.name.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.GetCronJobRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetCronJobRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "name",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Name,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "name" => Ok(GeneratedField::Name),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetCronJobRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetCronJobRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetCronJobRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut name__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(GetCronJobRequest {
                    namespace: namespace__.unwrap_or_default(),
                    name: name__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetCronJobRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetCronJobResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.name.is_empty() {
            len += 1;
        }
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.status.is_empty() {
            len += 1;
        }
        if !self.schedule.is_empty() {
            len += 1;
        }
        if self.timezone.is_some() {
            len += 1;
        }
        if self.suspended {
            len += 1;
        }
        if self.monitor_ref.is_some() {
            len += 1;
        }
        if self.metrics.is_some() {
            len += 1;
        }
        if self.last_execution.is_some() {
            len += 1;
        }
        if self.next_run.is_some() {
            len += 1;
        }
        if !self.active_jobs.is_empty() {
            len += 1;
        }
        if !self.active_alerts.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.GetCronJobResponse", len)?;
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.status.is_empty() {
            struct_ser.serialize_field("status", &self.status)?;
        }
        if !self.schedule.is_empty() {
            struct_ser.serialize_field("schedule", &self.schedule)?;
        }
        if let Some(v) = self.timezone.as_ref() {
            struct_ser.serialize_field("timezone", v)?;
        }
        if self.suspended {
            struct_ser.serialize_field("suspended", &self.suspended)?;
        }
        if let Some(v) = self.monitor_ref.as_ref() {
            struct_ser.serialize_field("monitorRef", v)?;
        }
        if let Some(v) = self.metrics.as_ref() {
            struct_ser.serialize_field("metrics", v)?;
        }
        if let Some(v) = self.last_execution.as_ref() {
            struct_ser.serialize_field("lastExecution", v)?;
        }
        if let Some(v) = self.next_run.as_ref() {
            struct_ser.serialize_field("nextRun", v)?;
        }
        if !self.active_jobs.is_empty() {
            struct_ser.serialize_field("activeJobs", &self.active_jobs)?;
        }
        if !self.active_alerts.is_empty() {
            struct_ser.serialize_field("activeAlerts", &self.active_alerts)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetCronJobResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
            "namespace",
            "status",
            "schedule",
            "timezone",
            "suspended",
            "monitor_ref",
            "monitorRef",
            "metrics",
            "last_execution",
            "lastExecution",
            "next_run",
            "nextRun",
            "active_jobs",
            "activeJobs",
            "active_alerts",
            "activeAlerts",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
            Namespace,
            Status,
            Schedule,
            Timezone,
            Suspended,
            MonitorRef,
            Metrics,
            LastExecution,
            NextRun,
            ActiveJobs,
            ActiveAlerts,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            "namespace" => Ok(GeneratedField::Namespace),
                            "status" => Ok(GeneratedField::Status),
                            "schedule" => Ok(GeneratedField::Schedule),
                            "timezone" => Ok(GeneratedField::Timezone),
                            "suspended" => Ok(GeneratedField::Suspended),
                            "monitorRef" | "monitor_ref" => Ok(GeneratedField::MonitorRef),
                            "metrics" => Ok(GeneratedField::Metrics),
                            "lastExecution" | "last_execution" => Ok(GeneratedField::LastExecution),
                            "nextRun" | "next_run" => Ok(GeneratedField::NextRun),
                            "activeJobs" | "active_jobs" => Ok(GeneratedField::ActiveJobs),
                            "activeAlerts" | "active_alerts" => Ok(GeneratedField::ActiveAlerts),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetCronJobResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetCronJobResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetCronJobResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                let mut namespace__ = None;
                let mut status__ = None;
                let mut schedule__ = None;
                let mut timezone__ = None;
                let mut suspended__ = None;
                let mut monitor_ref__ = None;
                let mut metrics__ = None;
                let mut last_execution__ = None;
                let mut next_run__ = None;
                let mut active_jobs__ = None;
                let mut active_alerts__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Status => {
                            if status__.is_some() {
                                return Err(serde::de::Error::duplicate_field("status"));
                            }
                            status__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Schedule => {
                            if schedule__.is_some() {
                                return Err(serde::de::Error::duplicate_field("schedule"));
                            }
                            schedule__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Timezone => {
                            if timezone__.is_some() {
                                return Err(serde::de::Error::duplicate_field("timezone"));
                            }
                            timezone__ = map_.next_value()?;
                        }
                        GeneratedField::Suspended => {
                            if suspended__.is_some() {
                                return Err(serde::de::Error::duplicate_field("suspended"));
                            }
                            suspended__ = Some(map_.next_value()?);
                        }
                        GeneratedField::MonitorRef => {
                            if monitor_ref__.is_some() {
                                return Err(serde::de::Error::duplicate_field("monitorRef"));
                            }
                            monitor_ref__ = map_.next_value()?;
                        }
                        GeneratedField::Metrics => {
                            if metrics__.is_some() {
                                return Err(serde::de::Error::duplicate_field("metrics"));
                            }
                            metrics__ = map_.next_value()?;
                        }
                        GeneratedField::LastExecution => {
                            if last_execution__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastExecution"));
                            }
                            last_execution__ = map_.next_value()?;
                        }
                        GeneratedField::NextRun => {
                            if next_run__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nextRun"));
                            }
                            next_run__ = map_.next_value()?;
                        }
                        GeneratedField::ActiveJobs => {
                            if active_jobs__.is_some() {
                                return Err(serde::de::Error::duplicate_field("activeJobs"));
                            }
                            active_jobs__ = Some(map_.next_value()?);
                        }
                        GeneratedField::ActiveAlerts => {
                            if active_alerts__.is_some() {
                                return Err(serde::de::Error::duplicate_field("activeAlerts"));
                            }
                            active_alerts__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(GetCronJobResponse {
                    name: name__.unwrap_or_default(),
                    namespace: namespace__.unwrap_or_default(),
                    status: status__.unwrap_or_default(),
                    schedule: schedule__.unwrap_or_default(),
                    timezone: timezone__,
                    suspended: suspended__.unwrap_or_default(),
                    monitor_ref: monitor_ref__,
                    metrics: metrics__,
                    last_execution: last_execution__,
                    next_run: next_run__,
                    active_jobs: active_jobs__.unwrap_or_default(),
                    active_alerts: active_alerts__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetCronJobResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetDailyStatsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.name.is_empty() {
            len += 1;
        }
        if self.days.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.GetDailyStatsRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if let Some(v) = self.days.as_ref() {
            struct_ser.serialize_field("days", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetDailyStatsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "name",
            "days",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Name,
            Days,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "name" => Ok(GeneratedField::Name),
                            "days" => Ok(GeneratedField::Days),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetDailyStatsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetDailyStatsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetDailyStatsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut name__ = None;
                let mut days__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Days => {
                            if days__.is_some() {
                                return Err(serde::de::Error::duplicate_field("days"));
                            }
                            days__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(GetDailyStatsRequest {
                    namespace: namespace__.unwrap_or_default(),
                    name: name__.unwrap_or_default(),
                    days: days__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetDailyStatsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetDailyStatsResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.days.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.GetDailyStatsResponse", len)?;
        if !self.days.is_empty() {
            struct_ser.serialize_field("days", &self.days)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetDailyStatsResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "days",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Days,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "days" => Ok(GeneratedField::Days),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetDailyStatsResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetDailyStatsResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetDailyStatsResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut days__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Days => {
                            if days__.is_some() {
                                return Err(serde::de::Error::duplicate_field("days"));
                            }
                            days__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(GetDailyStatsResponse {
                    days: days__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetDailyStatsResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetExecutionLogsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.name.is_empty() {
            len += 1;
        }
        if !self.job_name.is_empty() {
            len += 1;
        }
        if !self.container.is_empty() {
            len += 1;
        }
        if self.tail_lines.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.GetExecutionLogsRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if !self.job_name.is_empty() {
            struct_ser.serialize_field("jobName", &self.job_name)?;
        }
        if !self.container.is_empty() {
            struct_ser.serialize_field("container", &self.container)?;
        }
        if let Some(v) = self.tail_lines.as_ref() {
            struct_ser.serialize_field("tailLines", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetExecutionLogsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "name",
            "job_name",
            "jobName",
            "container",
            "tail_lines",
            "tailLines",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Name,
            JobName,
            Container,
            TailLines,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "name" => Ok(GeneratedField::Name),
                            "jobName" | "job_name" => Ok(GeneratedField::JobName),
                            "container" => Ok(GeneratedField::Container),
                            "tailLines" | "tail_lines" => Ok(GeneratedField::TailLines),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetExecutionLogsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetExecutionLogsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetExecutionLogsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut name__ = None;
                let mut job_name__ = None;
                let mut container__ = None;
                let mut tail_lines__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::JobName => {
                            if job_name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("jobName"));
                            }
                            job_name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Container => {
                            if container__.is_some() {
                                return Err(serde::de::Error::duplicate_field("container"));
                            }
                            container__ = Some(map_.next_value()?);
                        }
                        GeneratedField::TailLines => {
                            if tail_lines__.is_some() {
                                return Err(serde::de::Error::duplicate_field("tailLines"));
                            }
                            tail_lines__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(GetExecutionLogsRequest {
                    namespace: namespace__.unwrap_or_default(),
                    name: name__.unwrap_or_default(),
                    job_name: job_name__.unwrap_or_default(),
                    container: container__.unwrap_or_default(),
                    tail_lines: tail_lines__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetExecutionLogsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetExecutionLogsResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.job_name.is_empty() {
            len += 1;
        }
        if !self.container.is_empty() {
            len += 1;
        }
        if !self.logs.is_empty() {
            len += 1;
        }
        if self.truncated {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.GetExecutionLogsResponse", len)?;
        if !self.job_name.is_empty() {
            struct_ser.serialize_field("jobName", &self.job_name)?;
        }
        if !self.container.is_empty() {
            struct_ser.serialize_field("container", &self.container)?;
        }
        if !self.logs.is_empty() {
            struct_ser.serialize_field("logs", &self.logs)?;
        }
        if self.truncated {
            struct_ser.serialize_field("truncated", &self.truncated)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetExecutionLogsResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "job_name",
            "jobName",
            "container",
            "logs",
            "truncated",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            JobName,
            Container,
            Logs,
            Truncated,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "jobName" | "job_name" => Ok(GeneratedField::JobName),
                            "container" => Ok(GeneratedField::Container),
                            "logs" => Ok(GeneratedField::Logs),
                            "truncated" => Ok(GeneratedField::Truncated),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetExecutionLogsResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetExecutionLogsResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetExecutionLogsResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut job_name__ = None;
                let mut container__ = None;
                let mut logs__ = None;
                let mut truncated__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::JobName => {
                            if job_name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("jobName"));
                            }
                            job_name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Container => {
                            if container__.is_some() {
                                return Err(serde::de::Error::duplicate_field("container"));
                            }
                            container__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Logs => {
                            if logs__.is_some() {
                                return Err(serde::de::Error::duplicate_field("logs"));
                            }
                            logs__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Truncated => {
                            if truncated__.is_some() {
                                return Err(serde::de::Error::duplicate_field("truncated"));
                            }
                            truncated__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(GetExecutionLogsResponse {
                    job_name: job_name__.unwrap_or_default(),
                    container: container__.unwrap_or_default(),
                    logs: logs__.unwrap_or_default(),
                    truncated: truncated__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetExecutionLogsResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetExecutionRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.name.is_empty() {
            len += 1;
        }
        if !self.job_name.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.GetExecutionRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if !self.job_name.is_empty() {
            struct_ser.serialize_field("jobName", &self.job_name)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetExecutionRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "name",
            "job_name",
            "jobName",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Name,
            JobName,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "name" => Ok(GeneratedField::Name),
                            "jobName" | "job_name" => Ok(GeneratedField::JobName),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetExecutionRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetExecutionRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetExecutionRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut name__ = None;
                let mut job_name__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::JobName => {
                            if job_name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("jobName"));
                            }
                            job_name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(GetExecutionRequest {
                    namespace: namespace__.unwrap_or_default(),
                    name: name__.unwrap_or_default(),
                    job_name: job_name__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetExecutionRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetExecutionResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.execution.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.GetExecutionResponse", len)?;
        if let Some(v) = self.execution.as_ref() {
            struct_ser.serialize_field("execution", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetExecutionResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "execution",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Execution,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "execution" => Ok(GeneratedField::Execution),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetExecutionResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetExecutionResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetExecutionResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut execution__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Execution => {
                            if execution__.is_some() {
                                return Err(serde::de::Error::duplicate_field("execution"));
                            }
                            execution__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(GetExecutionResponse {
                    execution: execution__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetExecutionResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetHealthRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let len = 0;
        let struct_ser = serializer.serialize_struct("guardian.v1.GetHealthRequest", len)?;
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetHealthRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                            Ok(GeneratedField::__SkipField__)
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetHealthRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetHealthRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetHealthRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                while map_.next_key::<GeneratedField>()?.is_some() {
                    let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                }
                Ok(GetHealthRequest {
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetHealthRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetHealthResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.status.is_empty() {
            len += 1;
        }
        if !self.storage.is_empty() {
            len += 1;
        }
        if self.leader {
            len += 1;
        }
        if !self.version.is_empty() {
            len += 1;
        }
        if !self.uptime.is_empty() {
            len += 1;
        }
        if self.analyzer_enabled {
            len += 1;
        }
        if !self.schedulers_running.is_empty() {
            len += 1;
        }
        if self.last_event_sequence != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.GetHealthResponse", len)?;
        if !self.status.is_empty() {
            struct_ser.serialize_field("status", &self.status)?;
        }
        if !self.storage.is_empty() {
            struct_ser.serialize_field("storage", &self.storage)?;
        }
        if self.leader {
            struct_ser.serialize_field("leader", &self.leader)?;
        }
        if !self.version.is_empty() {
            struct_ser.serialize_field("version", &self.version)?;
        }
        if !self.uptime.is_empty() {
            struct_ser.serialize_field("uptime", &self.uptime)?;
        }
        if self.analyzer_enabled {
            struct_ser.serialize_field("analyzerEnabled", &self.analyzer_enabled)?;
        }
        if !self.schedulers_running.is_empty() {
            struct_ser.serialize_field("schedulersRunning", &self.schedulers_running)?;
        }
        if self.last_event_sequence != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("lastEventSequence", ToString::to_string(&self.last_event_sequence).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetHealthResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "status",
            "storage",
            "leader",
            "version",
            "uptime",
            "analyzer_enabled",
            "analyzerEnabled",
            "schedulers_running",
            "schedulersRunning",
            "last_event_sequence",
            "lastEventSequence",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Status,
            Storage,
            Leader,
            Version,
            Uptime,
            AnalyzerEnabled,
            SchedulersRunning,
            LastEventSequence,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "status" => Ok(GeneratedField::Status),
                            "storage" => Ok(GeneratedField::Storage),
                            "leader" => Ok(GeneratedField::Leader),
                            "version" => Ok(GeneratedField::Version),
                            "uptime" => Ok(GeneratedField::Uptime),
                            "analyzerEnabled" | "analyzer_enabled" => Ok(GeneratedField::AnalyzerEnabled),
                            "schedulersRunning" | "schedulers_running" => Ok(GeneratedField::SchedulersRunning),
                            "lastEventSequence" | "last_event_sequence" => Ok(GeneratedField::LastEventSequence),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetHealthResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetHealthResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetHealthResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut status__ = None;
                let mut storage__ = None;
                let mut leader__ = None;
                let mut version__ = None;
                let mut uptime__ = None;
                let mut analyzer_enabled__ = None;
                let mut schedulers_running__ = None;
                let mut last_event_sequence__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Status => {
                            if status__.is_some() {
                                return Err(serde::de::Error::duplicate_field("status"));
                            }
                            status__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Storage => {
                            if storage__.is_some() {
                                return Err(serde::de::Error::duplicate_field("storage"));
                            }
                            storage__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Leader => {
                            if leader__.is_some() {
                                return Err(serde::de::Error::duplicate_field("leader"));
                            }
                            leader__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Version => {
                            if version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("version"));
                            }
                            version__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Uptime => {
                            if uptime__.is_some() {
                                return Err(serde::de::Error::duplicate_field("uptime"));
                            }
                            uptime__ = Some(map_.next_value()?);
                        }
                        GeneratedField::AnalyzerEnabled => {
                            if analyzer_enabled__.is_some() {
                                return Err(serde::de::Error::duplicate_field("analyzerEnabled"));
                            }
                            analyzer_enabled__ = Some(map_.next_value()?);
                        }
                        GeneratedField::SchedulersRunning => {
                            if schedulers_running__.is_some() {
                                return Err(serde::de::Error::duplicate_field("schedulersRunning"));
                            }
                            schedulers_running__ = Some(map_.next_value()?);
                        }
                        GeneratedField::LastEventSequence => {
                            if last_event_sequence__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastEventSequence"));
                            }
                            last_event_sequence__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(GetHealthResponse {
                    status: status__.unwrap_or_default(),
                    storage: storage__.unwrap_or_default(),
                    leader: leader__.unwrap_or_default(),
                    version: version__.unwrap_or_default(),
                    uptime: uptime__.unwrap_or_default(),
                    analyzer_enabled: analyzer_enabled__.unwrap_or_default(),
                    schedulers_running: schedulers_running__.unwrap_or_default(),
                    last_event_sequence: last_event_sequence__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetHealthResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetMonitorRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.name.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.GetMonitorRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetMonitorRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "name",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Name,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "name" => Ok(GeneratedField::Name),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetMonitorRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetMonitorRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetMonitorRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut name__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(GetMonitorRequest {
                    namespace: namespace__.unwrap_or_default(),
                    name: name__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetMonitorRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetMonitorResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.monitor.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.GetMonitorResponse", len)?;
        if let Some(v) = self.monitor.as_ref() {
            struct_ser.serialize_field("monitor", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetMonitorResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "monitor",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Monitor,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "monitor" => Ok(GeneratedField::Monitor),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetMonitorResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetMonitorResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetMonitorResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut monitor__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Monitor => {
                            if monitor__.is_some() {
                                return Err(serde::de::Error::duplicate_field("monitor"));
                            }
                            monitor__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(GetMonitorResponse {
                    monitor: monitor__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetMonitorResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetStatsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let len = 0;
        let struct_ser = serializer.serialize_struct("guardian.v1.GetStatsRequest", len)?;
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetStatsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                            Ok(GeneratedField::__SkipField__)
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetStatsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetStatsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetStatsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                while map_.next_key::<GeneratedField>()?.is_some() {
                    let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                }
                Ok(GetStatsRequest {
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetStatsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetStatsResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.total_monitors != 0 {
            len += 1;
        }
        if self.total_cron_jobs != 0 {
            len += 1;
        }
        if self.summary.is_some() {
            len += 1;
        }
        if self.active_alerts != 0 {
            len += 1;
        }
        if self.executions_recorded_24h != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.GetStatsResponse", len)?;
        if self.total_monitors != 0 {
            struct_ser.serialize_field("totalMonitors", &self.total_monitors)?;
        }
        if self.total_cron_jobs != 0 {
            struct_ser.serialize_field("totalCronJobs", &self.total_cron_jobs)?;
        }
        if let Some(v) = self.summary.as_ref() {
            struct_ser.serialize_field("summary", v)?;
        }
        if self.active_alerts != 0 {
            struct_ser.serialize_field("activeAlerts", &self.active_alerts)?;
        }
        if self.executions_recorded_24h != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("executionsRecorded24h", ToString::to_string(&self.executions_recorded_24h).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetStatsResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "total_monitors",
            "totalMonitors",
            "total_cron_jobs",
            "totalCronJobs",
            "summary",
            "active_alerts",
            "activeAlerts",
            "executions_recorded_24h",
            "executionsRecorded24h",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            TotalMonitors,
            TotalCronJobs,
            Summary,
            ActiveAlerts,
            ExecutionsRecorded24h,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "totalMonitors" | "total_monitors" => Ok(GeneratedField::TotalMonitors),
                            "totalCronJobs" | "total_cron_jobs" => Ok(GeneratedField::TotalCronJobs),
                            "summary" => Ok(GeneratedField::Summary),
                            "activeAlerts" | "active_alerts" => Ok(GeneratedField::ActiveAlerts),
                            "executionsRecorded24h" | "executions_recorded_24h" => Ok(GeneratedField::ExecutionsRecorded24h),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetStatsResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetStatsResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetStatsResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut total_monitors__ = None;
                let mut total_cron_jobs__ = None;
                let mut summary__ = None;
                let mut active_alerts__ = None;
                let mut executions_recorded_24h__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::TotalMonitors => {
                            if total_monitors__.is_some() {
                                return Err(serde::de::Error::duplicate_field("totalMonitors"));
                            }
                            total_monitors__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::TotalCronJobs => {
                            if total_cron_jobs__.is_some() {
                                return Err(serde::de::Error::duplicate_field("totalCronJobs"));
                            }
                            total_cron_jobs__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Summary => {
                            if summary__.is_some() {
                                return Err(serde::de::Error::duplicate_field("summary"));
                            }
                            summary__ = map_.next_value()?;
                        }
                        GeneratedField::ActiveAlerts => {
                            if active_alerts__.is_some() {
                                return Err(serde::de::Error::duplicate_field("activeAlerts"));
                            }
                            active_alerts__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ExecutionsRecorded24h => {
                            if executions_recorded_24h__.is_some() {
                                return Err(serde::de::Error::duplicate_field("executionsRecorded24h"));
                            }
                            executions_recorded_24h__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(GetStatsResponse {
                    total_monitors: total_monitors__.unwrap_or_default(),
                    total_cron_jobs: total_cron_jobs__.unwrap_or_default(),
                    summary: summary__,
                    active_alerts: active_alerts__.unwrap_or_default(),
                    executions_recorded_24h: executions_recorded_24h__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetStatsResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetStorageStatsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let len = 0;
        let struct_ser = serializer.serialize_struct("guardian.v1.GetStorageStatsRequest", len)?;
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetStorageStatsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                            Ok(GeneratedField::__SkipField__)
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetStorageStatsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetStorageStatsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetStorageStatsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                while map_.next_key::<GeneratedField>()?.is_some() {
                    let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                }
                Ok(GetStorageStatsRequest {
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetStorageStatsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetStorageStatsResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.execution_count != 0 {
            len += 1;
        }
        if !self.storage_type.is_empty() {
            len += 1;
        }
        if self.healthy {
            len += 1;
        }
        if self.retention_days != 0 {
            len += 1;
        }
        if self.log_storage_enabled {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.GetStorageStatsResponse", len)?;
        if self.execution_count != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("executionCount", ToString::to_string(&self.execution_count).as_str())?;
        }
        if !self.storage_type.is_empty() {
            struct_ser.serialize_field("storageType", &self.storage_type)?;
        }
        if self.healthy {
            struct_ser.serialize_field("healthy", &self.healthy)?;
        }
        if self.retention_days != 0 {
            struct_ser.serialize_field("retentionDays", &self.retention_days)?;
        }
        if self.log_storage_enabled {
            struct_ser.serialize_field("logStorageEnabled", &self.log_storage_enabled)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetStorageStatsResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "execution_count",
            "executionCount",
            "storage_type",
            "storageType",
            "healthy",
            "retention_days",
            "retentionDays",
            "log_storage_enabled",
            "logStorageEnabled",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            ExecutionCount,
            StorageType,
            Healthy,
            RetentionDays,
            LogStorageEnabled,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "executionCount" | "execution_count" => Ok(GeneratedField::ExecutionCount),
                            "storageType" | "storage_type" => Ok(GeneratedField::StorageType),
                            "healthy" => Ok(GeneratedField::Healthy),
                            "retentionDays" | "retention_days" => Ok(GeneratedField::RetentionDays),
                            "logStorageEnabled" | "log_storage_enabled" => Ok(GeneratedField::LogStorageEnabled),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetStorageStatsResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.GetStorageStatsResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetStorageStatsResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut execution_count__ = None;
                let mut storage_type__ = None;
                let mut healthy__ = None;
                let mut retention_days__ = None;
                let mut log_storage_enabled__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::ExecutionCount => {
                            if execution_count__.is_some() {
                                return Err(serde::de::Error::duplicate_field("executionCount"));
                            }
                            execution_count__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::StorageType => {
                            if storage_type__.is_some() {
                                return Err(serde::de::Error::duplicate_field("storageType"));
                            }
                            storage_type__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Healthy => {
                            if healthy__.is_some() {
                                return Err(serde::de::Error::duplicate_field("healthy"));
                            }
                            healthy__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RetentionDays => {
                            if retention_days__.is_some() {
                                return Err(serde::de::Error::duplicate_field("retentionDays"));
                            }
                            retention_days__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::LogStorageEnabled => {
                            if log_storage_enabled__.is_some() {
                                return Err(serde::de::Error::duplicate_field("logStorageEnabled"));
                            }
                            log_storage_enabled__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(GetStorageStatsResponse {
                    execution_count: execution_count__.unwrap_or_default(),
                    storage_type: storage_type__.unwrap_or_default(),
                    healthy: healthy__.unwrap_or_default(),
                    retention_days: retention_days__.unwrap_or_default(),
                    log_storage_enabled: log_storage_enabled__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.GetStorageStatsResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for HistoryDeletedChange {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.cronjob.is_some() {
            len += 1;
        }
        if self.executions_deleted != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.HistoryDeletedChange", len)?;
        if let Some(v) = self.cronjob.as_ref() {
            struct_ser.serialize_field("cronjob", v)?;
        }
        if self.executions_deleted != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("executionsDeleted", ToString::to_string(&self.executions_deleted).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for HistoryDeletedChange {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "cronjob",
            "executions_deleted",
            "executionsDeleted",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Cronjob,
            ExecutionsDeleted,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "cronjob" => Ok(GeneratedField::Cronjob),
                            "executionsDeleted" | "executions_deleted" => Ok(GeneratedField::ExecutionsDeleted),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = HistoryDeletedChange;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.HistoryDeletedChange")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<HistoryDeletedChange, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut cronjob__ = None;
                let mut executions_deleted__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Cronjob => {
                            if cronjob__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cronjob"));
                            }
                            cronjob__ = map_.next_value()?;
                        }
                        GeneratedField::ExecutionsDeleted => {
                            if executions_deleted__.is_some() {
                                return Err(serde::de::Error::duplicate_field("executionsDeleted"));
                            }
                            executions_deleted__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(HistoryDeletedChange {
                    cronjob: cronjob__,
                    executions_deleted: executions_deleted__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.HistoryDeletedChange", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListAlertHistoryRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.limit.is_some() {
            len += 1;
        }
        if self.offset != 0 {
            len += 1;
        }
        if !self.severity.is_empty() {
            len += 1;
        }
        if self.since.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ListAlertHistoryRequest", len)?;
        if let Some(v) = self.limit.as_ref() {
            struct_ser.serialize_field("limit", v)?;
        }
        if self.offset != 0 {
            struct_ser.serialize_field("offset", &self.offset)?;
        }
        if !self.severity.is_empty() {
            struct_ser.serialize_field("severity", &self.severity)?;
        }
        if let Some(v) = self.since.as_ref() {
            struct_ser.serialize_field("since", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListAlertHistoryRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "limit",
            "offset",
            "severity",
            "since",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Limit,
            Offset,
            Severity,
            Since,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "limit" => Ok(GeneratedField::Limit),
                            "offset" => Ok(GeneratedField::Offset),
                            "severity" => Ok(GeneratedField::Severity),
                            "since" => Ok(GeneratedField::Since),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListAlertHistoryRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ListAlertHistoryRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListAlertHistoryRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut limit__ = None;
                let mut offset__ = None;
                let mut severity__ = None;
                let mut since__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Limit => {
                            if limit__.is_some() {
                                return Err(serde::de::Error::duplicate_field("limit"));
                            }
                            limit__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::Offset => {
                            if offset__.is_some() {
                                return Err(serde::de::Error::duplicate_field("offset"));
                            }
                            offset__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Severity => {
                            if severity__.is_some() {
                                return Err(serde::de::Error::duplicate_field("severity"));
                            }
                            severity__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Since => {
                            if since__.is_some() {
                                return Err(serde::de::Error::duplicate_field("since"));
                            }
                            since__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ListAlertHistoryRequest {
                    limit: limit__,
                    offset: offset__.unwrap_or_default(),
                    severity: severity__.unwrap_or_default(),
                    since: since__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ListAlertHistoryRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListAlertHistoryResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.items.is_empty() {
            len += 1;
        }
        if self.pagination.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ListAlertHistoryResponse", len)?;
        if !self.items.is_empty() {
            struct_ser.serialize_field("items", &self.items)?;
        }
        if let Some(v) = self.pagination.as_ref() {
            struct_ser.serialize_field("pagination", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListAlertHistoryResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "items",
            "pagination",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Items,
            Pagination,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "items" => Ok(GeneratedField::Items),
                            "pagination" => Ok(GeneratedField::Pagination),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListAlertHistoryResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ListAlertHistoryResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListAlertHistoryResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut items__ = None;
                let mut pagination__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Items => {
                            if items__.is_some() {
                                return Err(serde::de::Error::duplicate_field("items"));
                            }
                            items__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Pagination => {
                            if pagination__.is_some() {
                                return Err(serde::de::Error::duplicate_field("pagination"));
                            }
                            pagination__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ListAlertHistoryResponse {
                    items: items__.unwrap_or_default(),
                    pagination: pagination__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ListAlertHistoryResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListAlertsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.severity.is_empty() {
            len += 1;
        }
        if !self.r#type.is_empty() {
            len += 1;
        }
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.cronjob.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ListAlertsRequest", len)?;
        if !self.severity.is_empty() {
            struct_ser.serialize_field("severity", &self.severity)?;
        }
        if !self.r#type.is_empty() {
            struct_ser.serialize_field("type", &self.r#type)?;
        }
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.cronjob.is_empty() {
            struct_ser.serialize_field("cronjob", &self.cronjob)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListAlertsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "severity",
            "type",
            "namespace",
            "cronjob",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Severity,
            Type,
            Namespace,
            Cronjob,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "severity" => Ok(GeneratedField::Severity),
                            "type" => Ok(GeneratedField::Type),
                            "namespace" => Ok(GeneratedField::Namespace),
                            "cronjob" => Ok(GeneratedField::Cronjob),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListAlertsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ListAlertsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListAlertsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut severity__ = None;
                let mut r#type__ = None;
                let mut namespace__ = None;
                let mut cronjob__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Severity => {
                            if severity__.is_some() {
                                return Err(serde::de::Error::duplicate_field("severity"));
                            }
                            severity__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Type => {
                            if r#type__.is_some() {
                                return Err(serde::de::Error::duplicate_field("type"));
                            }
                            r#type__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Cronjob => {
                            if cronjob__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cronjob"));
                            }
                            cronjob__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ListAlertsRequest {
                    severity: severity__.unwrap_or_default(),
                    r#type: r#type__.unwrap_or_default(),
                    namespace: namespace__.unwrap_or_default(),
                    cronjob: cronjob__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ListAlertsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListAlertsResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.items.is_empty() {
            len += 1;
        }
        if self.total != 0 {
            len += 1;
        }
        if !self.by_severity.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ListAlertsResponse", len)?;
        if !self.items.is_empty() {
            struct_ser.serialize_field("items", &self.items)?;
        }
        if self.total != 0 {
            struct_ser.serialize_field("total", &self.total)?;
        }
        if !self.by_severity.is_empty() {
            struct_ser.serialize_field("bySeverity", &self.by_severity)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListAlertsResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "items",
            "total",
            "by_severity",
            "bySeverity",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Items,
            Total,
            BySeverity,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "items" => Ok(GeneratedField::Items),
                            "total" => Ok(GeneratedField::Total),
                            "bySeverity" | "by_severity" => Ok(GeneratedField::BySeverity),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListAlertsResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ListAlertsResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListAlertsResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut items__ = None;
                let mut total__ = None;
                let mut by_severity__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Items => {
                            if items__.is_some() {
                                return Err(serde::de::Error::duplicate_field("items"));
                            }
                            items__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Total => {
                            if total__.is_some() {
                                return Err(serde::de::Error::duplicate_field("total"));
                            }
                            total__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::BySeverity => {
                            if by_severity__.is_some() {
                                return Err(serde::de::Error::duplicate_field("bySeverity"));
                            }
                            by_severity__ = Some(
                                map_.next_value::<std::collections::HashMap<_, ::pbjson::private::NumberDeserialize<i32>>>()?
                                    .into_iter().map(|(k,v)| (k, v.0)).collect()
                            );
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ListAlertsResponse {
                    items: items__.unwrap_or_default(),
                    total: total__.unwrap_or_default(),
                    by_severity: by_severity__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ListAlertsResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListChannelsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let len = 0;
        let struct_ser = serializer.serialize_struct("guardian.v1.ListChannelsRequest", len)?;
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListChannelsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                            Ok(GeneratedField::__SkipField__)
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListChannelsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ListChannelsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListChannelsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                while map_.next_key::<GeneratedField>()?.is_some() {
                    let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                }
                Ok(ListChannelsRequest {
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ListChannelsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListChannelsResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.items.is_empty() {
            len += 1;
        }
        if self.summary.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ListChannelsResponse", len)?;
        if !self.items.is_empty() {
            struct_ser.serialize_field("items", &self.items)?;
        }
        if let Some(v) = self.summary.as_ref() {
            struct_ser.serialize_field("summary", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListChannelsResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "items",
            "summary",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Items,
            Summary,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "items" => Ok(GeneratedField::Items),
                            "summary" => Ok(GeneratedField::Summary),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListChannelsResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ListChannelsResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListChannelsResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut items__ = None;
                let mut summary__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Items => {
                            if items__.is_some() {
                                return Err(serde::de::Error::duplicate_field("items"));
                            }
                            items__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Summary => {
                            if summary__.is_some() {
                                return Err(serde::de::Error::duplicate_field("summary"));
                            }
                            summary__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ListChannelsResponse {
                    items: items__.unwrap_or_default(),
                    summary: summary__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ListChannelsResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListCronJobsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.status.is_empty() {
            len += 1;
        }
        if !self.search.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ListCronJobsRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.status.is_empty() {
            struct_ser.serialize_field("status", &self.status)?;
        }
        if !self.search.is_empty() {
            struct_ser.serialize_field("search", &self.search)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListCronJobsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "status",
            "search",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Status,
            Search,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "status" => Ok(GeneratedField::Status),
                            "search" => Ok(GeneratedField::Search),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListCronJobsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ListCronJobsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListCronJobsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut status__ = None;
                let mut search__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Status => {
                            if status__.is_some() {
                                return Err(serde::de::Error::duplicate_field("status"));
                            }
                            status__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Search => {
                            if search__.is_some() {
                                return Err(serde::de::Error::duplicate_field("search"));
                            }
                            search__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ListCronJobsRequest {
                    namespace: namespace__.unwrap_or_default(),
                    status: status__.unwrap_or_default(),
                    search: search__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ListCronJobsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListCronJobsResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.items.is_empty() {
            len += 1;
        }
        if self.summary.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ListCronJobsResponse", len)?;
        if !self.items.is_empty() {
            struct_ser.serialize_field("items", &self.items)?;
        }
        if let Some(v) = self.summary.as_ref() {
            struct_ser.serialize_field("summary", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListCronJobsResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "items",
            "summary",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Items,
            Summary,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "items" => Ok(GeneratedField::Items),
                            "summary" => Ok(GeneratedField::Summary),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListCronJobsResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ListCronJobsResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListCronJobsResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut items__ = None;
                let mut summary__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Items => {
                            if items__.is_some() {
                                return Err(serde::de::Error::duplicate_field("items"));
                            }
                            items__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Summary => {
                            if summary__.is_some() {
                                return Err(serde::de::Error::duplicate_field("summary"));
                            }
                            summary__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ListCronJobsResponse {
                    items: items__.unwrap_or_default(),
                    summary: summary__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ListCronJobsResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListExecutionsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.name.is_empty() {
            len += 1;
        }
        if self.limit.is_some() {
            len += 1;
        }
        if self.offset != 0 {
            len += 1;
        }
        if self.since.is_some() {
            len += 1;
        }
        if !self.status.is_empty() {
            len += 1;
        }
        if !self.page_token.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ListExecutionsRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if let Some(v) = self.limit.as_ref() {
            struct_ser.serialize_field("limit", v)?;
        }
        if self.offset != 0 {
            struct_ser.serialize_field("offset", &self.offset)?;
        }
        if let Some(v) = self.since.as_ref() {
            struct_ser.serialize_field("since", v)?;
        }
        if !self.status.is_empty() {
            struct_ser.serialize_field("status", &self.status)?;
        }
        if !self.page_token.is_empty() {
            struct_ser.serialize_field("pageToken", &self.page_token)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListExecutionsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "name",
            "limit",
            "offset",
            "since",
            "status",
            "page_token",
            "pageToken",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Name,
            Limit,
            Offset,
            Since,
            Status,
            PageToken,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "name" => Ok(GeneratedField::Name),
                            "limit" => Ok(GeneratedField::Limit),
                            "offset" => Ok(GeneratedField::Offset),
                            "since" => Ok(GeneratedField::Since),
                            "status" => Ok(GeneratedField::Status),
                            "pageToken" | "page_token" => Ok(GeneratedField::PageToken),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListExecutionsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ListExecutionsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListExecutionsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut name__ = None;
                let mut limit__ = None;
                let mut offset__ = None;
                let mut since__ = None;
                let mut status__ = None;
                let mut page_token__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Limit => {
                            if limit__.is_some() {
                                return Err(serde::de::Error::duplicate_field("limit"));
                            }
                            limit__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::Offset => {
                            if offset__.is_some() {
                                return Err(serde::de::Error::duplicate_field("offset"));
                            }
                            offset__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Since => {
                            if since__.is_some() {
                                return Err(serde::de::Error::duplicate_field("since"));
                            }
                            since__ = map_.next_value()?;
                        }
                        GeneratedField::Status => {
                            if status__.is_some() {
                                return Err(serde::de::Error::duplicate_field("status"));
                            }
                            status__ = Some(map_.next_value()?);
                        }
                        GeneratedField::PageToken => {
                            if page_token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("pageToken"));
                            }
                            page_token__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ListExecutionsRequest {
                    namespace: namespace__.unwrap_or_default(),
                    name: name__.unwrap_or_default(),
                    limit: limit__,
                    offset: offset__.unwrap_or_default(),
                    since: since__,
                    status: status__.unwrap_or_default(),
                    page_token: page_token__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ListExecutionsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListExecutionsResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.items.is_empty() {
            len += 1;
        }
        if self.pagination.is_some() {
            len += 1;
        }
        if !self.next_page_token.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ListExecutionsResponse", len)?;
        if !self.items.is_empty() {
            struct_ser.serialize_field("items", &self.items)?;
        }
        if let Some(v) = self.pagination.as_ref() {
            struct_ser.serialize_field("pagination", v)?;
        }
        if !self.next_page_token.is_empty() {
            struct_ser.serialize_field("nextPageToken", &self.next_page_token)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListExecutionsResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "items",
            "pagination",
            "next_page_token",
            "nextPageToken",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Items,
            Pagination,
            NextPageToken,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "items" => Ok(GeneratedField::Items),
                            "pagination" => Ok(GeneratedField::Pagination),
                            "nextPageToken" | "next_page_token" => Ok(GeneratedField::NextPageToken),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListExecutionsResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ListExecutionsResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListExecutionsResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut items__ = None;
                let mut pagination__ = None;
                let mut next_page_token__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Items => {
                            if items__.is_some() {
                                return Err(serde::de::Error::duplicate_field("items"));
                            }
                            items__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Pagination => {
                            if pagination__.is_some() {
                                return Err(serde::de::Error::duplicate_field("pagination"));
                            }
                            pagination__ = map_.next_value()?;
                        }
                        GeneratedField::NextPageToken => {
                            if next_page_token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nextPageToken"));
                            }
                            next_page_token__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ListExecutionsResponse {
                    items: items__.unwrap_or_default(),
                    pagination: pagination__,
                    next_page_token: next_page_token__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ListExecutionsResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListMonitorsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ListMonitorsRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListMonitorsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListMonitorsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ListMonitorsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListMonitorsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ListMonitorsRequest {
                    namespace: namespace__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ListMonitorsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListMonitorsResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.items.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ListMonitorsResponse", len)?;
        if !self.items.is_empty() {
            struct_ser.serialize_field("items", &self.items)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListMonitorsResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "items",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Items,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "items" => Ok(GeneratedField::Items),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListMonitorsResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ListMonitorsResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListMonitorsResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut items__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Items => {
                            if items__.is_some() {
                                return Err(serde::de::Error::duplicate_field("items"));
                            }
                            items__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ListMonitorsResponse {
                    items: items__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ListMonitorsResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for MonitorListItem {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.name.is_empty() {
            len += 1;
        }
        if !self.namespace.is_empty() {
            len += 1;
        }
        if self.cron_job_count != 0 {
            len += 1;
        }
        if self.summary.is_some() {
            len += 1;
        }
        if self.active_alerts != 0 {
            len += 1;
        }
        if self.last_reconcile.is_some() {
            len += 1;
        }
        if !self.phase.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.MonitorListItem", len)?;
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if self.cron_job_count != 0 {
            struct_ser.serialize_field("cronJobCount", &self.cron_job_count)?;
        }
        if let Some(v) = self.summary.as_ref() {
            struct_ser.serialize_field("summary", v)?;
        }
        if self.active_alerts != 0 {
            struct_ser.serialize_field("activeAlerts", &self.active_alerts)?;
        }
        if let Some(v) = self.last_reconcile.as_ref() {
            struct_ser.serialize_field("lastReconcile", v)?;
        }
        if !self.phase.is_empty() {
            struct_ser.serialize_field("phase", &self.phase)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for MonitorListItem {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
            "namespace",
            "cron_job_count",
            "cronJobCount",
            "summary",
            "active_alerts",
            "activeAlerts",
            "last_reconcile",
            "lastReconcile",
            "phase",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
            Namespace,
            CronJobCount,
            Summary,
            ActiveAlerts,
            LastReconcile,
            Phase,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            "namespace" => Ok(GeneratedField::Namespace),
                            "cronJobCount" | "cron_job_count" => Ok(GeneratedField::CronJobCount),
                            "summary" => Ok(GeneratedField::Summary),
                            "activeAlerts" | "active_alerts" => Ok(GeneratedField::ActiveAlerts),
                            "lastReconcile" | "last_reconcile" => Ok(GeneratedField::LastReconcile),
                            "phase" => Ok(GeneratedField::Phase),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = MonitorListItem;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.MonitorListItem")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<MonitorListItem, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                let mut namespace__ = None;
                let mut cron_job_count__ = None;
                let mut summary__ = None;
                let mut active_alerts__ = None;
                let mut last_reconcile__ = None;
                let mut phase__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::CronJobCount => {
                            if cron_job_count__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cronJobCount"));
                            }
                            cron_job_count__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Summary => {
                            if summary__.is_some() {
                                return Err(serde::de::Error::duplicate_field("summary"));
                            }
                            summary__ = map_.next_value()?;
                        }
                        GeneratedField::ActiveAlerts => {
                            if active_alerts__.is_some() {
                                return Err(serde::de::Error::duplicate_field("activeAlerts"));
                            }
                            active_alerts__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::LastReconcile => {
                            if last_reconcile__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastReconcile"));
                            }
                            last_reconcile__ = map_.next_value()?;
                        }
                        GeneratedField::Phase => {
                            if phase__.is_some() {
                                return Err(serde::de::Error::duplicate_field("phase"));
                            }
                            phase__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(MonitorListItem {
                    name: name__.unwrap_or_default(),
                    namespace: namespace__.unwrap_or_default(),
                    cron_job_count: cron_job_count__.unwrap_or_default(),
                    summary: summary__,
                    active_alerts: active_alerts__.unwrap_or_default(),
                    last_reconcile: last_reconcile__,
                    phase: phase__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.MonitorListItem", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for NamespacedRef {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.name.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.NamespacedRef", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for NamespacedRef {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "name",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Name,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "name" => Ok(GeneratedField::Name),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = NamespacedRef;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.NamespacedRef")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<NamespacedRef, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut name__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(NamespacedRef {
                    namespace: namespace__.unwrap_or_default(),
                    name: name__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.NamespacedRef", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Pagination {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.total != 0 {
            len += 1;
        }
        if self.limit != 0 {
            len += 1;
        }
        if self.offset != 0 {
            len += 1;
        }
        if self.has_more {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.Pagination", len)?;
        if self.total != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("total", ToString::to_string(&self.total).as_str())?;
        }
        if self.limit != 0 {
            struct_ser.serialize_field("limit", &self.limit)?;
        }
        if self.offset != 0 {
            struct_ser.serialize_field("offset", &self.offset)?;
        }
        if self.has_more {
            struct_ser.serialize_field("hasMore", &self.has_more)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for Pagination {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "total",
            "limit",
            "offset",
            "has_more",
            "hasMore",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Total,
            Limit,
            Offset,
            HasMore,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "total" => Ok(GeneratedField::Total),
                            "limit" => Ok(GeneratedField::Limit),
                            "offset" => Ok(GeneratedField::Offset),
                            "hasMore" | "has_more" => Ok(GeneratedField::HasMore),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Pagination;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.Pagination")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<Pagination, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut total__ = None;
                let mut limit__ = None;
                let mut offset__ = None;
                let mut has_more__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Total => {
                            if total__.is_some() {
                                return Err(serde::de::Error::duplicate_field("total"));
                            }
                            total__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Limit => {
                            if limit__.is_some() {
                                return Err(serde::de::Error::duplicate_field("limit"));
                            }
                            limit__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Offset => {
                            if offset__.is_some() {
                                return Err(serde::de::Error::duplicate_field("offset"));
                            }
                            offset__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::HasMore => {
                            if has_more__.is_some() {
                                return Err(serde::de::Error::duplicate_field("hasMore"));
                            }
                            has_more__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(Pagination {
                    total: total__.unwrap_or_default(),
                    limit: limit__.unwrap_or_default(),
                    offset: offset__.unwrap_or_default(),
                    has_more: has_more__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.Pagination", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for PatternInput {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.name.is_empty() {
            len += 1;
        }
        if self.r#match.is_some() {
            len += 1;
        }
        if !self.suggestion.is_empty() {
            len += 1;
        }
        if self.priority.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.PatternInput", len)?;
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if let Some(v) = self.r#match.as_ref() {
            struct_ser.serialize_field("match", v)?;
        }
        if !self.suggestion.is_empty() {
            struct_ser.serialize_field("suggestion", &self.suggestion)?;
        }
        if let Some(v) = self.priority.as_ref() {
            struct_ser.serialize_field("priority", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for PatternInput {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
            "match",
            "suggestion",
            "priority",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
            Match,
            Suggestion,
            Priority,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            "match" => Ok(GeneratedField::Match),
                            "suggestion" => Ok(GeneratedField::Suggestion),
                            "priority" => Ok(GeneratedField::Priority),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = PatternInput;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.PatternInput")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<PatternInput, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                let mut r#match__ = None;
                let mut suggestion__ = None;
                let mut priority__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Match => {
                            if r#match__.is_some() {
                                return Err(serde::de::Error::duplicate_field("match"));
                            }
                            r#match__ = map_.next_value()?;
                        }
                        GeneratedField::Suggestion => {
                            if suggestion__.is_some() {
                                return Err(serde::de::Error::duplicate_field("suggestion"));
                            }
                            suggestion__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Priority => {
                            if priority__.is_some() {
                                return Err(serde::de::Error::duplicate_field("priority"));
                            }
                            priority__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(PatternInput {
                    name: name__.unwrap_or_default(),
                    r#match: r#match__,
                    suggestion: suggestion__.unwrap_or_default(),
                    priority: priority__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.PatternInput", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for PatternMatchInput {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.exit_code.is_some() {
            len += 1;
        }
        if self.exit_code_range.is_some() {
            len += 1;
        }
        if self.reason.is_some() {
            len += 1;
        }
        if self.reason_pattern.is_some() {
            len += 1;
        }
        if self.log_pattern.is_some() {
            len += 1;
        }
        if self.event_pattern.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.PatternMatchInput", len)?;
        if let Some(v) = self.exit_code.as_ref() {
            struct_ser.serialize_field("exitCode", v)?;
        }
        if let Some(v) = self.exit_code_range.as_ref() {
            struct_ser.serialize_field("exitCodeRange", v)?;
        }
        if let Some(v) = self.reason.as_ref() {
            struct_ser.serialize_field("reason", v)?;
        }
        if let Some(v) = self.reason_pattern.as_ref() {
            struct_ser.serialize_field("reasonPattern", v)?;
        }
        if let Some(v) = self.log_pattern.as_ref() {
            struct_ser.serialize_field("logPattern", v)?;
        }
        if let Some(v) = self.event_pattern.as_ref() {
            struct_ser.serialize_field("eventPattern", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for PatternMatchInput {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "exit_code",
            "exitCode",
            "exit_code_range",
            "exitCodeRange",
            "reason",
            "reason_pattern",
            "reasonPattern",
            "log_pattern",
            "logPattern",
            "event_pattern",
            "eventPattern",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            ExitCode,
            ExitCodeRange,
            Reason,
            ReasonPattern,
            LogPattern,
            EventPattern,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "exitCode" | "exit_code" => Ok(GeneratedField::ExitCode),
                            "exitCodeRange" | "exit_code_range" => Ok(GeneratedField::ExitCodeRange),
                            "reason" => Ok(GeneratedField::Reason),
                            "reasonPattern" | "reason_pattern" => Ok(GeneratedField::ReasonPattern),
                            "logPattern" | "log_pattern" => Ok(GeneratedField::LogPattern),
                            "eventPattern" | "event_pattern" => Ok(GeneratedField::EventPattern),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = PatternMatchInput;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.PatternMatchInput")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<PatternMatchInput, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut exit_code__ = None;
                let mut exit_code_range__ = None;
                let mut reason__ = None;
                let mut reason_pattern__ = None;
                let mut log_pattern__ = None;
                let mut event_pattern__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::ExitCode => {
                            if exit_code__.is_some() {
                                return Err(serde::de::Error::duplicate_field("exitCode"));
                            }
                            exit_code__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::ExitCodeRange => {
                            if exit_code_range__.is_some() {
                                return Err(serde::de::Error::duplicate_field("exitCodeRange"));
                            }
                            exit_code_range__ = map_.next_value()?;
                        }
                        GeneratedField::Reason => {
                            if reason__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reason"));
                            }
                            reason__ = map_.next_value()?;
                        }
                        GeneratedField::ReasonPattern => {
                            if reason_pattern__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reasonPattern"));
                            }
                            reason_pattern__ = map_.next_value()?;
                        }
                        GeneratedField::LogPattern => {
                            if log_pattern__.is_some() {
                                return Err(serde::de::Error::duplicate_field("logPattern"));
                            }
                            log_pattern__ = map_.next_value()?;
                        }
                        GeneratedField::EventPattern => {
                            if event_pattern__.is_some() {
                                return Err(serde::de::Error::duplicate_field("eventPattern"));
                            }
                            event_pattern__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(PatternMatchInput {
                    exit_code: exit_code__,
                    exit_code_range: exit_code_range__,
                    reason: reason__,
                    reason_pattern: reason_pattern__,
                    log_pattern: log_pattern__,
                    event_pattern: event_pattern__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.PatternMatchInput", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for PatternTestData {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.exit_code != 0 {
            len += 1;
        }
        if !self.reason.is_empty() {
            len += 1;
        }
        if !self.logs.is_empty() {
            len += 1;
        }
        if !self.events.is_empty() {
            len += 1;
        }
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.name.is_empty() {
            len += 1;
        }
        if !self.job_name.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.PatternTestData", len)?;
        if self.exit_code != 0 {
            struct_ser.serialize_field("exitCode", &self.exit_code)?;
        }
        if !self.reason.is_empty() {
            struct_ser.serialize_field("reason", &self.reason)?;
        }
        if !self.logs.is_empty() {
            struct_ser.serialize_field("logs", &self.logs)?;
        }
        if !self.events.is_empty() {
            struct_ser.serialize_field("events", &self.events)?;
        }
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if !self.job_name.is_empty() {
            struct_ser.serialize_field("jobName", &self.job_name)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for PatternTestData {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "exit_code",
            "exitCode",
            "reason",
            "logs",
            "events",
            "namespace",
            "name",
            "job_name",
            "jobName",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            ExitCode,
            Reason,
            Logs,
            Events,
            Namespace,
            Name,
            JobName,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "exitCode" | "exit_code" => Ok(GeneratedField::ExitCode),
                            "reason" => Ok(GeneratedField::Reason),
                            "logs" => Ok(GeneratedField::Logs),
                            "events" => Ok(GeneratedField::Events),
                            "namespace" => Ok(GeneratedField::Namespace),
                            "name" => Ok(GeneratedField::Name),
                            "jobName" | "job_name" => Ok(GeneratedField::JobName),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = PatternTestData;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.PatternTestData")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<PatternTestData, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut exit_code__ = None;
                let mut reason__ = None;
                let mut logs__ = None;
                let mut events__ = None;
                let mut namespace__ = None;
                let mut name__ = None;
                let mut job_name__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::ExitCode => {
                            if exit_code__.is_some() {
                                return Err(serde::de::Error::duplicate_field("exitCode"));
                            }
                            exit_code__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Reason => {
                            if reason__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reason"));
                            }
                            reason__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Logs => {
                            if logs__.is_some() {
                                return Err(serde::de::Error::duplicate_field("logs"));
                            }
                            logs__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Events => {
                            if events__.is_some() {
                                return Err(serde::de::Error::duplicate_field("events"));
                            }
                            events__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::JobName => {
                            if job_name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("jobName"));
                            }
                            job_name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(PatternTestData {
                    exit_code: exit_code__.unwrap_or_default(),
                    reason: reason__.unwrap_or_default(),
                    logs: logs__.unwrap_or_default(),
                    events: events__.unwrap_or_default(),
                    namespace: namespace__.unwrap_or_default(),
                    name: name__.unwrap_or_default(),
                    job_name: job_name__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.PatternTestData", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for PruneRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.older_than_days != 0 {
            len += 1;
        }
        if self.dry_run {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.PruneRequest", len)?;
        if self.older_than_days != 0 {
            struct_ser.serialize_field("olderThanDays", &self.older_than_days)?;
        }
        if self.dry_run {
            struct_ser.serialize_field("dryRun", &self.dry_run)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for PruneRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "older_than_days",
            "olderThanDays",
            "dry_run",
            "dryRun",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            OlderThanDays,
            DryRun,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "olderThanDays" | "older_than_days" => Ok(GeneratedField::OlderThanDays),
                            "dryRun" | "dry_run" => Ok(GeneratedField::DryRun),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = PruneRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.PruneRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<PruneRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut older_than_days__ = None;
                let mut dry_run__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::OlderThanDays => {
                            if older_than_days__.is_some() {
                                return Err(serde::de::Error::duplicate_field("olderThanDays"));
                            }
                            older_than_days__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::DryRun => {
                            if dry_run__.is_some() {
                                return Err(serde::de::Error::duplicate_field("dryRun"));
                            }
                            dry_run__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(PruneRequest {
                    older_than_days: older_than_days__.unwrap_or_default(),
                    dry_run: dry_run__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.PruneRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for PruneResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.success {
            len += 1;
        }
        if self.records_pruned != 0 {
            len += 1;
        }
        if self.dry_run {
            len += 1;
        }
        if self.cutoff.is_some() {
            len += 1;
        }
        if self.older_than_days != 0 {
            len += 1;
        }
        if !self.message.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.PruneResponse", len)?;
        if self.success {
            struct_ser.serialize_field("success", &self.success)?;
        }
        if self.records_pruned != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("recordsPruned", ToString::to_string(&self.records_pruned).as_str())?;
        }
        if self.dry_run {
            struct_ser.serialize_field("dryRun", &self.dry_run)?;
        }
        if let Some(v) = self.cutoff.as_ref() {
            struct_ser.serialize_field("cutoff", v)?;
        }
        if self.older_than_days != 0 {
            struct_ser.serialize_field("olderThanDays", &self.older_than_days)?;
        }
        if !self.message.is_empty() {
            struct_ser.serialize_field("message", &self.message)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for PruneResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "success",
            "records_pruned",
            "recordsPruned",
            "dry_run",
            "dryRun",
            "cutoff",
            "older_than_days",
            "olderThanDays",
            "message",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Success,
            RecordsPruned,
            DryRun,
            Cutoff,
            OlderThanDays,
            Message,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "success" => Ok(GeneratedField::Success),
                            "recordsPruned" | "records_pruned" => Ok(GeneratedField::RecordsPruned),
                            "dryRun" | "dry_run" => Ok(GeneratedField::DryRun),
                            "cutoff" => Ok(GeneratedField::Cutoff),
                            "olderThanDays" | "older_than_days" => Ok(GeneratedField::OlderThanDays),
                            "message" => Ok(GeneratedField::Message),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = PruneResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.PruneResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<PruneResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut success__ = None;
                let mut records_pruned__ = None;
                let mut dry_run__ = None;
                let mut cutoff__ = None;
                let mut older_than_days__ = None;
                let mut message__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Success => {
                            if success__.is_some() {
                                return Err(serde::de::Error::duplicate_field("success"));
                            }
                            success__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RecordsPruned => {
                            if records_pruned__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordsPruned"));
                            }
                            records_pruned__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::DryRun => {
                            if dry_run__.is_some() {
                                return Err(serde::de::Error::duplicate_field("dryRun"));
                            }
                            dry_run__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Cutoff => {
                            if cutoff__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cutoff"));
                            }
                            cutoff__ = map_.next_value()?;
                        }
                        GeneratedField::OlderThanDays => {
                            if older_than_days__.is_some() {
                                return Err(serde::de::Error::duplicate_field("olderThanDays"));
                            }
                            older_than_days__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Message => {
                            if message__.is_some() {
                                return Err(serde::de::Error::duplicate_field("message"));
                            }
                            message__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(PruneResponse {
                    success: success__.unwrap_or_default(),
                    records_pruned: records_pruned__.unwrap_or_default(),
                    dry_run: dry_run__.unwrap_or_default(),
                    cutoff: cutoff__,
                    older_than_days: older_than_days__.unwrap_or_default(),
                    message: message__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.PruneResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ResumeCronJobRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.name.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ResumeCronJobRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ResumeCronJobRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "name",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Name,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "name" => Ok(GeneratedField::Name),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ResumeCronJobRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ResumeCronJobRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ResumeCronJobRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut name__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ResumeCronJobRequest {
                    namespace: namespace__.unwrap_or_default(),
                    name: name__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ResumeCronJobRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ResumeCronJobResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.success {
            len += 1;
        }
        if self.message.is_some() {
            len += 1;
        }
        if self.error.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.ResumeCronJobResponse", len)?;
        if self.success {
            struct_ser.serialize_field("success", &self.success)?;
        }
        if let Some(v) = self.message.as_ref() {
            struct_ser.serialize_field("message", v)?;
        }
        if let Some(v) = self.error.as_ref() {
            struct_ser.serialize_field("error", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ResumeCronJobResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "success",
            "message",
            "error",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Success,
            Message,
            Error,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "success" => Ok(GeneratedField::Success),
                            "message" => Ok(GeneratedField::Message),
                            "error" => Ok(GeneratedField::Error),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ResumeCronJobResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.ResumeCronJobResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ResumeCronJobResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut success__ = None;
                let mut message__ = None;
                let mut error__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Success => {
                            if success__.is_some() {
                                return Err(serde::de::Error::duplicate_field("success"));
                            }
                            success__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Message => {
                            if message__.is_some() {
                                return Err(serde::de::Error::duplicate_field("message"));
                            }
                            message__ = map_.next_value()?;
                        }
                        GeneratedField::Error => {
                            if error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("error"));
                            }
                            error__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(ResumeCronJobResponse {
                    success: success__.unwrap_or_default(),
                    message: message__,
                    error: error__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.ResumeCronJobResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Severity {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        let variant = match self {
            Self::Unspecified => "SEVERITY_UNSPECIFIED",
            Self::Info => "SEVERITY_INFO",
            Self::Warning => "SEVERITY_WARNING",
            Self::Critical => "SEVERITY_CRITICAL",
        };
        serializer.serialize_str(variant)
    }
}
impl<'de> serde::Deserialize<'de> for Severity {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "SEVERITY_UNSPECIFIED",
            "SEVERITY_INFO",
            "SEVERITY_WARNING",
            "SEVERITY_CRITICAL",
        ];

        struct GeneratedVisitor;

        impl serde::de::Visitor<'_> for GeneratedVisitor {
            type Value = Severity;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(formatter, "expected one of: {:?}", &FIELDS)
            }

            fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Signed(v), &self)
                    })
            }

            fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(v), &self)
                    })
            }

            fn visit_str<E>(self, value: &str) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                match value {
                    "SEVERITY_UNSPECIFIED" => Ok(Severity::Unspecified),
                    "SEVERITY_INFO" => Ok(Severity::Info),
                    "SEVERITY_WARNING" => Ok(Severity::Warning),
                    "SEVERITY_CRITICAL" => Ok(Severity::Critical),
                    _ => Err(serde::de::Error::unknown_variant(value, FIELDS)),
                }
            }
        }
        deserializer.deserialize_any(GeneratedVisitor)
    }
}
impl serde::Serialize for SilenceAlertRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.id.is_empty() {
            len += 1;
        }
        if self.duration.is_some() {
            len += 1;
        }
        if !self.reason.is_empty() {
            len += 1;
        }
        if !self.silenced_by.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.SilenceAlertRequest", len)?;
        if !self.id.is_empty() {
            struct_ser.serialize_field("id", &self.id)?;
        }
        if let Some(v) = self.duration.as_ref() {
            struct_ser.serialize_field("duration", v)?;
        }
        if !self.reason.is_empty() {
            struct_ser.serialize_field("reason", &self.reason)?;
        }
        if !self.silenced_by.is_empty() {
            struct_ser.serialize_field("silencedBy", &self.silenced_by)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for SilenceAlertRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "id",
            "duration",
            "reason",
            "silenced_by",
            "silencedBy",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Id,
            Duration,
            Reason,
            SilencedBy,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "id" => Ok(GeneratedField::Id),
                            "duration" => Ok(GeneratedField::Duration),
                            "reason" => Ok(GeneratedField::Reason),
                            "silencedBy" | "silenced_by" => Ok(GeneratedField::SilencedBy),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = SilenceAlertRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.SilenceAlertRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<SilenceAlertRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut id__ = None;
                let mut duration__ = None;
                let mut reason__ = None;
                let mut silenced_by__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Id => {
                            if id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("id"));
                            }
                            id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Duration => {
                            if duration__.is_some() {
                                return Err(serde::de::Error::duplicate_field("duration"));
                            }
                            duration__ = map_.next_value()?;
                        }
                        GeneratedField::Reason => {
                            if reason__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reason"));
                            }
                            reason__ = Some(map_.next_value()?);
                        }
                        GeneratedField::SilencedBy => {
                            if silenced_by__.is_some() {
                                return Err(serde::de::Error::duplicate_field("silencedBy"));
                            }
                            silenced_by__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(SilenceAlertRequest {
                    id: id__.unwrap_or_default(),
                    duration: duration__,
                    reason: reason__.unwrap_or_default(),
                    silenced_by: silenced_by__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.SilenceAlertRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for SilenceAlertResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.success {
            len += 1;
        }
        if self.silenced_until.is_some() {
            len += 1;
        }
        if self.message.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.SilenceAlertResponse", len)?;
        if self.success {
            struct_ser.serialize_field("success", &self.success)?;
        }
        if let Some(v) = self.silenced_until.as_ref() {
            struct_ser.serialize_field("silencedUntil", v)?;
        }
        if let Some(v) = self.message.as_ref() {
            struct_ser.serialize_field("message", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for SilenceAlertResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "success",
            "silenced_until",
            "silencedUntil",
            "message",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Success,
            SilencedUntil,
            Message,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "success" => Ok(GeneratedField::Success),
                            "silencedUntil" | "silenced_until" => Ok(GeneratedField::SilencedUntil),
                            "message" => Ok(GeneratedField::Message),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = SilenceAlertResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.SilenceAlertResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<SilenceAlertResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut success__ = None;
                let mut silenced_until__ = None;
                let mut message__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Success => {
                            if success__.is_some() {
                                return Err(serde::de::Error::duplicate_field("success"));
                            }
                            success__ = Some(map_.next_value()?);
                        }
                        GeneratedField::SilencedUntil => {
                            if silenced_until__.is_some() {
                                return Err(serde::de::Error::duplicate_field("silencedUntil"));
                            }
                            silenced_until__ = map_.next_value()?;
                        }
                        GeneratedField::Message => {
                            if message__.is_some() {
                                return Err(serde::de::Error::duplicate_field("message"));
                            }
                            message__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(SilenceAlertResponse {
                    success: success__.unwrap_or_default(),
                    silenced_until: silenced_until__,
                    message: message__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.SilenceAlertResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for SubscribeRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.after_sequence != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.SubscribeRequest", len)?;
        if self.after_sequence != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("afterSequence", ToString::to_string(&self.after_sequence).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for SubscribeRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "after_sequence",
            "afterSequence",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            AfterSequence,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "afterSequence" | "after_sequence" => Ok(GeneratedField::AfterSequence),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = SubscribeRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.SubscribeRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<SubscribeRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut after_sequence__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::AfterSequence => {
                            if after_sequence__.is_some() {
                                return Err(serde::de::Error::duplicate_field("afterSequence"));
                            }
                            after_sequence__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(SubscribeRequest {
                    after_sequence: after_sequence__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.SubscribeRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for SubscribeResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.event.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.SubscribeResponse", len)?;
        if let Some(v) = self.event.as_ref() {
            struct_ser.serialize_field("event", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for SubscribeResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "event",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Event,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "event" => Ok(GeneratedField::Event),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = SubscribeResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.SubscribeResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<SubscribeResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut event__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Event => {
                            if event__.is_some() {
                                return Err(serde::de::Error::duplicate_field("event"));
                            }
                            event__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(SubscribeResponse {
                    event: event__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.SubscribeResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for SummaryStats {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.healthy != 0 {
            len += 1;
        }
        if self.warning != 0 {
            len += 1;
        }
        if self.critical != 0 {
            len += 1;
        }
        if self.suspended != 0 {
            len += 1;
        }
        if self.running != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.SummaryStats", len)?;
        if self.healthy != 0 {
            struct_ser.serialize_field("healthy", &self.healthy)?;
        }
        if self.warning != 0 {
            struct_ser.serialize_field("warning", &self.warning)?;
        }
        if self.critical != 0 {
            struct_ser.serialize_field("critical", &self.critical)?;
        }
        if self.suspended != 0 {
            struct_ser.serialize_field("suspended", &self.suspended)?;
        }
        if self.running != 0 {
            struct_ser.serialize_field("running", &self.running)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for SummaryStats {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "healthy",
            "warning",
            "critical",
            "suspended",
            "running",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Healthy,
            Warning,
            Critical,
            Suspended,
            Running,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "healthy" => Ok(GeneratedField::Healthy),
                            "warning" => Ok(GeneratedField::Warning),
                            "critical" => Ok(GeneratedField::Critical),
                            "suspended" => Ok(GeneratedField::Suspended),
                            "running" => Ok(GeneratedField::Running),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = SummaryStats;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.SummaryStats")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<SummaryStats, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut healthy__ = None;
                let mut warning__ = None;
                let mut critical__ = None;
                let mut suspended__ = None;
                let mut running__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Healthy => {
                            if healthy__.is_some() {
                                return Err(serde::de::Error::duplicate_field("healthy"));
                            }
                            healthy__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Warning => {
                            if warning__.is_some() {
                                return Err(serde::de::Error::duplicate_field("warning"));
                            }
                            warning__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Critical => {
                            if critical__.is_some() {
                                return Err(serde::de::Error::duplicate_field("critical"));
                            }
                            critical__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Suspended => {
                            if suspended__.is_some() {
                                return Err(serde::de::Error::duplicate_field("suspended"));
                            }
                            suspended__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Running => {
                            if running__.is_some() {
                                return Err(serde::de::Error::duplicate_field("running"));
                            }
                            running__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(SummaryStats {
                    healthy: healthy__.unwrap_or_default(),
                    warning: warning__.unwrap_or_default(),
                    critical: critical__.unwrap_or_default(),
                    suspended: suspended__.unwrap_or_default(),
                    running: running__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.SummaryStats", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for SuspendCronJobRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.name.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.SuspendCronJobRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for SuspendCronJobRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "name",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Name,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "name" => Ok(GeneratedField::Name),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = SuspendCronJobRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.SuspendCronJobRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<SuspendCronJobRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut name__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(SuspendCronJobRequest {
                    namespace: namespace__.unwrap_or_default(),
                    name: name__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.SuspendCronJobRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for SuspendCronJobResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.success {
            len += 1;
        }
        if self.message.is_some() {
            len += 1;
        }
        if self.error.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.SuspendCronJobResponse", len)?;
        if self.success {
            struct_ser.serialize_field("success", &self.success)?;
        }
        if let Some(v) = self.message.as_ref() {
            struct_ser.serialize_field("message", v)?;
        }
        if let Some(v) = self.error.as_ref() {
            struct_ser.serialize_field("error", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for SuspendCronJobResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "success",
            "message",
            "error",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Success,
            Message,
            Error,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "success" => Ok(GeneratedField::Success),
                            "message" => Ok(GeneratedField::Message),
                            "error" => Ok(GeneratedField::Error),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = SuspendCronJobResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.SuspendCronJobResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<SuspendCronJobResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut success__ = None;
                let mut message__ = None;
                let mut error__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Success => {
                            if success__.is_some() {
                                return Err(serde::de::Error::duplicate_field("success"));
                            }
                            success__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Message => {
                            if message__.is_some() {
                                return Err(serde::de::Error::duplicate_field("message"));
                            }
                            message__ = map_.next_value()?;
                        }
                        GeneratedField::Error => {
                            if error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("error"));
                            }
                            error__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(SuspendCronJobResponse {
                    success: success__.unwrap_or_default(),
                    message: message__,
                    error: error__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.SuspendCronJobResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for TestChannelRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.name.is_empty() {
            len += 1;
        }
        if !self.namespace.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.TestChannelRequest", len)?;
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for TestChannelRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
            "namespace",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
            Namespace,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            "namespace" => Ok(GeneratedField::Namespace),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = TestChannelRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.TestChannelRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<TestChannelRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                let mut namespace__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(TestChannelRequest {
                    name: name__.unwrap_or_default(),
                    namespace: namespace__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.TestChannelRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for TestChannelResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.success {
            len += 1;
        }
        if self.message.is_some() {
            len += 1;
        }
        if self.error.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.TestChannelResponse", len)?;
        if self.success {
            struct_ser.serialize_field("success", &self.success)?;
        }
        if let Some(v) = self.message.as_ref() {
            struct_ser.serialize_field("message", v)?;
        }
        if let Some(v) = self.error.as_ref() {
            struct_ser.serialize_field("error", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for TestChannelResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "success",
            "message",
            "error",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Success,
            Message,
            Error,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "success" => Ok(GeneratedField::Success),
                            "message" => Ok(GeneratedField::Message),
                            "error" => Ok(GeneratedField::Error),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = TestChannelResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.TestChannelResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<TestChannelResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut success__ = None;
                let mut message__ = None;
                let mut error__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Success => {
                            if success__.is_some() {
                                return Err(serde::de::Error::duplicate_field("success"));
                            }
                            success__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Message => {
                            if message__.is_some() {
                                return Err(serde::de::Error::duplicate_field("message"));
                            }
                            message__ = map_.next_value()?;
                        }
                        GeneratedField::Error => {
                            if error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("error"));
                            }
                            error__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(TestChannelResponse {
                    success: success__.unwrap_or_default(),
                    message: message__,
                    error: error__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.TestChannelResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for TestPatternRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.pattern.is_some() {
            len += 1;
        }
        if self.test_data.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.TestPatternRequest", len)?;
        if let Some(v) = self.pattern.as_ref() {
            struct_ser.serialize_field("pattern", v)?;
        }
        if let Some(v) = self.test_data.as_ref() {
            struct_ser.serialize_field("testData", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for TestPatternRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "pattern",
            "test_data",
            "testData",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Pattern,
            TestData,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "pattern" => Ok(GeneratedField::Pattern),
                            "testData" | "test_data" => Ok(GeneratedField::TestData),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = TestPatternRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.TestPatternRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<TestPatternRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut pattern__ = None;
                let mut test_data__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Pattern => {
                            if pattern__.is_some() {
                                return Err(serde::de::Error::duplicate_field("pattern"));
                            }
                            pattern__ = map_.next_value()?;
                        }
                        GeneratedField::TestData => {
                            if test_data__.is_some() {
                                return Err(serde::de::Error::duplicate_field("testData"));
                            }
                            test_data__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(TestPatternRequest {
                    pattern: pattern__,
                    test_data: test_data__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.TestPatternRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for TestPatternResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.matched {
            len += 1;
        }
        if self.rendered_suggestion.is_some() {
            len += 1;
        }
        if self.error.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.TestPatternResponse", len)?;
        if self.matched {
            struct_ser.serialize_field("matched", &self.matched)?;
        }
        if let Some(v) = self.rendered_suggestion.as_ref() {
            struct_ser.serialize_field("renderedSuggestion", v)?;
        }
        if let Some(v) = self.error.as_ref() {
            struct_ser.serialize_field("error", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for TestPatternResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "matched",
            "rendered_suggestion",
            "renderedSuggestion",
            "error",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Matched,
            RenderedSuggestion,
            Error,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "matched" => Ok(GeneratedField::Matched),
                            "renderedSuggestion" | "rendered_suggestion" => Ok(GeneratedField::RenderedSuggestion),
                            "error" => Ok(GeneratedField::Error),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = TestPatternResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.TestPatternResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<TestPatternResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut matched__ = None;
                let mut rendered_suggestion__ = None;
                let mut error__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Matched => {
                            if matched__.is_some() {
                                return Err(serde::de::Error::duplicate_field("matched"));
                            }
                            matched__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RenderedSuggestion => {
                            if rendered_suggestion__.is_some() {
                                return Err(serde::de::Error::duplicate_field("renderedSuggestion"));
                            }
                            rendered_suggestion__ = map_.next_value()?;
                        }
                        GeneratedField::Error => {
                            if error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("error"));
                            }
                            error__ = map_.next_value()?;
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(TestPatternResponse {
                    matched: matched__.unwrap_or_default(),
                    rendered_suggestion: rendered_suggestion__,
                    error: error__,
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.TestPatternResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for TestResult {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.time.is_some() {
            len += 1;
        }
        if !self.result.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.TestResult", len)?;
        if let Some(v) = self.time.as_ref() {
            struct_ser.serialize_field("time", v)?;
        }
        if !self.result.is_empty() {
            struct_ser.serialize_field("result", &self.result)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for TestResult {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "time",
            "result",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Time,
            Result,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "time" => Ok(GeneratedField::Time),
                            "result" => Ok(GeneratedField::Result),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = TestResult;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.TestResult")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<TestResult, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut time__ = None;
                let mut result__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Time => {
                            if time__.is_some() {
                                return Err(serde::de::Error::duplicate_field("time"));
                            }
                            time__ = map_.next_value()?;
                        }
                        GeneratedField::Result => {
                            if result__.is_some() {
                                return Err(serde::de::Error::duplicate_field("result"));
                            }
                            result__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(TestResult {
                    time: time__,
                    result: result__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.TestResult", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for TriggerCronJobRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.name.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.TriggerCronJobRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.name.is_empty() {
            struct_ser.serialize_field("name", &self.name)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for TriggerCronJobRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "name",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Name,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "name" => Ok(GeneratedField::Name),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = TriggerCronJobRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.TriggerCronJobRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<TriggerCronJobRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut name__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(TriggerCronJobRequest {
                    namespace: namespace__.unwrap_or_default(),
                    name: name__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.TriggerCronJobRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for TriggerCronJobResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.success {
            len += 1;
        }
        if self.job_name.is_some() {
            len += 1;
        }
        if !self.message.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("guardian.v1.TriggerCronJobResponse", len)?;
        if self.success {
            struct_ser.serialize_field("success", &self.success)?;
        }
        if let Some(v) = self.job_name.as_ref() {
            struct_ser.serialize_field("jobName", v)?;
        }
        if !self.message.is_empty() {
            struct_ser.serialize_field("message", &self.message)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for TriggerCronJobResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "success",
            "job_name",
            "jobName",
            "message",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Success,
            JobName,
            Message,
            __SkipField__,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "success" => Ok(GeneratedField::Success),
                            "jobName" | "job_name" => Ok(GeneratedField::JobName),
                            "message" => Ok(GeneratedField::Message),
                            _ => Ok(GeneratedField::__SkipField__),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = TriggerCronJobResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct guardian.v1.TriggerCronJobResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<TriggerCronJobResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut success__ = None;
                let mut job_name__ = None;
                let mut message__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Success => {
                            if success__.is_some() {
                                return Err(serde::de::Error::duplicate_field("success"));
                            }
                            success__ = Some(map_.next_value()?);
                        }
                        GeneratedField::JobName => {
                            if job_name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("jobName"));
                            }
                            job_name__ = map_.next_value()?;
                        }
                        GeneratedField::Message => {
                            if message__.is_some() {
                                return Err(serde::de::Error::duplicate_field("message"));
                            }
                            message__ = Some(map_.next_value()?);
                        }
                        GeneratedField::__SkipField__ => {
                            let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(TriggerCronJobResponse {
                    success: success__.unwrap_or_default(),
                    job_name: job_name__,
                    message: message__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("guardian.v1.TriggerCronJobResponse", FIELDS, GeneratedVisitor)
    }
}
