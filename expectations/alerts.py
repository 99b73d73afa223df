"""Alerts for failed checks, delivered once to a JSONL file, a webhook and email (stdlib only).

One delivery path for both callers: the Dagster sensor under the daemon and `govreport
ingest` after an in-process run. `deliver_once` first claims each alert's fingerprint in
a small SQLite ledger (INSERT OR IGNORE), so whichever process claims it sends it and
the other, or a later evaluation of the same failure, sends nothing (at most once: an
alert claimed by a process that then dies is not sent again).

A delivery is one message per sink listing every newly claimed alert (a chat bot would
rate-limit one message per failure); the JSONL file gets one line per alert. A sink that
is down is retried with backoff and logged; delivery never raises.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import smtplib
import sqlite3
import time
import urllib.parse
import urllib.request
from contextlib import closing
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Sequence

from expectations.checks import CheckOutcome, look_query
from expectations.results import batch_observed

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

WEBHOOK_FORMATS = ("generic", "wecom", "dingtalk", "feishu", "slack")
# Largest message body each chat service accepts (bytes of the text part).
MAX_MESSAGE_BYTES = {"wecom": 4096, "dingtalk": 20000, "feishu": 20000, "slack": 40000}
MAX_ALERTS_PER_MESSAGE = 20
DEFAULT_EMAIL_FROM = "govreport@localhost"


@dataclass(frozen=True)
class Alert:
    """One failed check on one document (document_id None: on the whole batch)."""

    check: str
    severity: str
    suite: str
    description: str
    observed: str
    document_id: str | None
    source_path: str | None
    title: str | None
    query: str

    @property
    def fingerprint(self) -> str:
        """Same check, document and observation: the same failure, however often evaluated."""
        key = json.dumps([self.check, self.document_id, self.observed], ensure_ascii=False)
        return hashlib.sha256(key.encode("utf-8")).hexdigest()

    @property
    def report(self) -> str:
        """The report named as a person knows it: title and path, else what there is."""
        if self.document_id is None:
            return "the whole batch"
        names = [name for name in (self.title, self.source_path) if name]
        if len(names) == 2:
            return f"{names[0]} ({names[1]})"
        return names[0] if names else f"document {self.document_id[:12]}"

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping) -> Alert:
        return cls(**{name: data.get(name) for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class AlertSettings:
    """Where alerts go and how hard to try; `from_env` reads the GOVREPORT_ALERT_* variables."""

    jsonl_path: Path = Path("data/alerts.jsonl")
    state_path: Path = Path("data/alerts-sent.sqlite")
    webhook_url: str | None = None
    webhook_format: str = "generic"
    webhook_secret: str | None = None
    smtp_url: str | None = None
    email_to: tuple[str, ...] = ()
    email_from: str = DEFAULT_EMAIL_FROM
    attempts: int = 3
    retry_delay_s: float = 1.0
    timeout_s: float = 10.0

    def __post_init__(self) -> None:
        if self.webhook_format not in WEBHOOK_FORMATS:
            raise ValueError(f"webhook format {self.webhook_format!r} is not one of {WEBHOOK_FORMATS}")
        if self.attempts < 1:
            raise ValueError("attempts must be at least 1")

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> AlertSettings:
        def get(name: str) -> str | None:
            return env.get(f"GOVREPORT_ALERT_{name}") or None

        defaults = cls()
        return cls(
            jsonl_path=Path(get("FILE") or defaults.jsonl_path),
            state_path=Path(get("STATE") or defaults.state_path),
            webhook_url=get("WEBHOOK_URL"),
            webhook_format=(get("WEBHOOK_FORMAT") or defaults.webhook_format).lower(),
            webhook_secret=get("WEBHOOK_SECRET"),
            smtp_url=get("SMTP_URL"),
            email_to=tuple(a.strip() for a in (get("EMAIL_TO") or "").split(",") if a.strip()),
            email_from=get("EMAIL_FROM") or defaults.email_from,
            attempts=int(get("ATTEMPTS") or defaults.attempts),
            retry_delay_s=float(get("RETRY_DELAY") or defaults.retry_delay_s),
            timeout_s=float(get("TIMEOUT") or defaults.timeout_s),
        )


@dataclass(frozen=True)
class Delivery:
    """What one deliver_once call did."""

    sent: tuple[Alert, ...]
    already_sent: int
    failed_sinks: tuple[str, ...] = ()


def alerts_from_outcomes(
    outcomes: Iterable[CheckOutcome], documents: pd.DataFrame | None = None
) -> list[Alert]:
    """One alert per failed check and document (WARN and ERROR alike), plus one per
    failure naming no document. `documents` (document_id, source_path, title) names them."""
    names = _document_names(documents)
    alerts = []
    for outcome in outcomes:
        if outcome.passed:
            continue
        for document_id in outcome.failing_document_ids:
            source_path, title = names.get(document_id, (None, None))
            alerts.append(_alert(outcome, document_id, outcome.observed_by_document.get(document_id, ""),
                                 source_path, title))
        if not outcome.failing_document_ids or outcome.observed.get("rows_without_document"):
            alerts.append(_alert(outcome, None, batch_observed(outcome), None, None))
    return alerts


def deliver_once(alerts: Iterable[Alert], settings: AlertSettings | None = None) -> Delivery:
    """Send the alerts no process has claimed yet to every configured sink; never raises."""
    settings = settings or AlertSettings.from_env()
    alerts = list(alerts)
    try:
        fresh = claim(alerts, settings.state_path)
    except (sqlite3.Error, OSError) as error:
        log.error("alert ledger %s unusable, %d alert(s) not sent: %s", settings.state_path, len(alerts), error)
        return Delivery((), 0, ("ledger",))
    if not fresh:
        return Delivery((), len(alerts))
    failed = tuple(name for name, send in _sinks(settings) if not _with_retries(name, send, fresh, settings))
    return Delivery(tuple(fresh), len(alerts) - len(fresh), failed)


def claim(alerts: Sequence[Alert], state_path: Path) -> list[Alert]:
    """The alerts whose fingerprint this call recorded first (in order, each once).

    INSERT OR IGNORE is atomic in SQLite, so two processes sharing the ledger never both
    claim one fingerprint; the timeout makes one wait while the other writes. All claims of
    a call are one transaction (one disk sync, not one per alert).
    """
    state_path.parent.mkdir(parents=True, exist_ok=True)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with closing(sqlite3.connect(state_path, timeout=30, isolation_level=None)) as ledger:
        ledger.execute(
            "CREATE TABLE IF NOT EXISTS claimed_alerts (fingerprint TEXT PRIMARY KEY,"
            " check_name TEXT NOT NULL, document_id TEXT, claimed_at TEXT NOT NULL)"
        )
        ledger.execute("BEGIN IMMEDIATE")
        claimed = [
            alert for alert in alerts
            if ledger.execute(
                "INSERT OR IGNORE INTO claimed_alerts VALUES (?, ?, ?, ?)",
                (alert.fingerprint, alert.check, alert.document_id, now),
            ).rowcount == 1
        ]
        ledger.execute("COMMIT")
        return claimed


# --- building alerts --------------------------------------------------------------------

def _document_names(documents: pd.DataFrame | None) -> dict[str, tuple[str | None, str | None]]:
    """document_id → (source_path, title), from the first row of each document."""
    if documents is None or documents.empty:
        return {}
    titles = documents["title"] if "title" in documents else [None] * len(documents)
    names: dict[str, tuple[str | None, str | None]] = {}
    for document_id, source_path, title in zip(documents["document_id"], documents["source_path"], titles):
        names.setdefault(document_id, (_text_or_none(source_path), _text_or_none(title)))
    return names


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _alert(outcome: CheckOutcome, document_id: str | None, observed: str,
           source_path: str | None, title: str | None) -> Alert:
    return Alert(
        check=outcome.name, severity=outcome.severity, suite=outcome.suite,
        description=outcome.description, observed=observed, document_id=document_id,
        source_path=source_path, title=title,
        query=f'govreport query "{look_query(outcome.name, document_id)}"',
    )


# --- rendering --------------------------------------------------------------------------

def headline(alerts: Sequence[Alert]) -> str:
    errors = sum(alert.severity == "ERROR" for alert in alerts)
    return (f"govreport data quality: {len(alerts)} new failure(s) "
            f"({errors} ERROR, {len(alerts) - errors} WARN)")


def alert_lines(alert: Alert, bold: Callable[[str], str], code: Callable[[str], str]) -> list[str]:
    """The lines that describe one alert, with the chat service's bold and code marks."""
    return [
        bold(f"[{alert.severity}] {alert.check}") + f" — {alert.report}",
        f"{alert.description}",
        f"observed: {alert.observed}",
        f"look: {code(alert.query)}",
    ]


