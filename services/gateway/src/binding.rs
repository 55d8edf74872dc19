//! The route table: every `google.api.http` rule (and its additional bindings)
//! of the chosen services, checked against the request and response messages
//! once, when the gateway is built, so requests never meet a bad rule.

use std::collections::HashMap;

use axum::routing::MethodFilter;
use http::Method;
use prost_reflect::{
    DescriptorPool, DynamicMessage, ExtensionDescriptor, FieldDescriptor, Kind, MessageDescriptor,
    MethodDescriptor, Value,
};

use crate::GatewayError;
use crate::fields::{is_integer, is_scalar, resolve_field_path, top_level};
use crate::template::{self, PathTemplate};

/// The request field a `Last-Event-ID` header resumes from.
const RESUME_FIELD: &str = "after_sequence";
/// The response field whose value becomes the SSE `id`.
const SSE_ID_FIELD: &str = "sequence";

/// One HTTP route of one RPC.
#[derive(Debug, Clone)]
pub struct Binding {
    pub(crate) method: MethodDescriptor,
    pub(crate) http_method: Method,
    pub(crate) template: String,
    pub(crate) path: PathTemplate,
    /// Resolved field paths of the path variables, by axum parameter name.
    pub(crate) path_fields: Vec<(String, Vec<FieldDescriptor>)>,
    pub(crate) body: BodyMapping,
    pub(crate) response_body: Option<FieldDescriptor>,
    /// Request field set from `Last-Event-ID` (streams only).
    pub(crate) resume_field: Option<FieldDescriptor>,
    /// Field of the rendered message used as the SSE `id` (streams only).
    pub(crate) sse_id_field: Option<FieldDescriptor>,
}

/// Where the HTTP body goes in the request message.
#[derive(Debug, Clone)]
pub(crate) enum BodyMapping {
    /// No body; unbound fields come from the query string.
    None,
    /// `body: "*"`: the body is the request message, minus path variables.
    All,
    /// `body: "field"`: the body is that top-level field.
    Field(FieldDescriptor),
}

impl Binding {
    /// The RPC's full name, `guardian.v1.QueryService.GetHealth`.
    pub fn rpc(&self) -> &str {
        self.method.full_name()
    }

    /// The RPC's descriptor.
    pub fn method_descriptor(&self) -> &MethodDescriptor {
        &self.method
    }

    /// The HTTP method of the route.
    pub fn http_method(&self) -> &Method {
        &self.http_method
    }

    /// The path template as written in the .proto file.
    pub fn template(&self) -> &str {
        &self.template
    }

    /// True when replies are streamed as Server-Sent Events.
    pub fn is_streaming(&self) -> bool {
        self.method.is_server_streaming()
    }

    /// The message type the HTTP reply renders.
    pub(crate) fn rendered_message(&self) -> MessageDescriptor {
        match self.response_body.as_ref().map(FieldDescriptor::kind) {
            Some(Kind::Message(message)) => message,
            _ => self.method.output(),
        }
    }
}

/// Reads the bindings of `services` (every service when empty) from `pool`.
pub(crate) fn read_bindings(
    pool: &DescriptorPool,
    services: &[&str],
) -> Result<Vec<Binding>, GatewayError> {
    let extension = pool
        .get_extension_by_name("google.api.http")
        .ok_or(GatewayError::NoHttpExtension)?;
    for name in services {
        if pool.get_service_by_name(name).is_none() {
            return Err(GatewayError::UnknownService((*name).to_owned()));
        }
    }
    let mut bindings = Vec::new();
    let chosen = pool
        .services()
        .filter(|service| services.is_empty() || services.contains(&service.full_name()));
    for method in chosen.flat_map(|service| service.methods().collect::<Vec<_>>()) {
        for rule in method_rules(&method, &extension) {
            bindings.push(bind(&method, &rule)?);
        }
    }
    reject_conflicts(&bindings)?;
    Ok(bindings)
}

/// The method's http rule and its additional bindings (one level deep, as specified).
fn method_rules(method: &MethodDescriptor, extension: &ExtensionDescriptor) -> Vec<DynamicMessage> {
    let options = method.options();
    if !options.has_extension(extension) {
        return Vec::new();
    }
    let Value::Message(rule) = options.get_extension(extension).into_owned() else {
        return Vec::new();
    };
    let mut rules = vec![rule.clone()];
    if let Some(Value::List(extra)) = rule.get_field_by_name("additional_bindings").as_deref() {
        rules.extend(extra.iter().filter_map(|value| value.as_message().cloned()));
    }
    rules
}

