/**
 * A real SMTP server for tests (smtp-server) on an ephemeral port of 127.0.0.1: it keeps every
 * message with its envelope. With `auth`, it accepts only that user and password.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface LocalSmtp {
  port: number;
  messages: ReceivedMail[];
  /** smtp://user:pass@127.0.0.1:port, or without credentials. */
  url: (credentials?: { user: string; pass: string }) => string;
  close: () => Promise<void>;
}

export async function startLocalSmtp(options: { auth?: { user: string; pass: string } } = {}): Promise<LocalSmtp> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: !options.auth,
    allowInsecureAuth: true,
    // Plain SMTP on loopback: nodemailer would otherwise upgrade to TLS and refuse the self-signed certificate.
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 20 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) return callback(null, { user: auth.username });
      callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve) => {
    const s = server.listen(0, "127.0.0.1", () => resolve((s.address() as AddressInfo).port));
  });
  return {
    port,
    messages,
    url: (c) => (c ? `smtp://${encodeURIComponent(c.user)}:${encodeURIComponent(c.pass)}@127.0.0.1:${port}` : `smtp://127.0.0.1:${port}`),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
