//! Certificates made at test time (rcgen): a CA, and server or client
//! certificates it signs, written as PEM files a process can be pointed at.

use std::path::{Path, PathBuf};

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};

#[derive(Debug, thiserror::Error)]
pub enum CertError {
    #[error("cannot make a certificate: {0}")]
    Make(#[from] rcgen::Error),
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// A certificate authority that signs leaf certificates.
pub struct TestCa {
    issuer: Issuer<'static, KeyPair>,
    pem: String,
}

/// PEM files of a certificate and its key (and the CA that signed it).
#[derive(Debug, Clone)]
pub struct CertFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
    pub ca: PathBuf,
}

impl TestCa {
    pub fn new(name: &str) -> Result<TestCa, CertError> {
        let key = KeyPair::generate()?;
        let mut params = CertificateParams::new(Vec::<String>::new())?;
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.distinguished_name.push(DnType::CommonName, name);
        let pem = params.self_signed(&key)?.pem();
        Ok(TestCa {
            issuer: Issuer::new(params, key),
            pem,
        })
    }

    pub fn pem(&self) -> &str {
        &self.pem
    }

    /// A leaf certificate for `names` (DNS names or IP addresses), valid for
    /// both server and client authentication, written into `dir` as
    /// `<stem>.crt`, `<stem>.key` and `<stem>-ca.crt`.
    pub fn issue(&self, names: &[&str], dir: &Path, stem: &str) -> Result<CertFiles, CertError> {
        let key = KeyPair::generate()?;
        let names: Vec<String> = names.iter().map(|name| (*name).to_owned()).collect();
        let mut params = CertificateParams::new(names)?;
        params.distinguished_name.push(DnType::CommonName, stem);
        let cert = params.signed_by(&key, &self.issuer)?;
        let files = CertFiles {
            cert: dir.join(format!("{stem}.crt")),
            key: dir.join(format!("{stem}.key")),
            ca: dir.join(format!("{stem}-ca.crt")),
        };
        write(&files.cert, &cert.pem())?;
        write(&files.key, &key.serialize_pem())?;
        write(&files.ca, &self.pem)?;
        Ok(files)
    }
}

/// Writes through a temporary file and a rename, as a Secret update swaps files:
/// a reader sees the old or the new content, never half of one.
pub fn write(path: &Path, content: &str) -> Result<(), CertError> {
    let partial = path.with_extension("partial");
    let error = |source| CertError::Write {
        path: path.to_path_buf(),
        source,
    };
    std::fs::write(&partial, content).map_err(error)?;
    std::fs::rename(&partial, path).map_err(error)
}