fn text_field(rule: &DynamicMessage, name: &str) -> String {
    rule.get_field_by_name(name)
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The rule's HTTP method and path template.
fn pattern(rule: &DynamicMessage) -> Option<(Method, String)> {
    let verbs = [
        ("get", Method::GET),
        ("put", Method::PUT),
        ("post", Method::POST),
        ("delete", Method::DELETE),
        ("patch", Method::PATCH),
    ];
    for (field, method) in verbs {
        let path = text_field(rule, field);
        if !path.is_empty() {
            return Some((method, path));
        }
    }
    let custom = rule.get_field_by_name("custom")?.as_message()?.clone();
    let method = Method::from_bytes(text_field(&custom, "kind").as_bytes()).ok()?;
    Some((method, text_field(&custom, "path")))
}

fn bind(method: &MethodDescriptor, rule: &DynamicMessage) -> Result<Binding, GatewayError> {
    let rpc = method.full_name().to_owned();
    if method.is_client_streaming() {
        return Err(GatewayError::ClientStreaming { rpc });
    }
    let (http_method, template) =
        pattern(rule).ok_or_else(|| GatewayError::NoPattern { rpc: rpc.clone() })?;
    if MethodFilter::try_from(http_method.clone()).is_err() {
        let method = http_method.to_string();
        return Err(GatewayError::UnsupportedMethod { rpc, method });
    }
    let path = template::parse(&template).map_err(|reason| GatewayError::Template {
        rpc: rpc.clone(),
        template: template.clone(),
        reason,
    })?;
    let fields = FieldRules {
        rpc: &rpc,
        method,
        rule,
    };
    let mut binding = Binding {
        method: method.clone(),
        http_method,
        template,
        path_fields: fields.path_fields(&path)?,
        path,
        body: fields.body()?,
        response_body: fields.response_body()?,
        resume_field: None,
        sse_id_field: None,
    };
    if method.is_server_streaming() {
        binding.resume_field = top_level(&method.input(), RESUME_FIELD).filter(is_integer);
        binding.sse_id_field =
            top_level(&binding.rendered_message(), SSE_ID_FIELD).filter(is_integer);
    }
    Ok(binding)
}

/// Resolves the field names a rule mentions against the RPC's messages.
struct FieldRules<'a> {
    rpc: &'a str,
    method: &'a MethodDescriptor,
    rule: &'a DynamicMessage,
}

impl FieldRules<'_> {
    fn error(&self, role: &'static str, field: &str, reason: &str) -> GatewayError {
        GatewayError::Field {
            rpc: self.rpc.to_owned(),
            role,
            field: field.to_owned(),
            reason: reason.to_owned(),
        }
    }

    fn path_fields(
        &self,
        path: &PathTemplate,
    ) -> Result<Vec<(String, Vec<FieldDescriptor>)>, GatewayError> {
        let input = self.method.input();
        path.variables
            .iter()
            .map(|variable| {
                resolve_field_path(&input, &variable.field_path)
                    .filter(|fields| fields.last().is_some_and(is_scalar))
                    .map(|fields| (variable.param.clone(), fields))
                    .ok_or_else(|| {
                        self.error(
                            "path variable",
                            &variable.field_path,
                            "is not a scalar field",
                        )
                    })
            })
            .collect()
    }

    fn body(&self) -> Result<BodyMapping, GatewayError> {
        Ok(match text_field(self.rule, "body").as_str() {
            "" => BodyMapping::None,
            "*" => BodyMapping::All,
            name => BodyMapping::Field(
                top_level(&self.method.input(), name)
                    .ok_or_else(|| self.error("body", name, "is not a field"))?,
            ),
        })
    }

    fn response_body(&self) -> Result<Option<FieldDescriptor>, GatewayError> {
        let name = text_field(self.rule, "response_body");
        if name.is_empty() {
            return Ok(None);
        }
        top_level(&self.method.output(), &name)
            .filter(|field| matches!(field.kind(), Kind::Message(_)) && !field.is_list())
            .map(Some)
            .ok_or_else(|| self.error("response_body", &name, "is not a message field"))
    }
}

fn reject_conflicts(bindings: &[Binding]) -> Result<(), GatewayError> {
    let mut seen: HashMap<(Method, &str), &Binding> = HashMap::new();
    for binding in bindings {
        let key = (binding.http_method.clone(), binding.path.axum_path.as_str());
        if let Some(first) = seen.insert(key, binding) {
            return Err(GatewayError::Conflict {
                method: binding.http_method.to_string(),
                template: binding.template.clone(),
                first: first.rpc().to_owned(),
                second: binding.rpc().to_owned(),
            });
        }
    }
    Ok(())
}