def render_text(alerts: Sequence[Alert], bold: Callable[[str], str] = str,
                code: Callable[[str], str] = str, with_headline: bool = True) -> str:
    blocks = ["\n".join(alert_lines(alert, bold, code)) for alert in alerts]
    return "\n\n".join([bold(headline(alerts))] * with_headline + blocks)


def _fitting(alerts: Sequence[Alert], render: Callable[[Sequence[Alert]], str], max_bytes: int) -> str:
    """Render as many alerts as fit in max_bytes, then say how many more there are."""
    for shown in range(min(len(alerts), MAX_ALERTS_PER_MESSAGE), 0, -1):
        text = render(alerts[:shown])
        if shown < len(alerts):
            text += f"\n\n… and {len(alerts) - shown} more: run `govreport checks`"
        if len(text.encode("utf-8")) <= max_bytes:
            return text
    return render(alerts[:1]).encode("utf-8")[:max_bytes].decode("utf-8", errors="ignore")


def _markdown(alerts: Sequence[Alert]) -> str:
    return render_text(alerts, bold=lambda s: f"**{s}**", code=lambda s: f"`{s}`")


def _slack_text(alerts: Sequence[Alert]) -> str:
    return render_text(alerts, bold=lambda s: f"*{s}*", code=lambda s: f"`{s}`")


