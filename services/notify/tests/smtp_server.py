"""A real SMTP server for guardian-notify's e-mail tests, on 127.0.0.1.

Requires STARTTLS (with the certificate and key given) before AUTH, accepts AUTH
PLAIN/LOGIN for one user, and writes each accepted message as JSON into a directory.
Prints "READY <port>" once it listens; runs until killed.

Usage: python smtp_server.py CERT KEY USER PASSWORD OUTDIR
"""

import email
import email.policy
import json
import os
import socket
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class SaveToDirectory:
    def __init__(self, outdir):
        self.outdir = outdir
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        plain = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None,
            "authenticated": bool(session.authenticated),
            "subject": str(message["Subject"]),
            "from": str(message["From"]),
            "to": str(message["To"]),
            "message_id": str(message["Message-ID"]),
            "alert_key": str(message["X-Guardian-Alert-Key"]),
            "content_type": message.get_content_type(),
            "text": plain.get_content() if plain is not None else None,
            "html": html.get_content() if html is not None else None,
        }
        # Numbered in arrival order, so the test reads messages in the order they came.
        self.count += 1
        name = "%06d" % self.count
        temporary = os.path.join(self.outdir, name + ".tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(record, handle)
        os.rename(temporary, os.path.join(self.outdir, name + ".json"))
        return "250 OK queued as " + name


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == user
            and auth_data.password.decode() == password
        )
        return AuthResult(success=ok, handled=False)

    return check


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    cert, key, user, password, outdir = sys.argv[1:6]
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    port = free_port()
    controller = Controller(
        SaveToDirectory(outdir),
        hostname="127.0.0.1",
        port=port,
        tls_context=context,
        require_starttls=True,
        authenticator=authenticator(user, password),
        auth_required=True,
        auth_require_tls=True,
    )
    controller.start()
    print("READY", port, flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
