import nodemailer from "nodemailer";
import type { SmtpSettings } from "@/lib/delivery/smtp-settings";
import type { EmailContent } from "@/lib/delivery/email-message";
import type { AttemptOutcome } from "./attempt-outcome";

type Smtp = Extract<SmtpSettings, { ok: true }>;

/**
 * One e-mail to one address through the configured SMTP server: the Markdown as text, the HTML
 * rendering, the PDF attached. An SMTP reply code is kept as the attempt's status code; 4xx
 * replies and lost connections are worth another attempt, 5xx replies are not.
 */
export async function sendEmail(smtp: Smtp, to: string, content: EmailContent, pdf: Buffer, timeoutMs: number): Promise<AttemptOutcome> {
  const transport = nodemailer.createTransport({ url: smtp.url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  try {
    const info = await transport.sendMail({
      from: smtp.from,
      to,
      subject: content.subject,
      text: content.text,
      html: content.html,
      attachments: [{ filename: content.pdfFileName, content: pdf, contentType: "application/pdf" }],
    });
    const code = /^(\d{3})\b/.exec(info.response ?? "")?.[1];
    return { ok: true, statusCode: code ? Number(code) : null, error: null, retryable: false };
  } catch (error) {
    const e = error as Error & { responseCode?: number; code?: string };
    const statusCode = typeof e.responseCode === "number" ? e.responseCode : null;
    return {
      ok: false,
      statusCode,
      error: `${e.code ? `${e.code}: ` : ""}${e.message}`,
      retryable: statusCode === null || statusCode < 500,
    };
  } finally {
    transport.close();
  }
}
