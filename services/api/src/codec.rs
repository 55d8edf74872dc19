//! The protobuf codec of every generated service and client: prost's, except
//! that a message that does not parse is `INVALID_ARGUMENT`. tonic-prost says
//! `INTERNAL`, which tells a client the server broke; bytes that are not the
//! request message are the sender's mistake (and a client must not retry them).

use tonic::Status;
use tonic::codec::{BufferSettings, Codec, DecodeBuf, Decoder};
use tonic_prost::ProstCodec;

/// [`ProstCodec`] with parse errors reported as `INVALID_ARGUMENT`.
#[derive(Debug)]
pub struct GuardianCodec<T, U>(ProstCodec<T, U>);

// By hand: a derive would require `T: Default, U: Default`.
impl<T, U> Default for GuardianCodec<T, U> {
    fn default() -> Self {
        GuardianCodec(ProstCodec::default())
    }
}

impl<T, U> Codec for GuardianCodec<T, U>
where
    T: prost::Message + Send + 'static,
    U: prost::Message + Default + Send + 'static,
{
    type Encode = T;
    type Decode = U;
    type Encoder = <ProstCodec<T, U> as Codec>::Encoder;
    type Decoder = ParseErrorIsInvalid<<ProstCodec<T, U> as Codec>::Decoder>;

    fn encoder(&mut self) -> Self::Encoder {
        self.0.encoder()
    }

    fn decoder(&mut self) -> Self::Decoder {
        ParseErrorIsInvalid(self.0.decoder())
    }
}

/// A decoder whose parse failures (`INTERNAL` from prost) become `INVALID_ARGUMENT`.
#[derive(Debug)]
pub struct ParseErrorIsInvalid<D>(D);

impl<D: Decoder<Error = Status>> Decoder for ParseErrorIsInvalid<D> {
    type Item = D::Item;
    type Error = Status;

    fn decode(&mut self, src: &mut DecodeBuf<'_>) -> Result<Option<D::Item>, Status> {
        self.0.decode(src).map_err(|status| {
            if status.code() == tonic::Code::Internal {
                Status::invalid_argument(format!("message does not parse: {}", status.message()))
            } else {
                status
            }
        })
    }

    fn buffer_settings(&self) -> BufferSettings {
        self.0.buffer_settings()
    }
}