def webhook_payload(alerts: Sequence[Alert], fmt: str) -> dict:
    """The JSON body each service's incoming webhook (custom robot) expects."""
    if fmt == "generic":
        return {"headline": headline(alerts), "alerts": [alert.to_dict() for alert in alerts]}
    limit = MAX_MESSAGE_BYTES[fmt]
    if fmt == "wecom":
        return {"msgtype": "markdown", "markdown": {"content": _fitting(alerts, _markdown, limit)}}
    if fmt == "dingtalk":
        return {"msgtype": "markdown",
                "markdown": {"title": headline(alerts), "text": _fitting(alerts, _markdown, limit)}}
    if fmt == "slack":
        return {"text": _fitting(alerts, _slack_text, limit)}
    lines = _fitting(alerts, lambda shown: render_text(shown, with_headline=False), limit)
    paragraphs = [[{"tag": "text", "text": line}] for line in lines.splitlines()]
    return {"msg_type": "post",
            "content": {"post": {"zh_cn": {"title": headline(alerts), "content": paragraphs}}}}


# --- sinks ------------------------------------------------------------------------------

def _sinks(settings: AlertSettings) -> list[tuple[str, Callable[[Sequence[Alert], AlertSettings], None]]]:
    sinks = [("jsonl", send_jsonl)]
    if settings.webhook_url:
        sinks.append((f"webhook ({settings.webhook_format})", send_webhook))
    if settings.smtp_url and settings.email_to:
        sinks.append(("email", send_email))
    return sinks


def _with_retries(name: str, send: Callable, alerts: Sequence[Alert], settings: AlertSettings) -> bool:
    """Try `send` up to settings.attempts times, doubling the wait; log, never raise."""
    for attempt in range(1, settings.attempts + 1):
        try:
            send(alerts, settings)
            return True
        except Exception as error:  # a sink failure must never fail the ingestion
            failure = error
            if attempt < settings.attempts:
                delay = settings.retry_delay_s * 2 ** (attempt - 1)
                log.warning("alert sink %s failed (attempt %d/%d), retrying in %.1f s: %s",
                            name, attempt, settings.attempts, delay, error)
                time.sleep(delay)
    log.error("alert sink %s failed %d time(s), %d alert(s) not delivered there: %s",
              name, settings.attempts, len(alerts), failure)
    return False


def send_jsonl(alerts: Sequence[Alert], settings: AlertSettings) -> None:
    """Append one JSON line per alert, with the time it was sent."""
    settings.jsonl_path.parent.mkdir(parents=True, exist_ok=True)
    sent_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    lines = "".join(
        json.dumps({**alert.to_dict(), "sent_at": sent_at}, ensure_ascii=False) + "\n" for alert in alerts
    )
    with settings.jsonl_path.open("a", encoding="utf-8") as file:
        file.write(lines)


def send_webhook(alerts: Sequence[Alert], settings: AlertSettings) -> None:
    """POST the payload; a non-2xx status or a robot's non-zero error code raises."""
    payload = webhook_payload(alerts, settings.webhook_format)
    url = settings.webhook_url
    if settings.webhook_secret and settings.webhook_format == "dingtalk":
        url = dingtalk_signed_url(url, settings.webhook_secret, int(time.time() * 1000))
    if settings.webhook_secret and settings.webhook_format == "feishu":
        payload.update(feishu_signature(settings.webhook_secret, int(time.time())))
    request = urllib.request.Request(
        url, data=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
        headers={"Content-Type": "application/json; charset=utf-8"}, method="POST",
    )
    with urllib.request.urlopen(request, timeout=settings.timeout_s) as response:
        _raise_for_robot_error(response.read())


def dingtalk_signed_url(url: str, secret: str, timestamp_ms: int) -> str:
    """The URL with DingTalk's timestamp and sign: base64(HMAC-SHA256(secret, "ts\\nsecret"))."""
    digest = hmac.new(secret.encode("utf-8"), f"{timestamp_ms}\n{secret}".encode("utf-8"),
                      hashlib.sha256).digest()
    query = urllib.parse.urlencode({"timestamp": timestamp_ms, "sign": base64.b64encode(digest).decode()})
    return f"{url}{'&' if '?' in url else '?'}{query}"


def feishu_signature(secret: str, timestamp_s: int) -> dict:
    """Feishu's body fields: sign = base64(HMAC-SHA256(key="ts\\nsecret", message=""))."""
    digest = hmac.new(f"{timestamp_s}\n{secret}".encode("utf-8"), b"", hashlib.sha256).digest()
    return {"timestamp": str(timestamp_s), "sign": base64.b64encode(digest).decode()}


def _raise_for_robot_error(body: bytes) -> None:
    """WeCom and DingTalk answer errcode, Feishu code: non-zero is a refusal despite HTTP 200."""
    try:
        answer = json.loads(body or b"null")
    except ValueError:
        return
    if isinstance(answer, dict) and (answer.get("errcode") or answer.get("code")):
        raise RuntimeError(f"webhook refused the message: {answer}")


def send_email(alerts: Sequence[Alert], settings: AlertSettings) -> None:
    """One plain-text email over SMTP: smtp://[user:password@]host[:port] (STARTTLS when
    the server offers it), or smtps:// for TLS from the start."""
    url = urllib.parse.urlsplit(settings.smtp_url)
    message = EmailMessage()
    message["Subject"] = headline(alerts)
    message["From"] = settings.email_from
    message["To"] = ", ".join(settings.email_to)
    message.set_content(render_text(alerts))
    secure = url.scheme == "smtps"
    smtp_class = smtplib.SMTP_SSL if secure else smtplib.SMTP
    port = url.port or (465 if secure else 25)
    with smtp_class(url.hostname, port, timeout=settings.timeout_s) as server:
        server.ehlo()
        if not secure and server.has_extn("starttls"):
            server.starttls()
            server.ehlo()
        if url.username:
            server.login(urllib.parse.unquote(url.username), urllib.parse.unquote(url.password or ""))
        server.send_message(message)
