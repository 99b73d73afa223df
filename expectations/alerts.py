"""Alerts for failed checks, delivered to a JSONL file, a webhook and email (stdlib only).

One delivery path for both callers: the Dagster sensor under the daemon and `govreport
ingest` after an in-process run. Each sink gets one message per run: the counts per check,
then the worst failures (ERROR before WARN, one of each check before a second of any), then
the link (GOVREPORT_WEB_URL) or the command that lists them all. The JSONL file gets one line
per alert.

A small SQLite ledger keeps one row per alert and sink. `deliver_once` records the new
alerts, then leases every row still pending (new ones and those a sink failed to take
before) in one transaction, so two processes never send the same alert; a row becomes sent
when its sink took the message. An alert a sink could not take stays pending and goes out
with the next delivery, whichever process makes it, for RETRY_FOR; a process that dies
while sending leaves a lease that expires after LEASE, and the alert is sent then (it may
then arrive twice, never not at all). A sink that is down is retried with backoff within a
delivery and logged; delivery never raises.
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
import uuid
from collections import Counter
from contextlib import closing
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Sequence

from expectations.checks import CHECKS, ERROR, CheckOutcome, look_query
from expectations.results import batch_observed

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

WEBHOOK_FORMATS = ("generic", "wecom", "dingtalk", "feishu", "slack")
# Largest message body each chat service accepts (bytes of the text part).
MAX_MESSAGE_BYTES = {"wecom": 4096, "dingtalk": 20000, "feishu": 20000, "slack": 40000}
MAX_EXAMPLES = 20
DEFAULT_EMAIL_FROM = "govreport@localhost"
LEASE = timedelta(minutes=10)  # longer than a delivery's retries of every sink take
RETRY_FOR = timedelta(days=7)  # an alert no sink attempt took in a week is given up (logged)
CHECK_ORDER = {name: position for position, name in enumerate(CHECKS)}


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
    web_url: str | None = None

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
            web_url=(env.get("GOVREPORT_WEB_URL") or "").rstrip("/") or None,
        )




@dataclass(frozen=True)
class Delivery:
    """What one deliver_once call did: the alerts it sent (to at least one sink), how many of
    those given were recorded before, the earlier alerts it sent again, the failing sinks."""

    sent: tuple[Alert, ...]
    already_sent: int
    failed_sinks: tuple[str, ...] = ()
    retried: int = 0


@dataclass(frozen=True)
class Message:
    """What one sink is sent for one run: the run's alerts and where to see all of them."""

    run_id: str | None
    alerts: tuple[Alert, ...]
    web_url: str | None = None

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        """(check, severity, failures) of each failed check, ERROR first, then table order."""
        counted = Counter((a.check, a.severity) for a in self.alerts)
        return sorted(((check, severity, n) for (check, severity), n in counted.items()),
                      key=lambda c: (c[1] != ERROR, CHECK_ORDER.get(c[0], len(CHECK_ORDER)), c[0]))

    @property
    def worst_first(self) -> list[Alert]:
        """The alerts in the order to show them: a round of one per check (ERROR checks first),
        then a second round, …, so the first few examples cover the worst and the most kinds."""
        by_check: dict[str, list[Alert]] = {}
        for alert in self.alerts:
            by_check.setdefault(alert.check, []).append(alert)
        queues = [by_check[check] for check, _, _ in self.counts]
        return [queue[rank] for rank in range(max(map(len, queues), default=0))
                for queue in queues if rank < len(queue)]

    @property
    def all_of_them(self) -> str:
        """The web page, else the command, that lists every failure of the run."""
        if self.web_url:
            return f"{self.web_url}/quality" + (f"?run={urllib.parse.quote(self.run_id)}" if self.run_id else "")
        if self.run_id is None:
            return "govreport checks"
        return ('govreport query "SELECT check_name, severity, document_id, observed_value FROM dq_results '
                f"WHERE run_id = '{self.run_id}' AND NOT passed ORDER BY severity, check_name\"")


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




def deliver_once(alerts: Iterable[Alert], settings: AlertSettings | None = None,
                 run_id: str | None = None) -> Delivery:
    """Record the alerts of run `run_id` and send every alert still pending to each sink
    (one message per run and sink); never raises. Call it also with no alerts: it sends what
    an earlier delivery could not."""
    settings = settings or AlertSettings.from_env()
    alerts = list(alerts)
    sinks = _sinks(settings)
    token = uuid.uuid4().hex
    try:
        recorded_before, leased = _record_and_lease(settings.state_path, alerts, run_id, [n for n, _ in sinks], token)
    except (sqlite3.Error, OSError) as error:
        log.error("alert ledger %s unusable, %d alert(s) not sent: %s", settings.state_path, len(alerts), error)
        return Delivery((), 0, ("ledger",))
    failed, sent = [], {}
    outcomes: list[tuple[str, str, str, str | None]] = []  # (fingerprint, sink, status, error)
    for name, send in sinks:
        rows = [row for row in leased if row[1] == name]
        by_run: dict[str | None, list[Alert]] = {}
        for _, _, row_run, alert in rows:
            by_run.setdefault(row_run, []).append(alert)
        for row_run, run_alerts in by_run.items():
            error = _with_retries(name, send, Message(row_run, tuple(run_alerts), settings.web_url), settings)
            if error is None:
                sent.update({a.fingerprint: a for a in run_alerts})
            elif name not in failed:
                failed.append(name)
            outcomes += [(a.fingerprint, name, "pending" if error else "sent", error) for a in run_alerts]
    try:
        _settle(settings.state_path, outcomes, token)
    except (sqlite3.Error, OSError) as error:
        log.error("alert ledger %s: could not record what was sent: %s", settings.state_path, error)
    given = {a.fingerprint for a in alerts}
    return Delivery(tuple(sent.values()), recorded_before, tuple(failed),
                    retried=sum(f not in given for f in sent))


def _ledger(state_path: Path) -> sqlite3.Connection:
    state_path.parent.mkdir(parents=True, exist_ok=True)
    ledger = sqlite3.connect(state_path, timeout=30, isolation_level=None)
    ledger.execute(
        "CREATE TABLE IF NOT EXISTS alert_deliveries (fingerprint TEXT NOT NULL, sink TEXT NOT NULL,"
        " run_id TEXT, alert TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL,"
        " last_error TEXT, lease TEXT, lease_until TEXT, recorded_at TEXT NOT NULL, sent_at TEXT,"
        " PRIMARY KEY (fingerprint, sink))")
    return ledger


def _record_and_lease(state_path: Path, alerts: Sequence[Alert], run_id: str | None, sinks: Sequence[str],
                      token: str) -> tuple[int, list[tuple[str, str, str | None, Alert]]]:
    """In one transaction: record each alert for each sink (once ever: an alert already
    recorded is the same failure seen again), give up rows pending longer than RETRY_FOR,
    and lease every pending row of these sinks that no live delivery holds.

    Returns how many of `alerts` were recorded before, and the leased rows as (fingerprint,
    sink, run_id, alert), oldest first."""
    now = datetime.now(timezone.utc)
    with closing(_ledger(state_path)) as ledger:
        ledger.execute("BEGIN IMMEDIATE")
        recorded_before = 0
        for alert in alerts:
            new = [ledger.execute(
                "INSERT OR IGNORE INTO alert_deliveries (fingerprint, sink, run_id, alert, status, attempts,"
                " recorded_at) VALUES (?, ?, ?, ?, 'pending', 0, ?)",
                (alert.fingerprint, sink, run_id, json.dumps(alert.to_dict(), ensure_ascii=False), now.isoformat()),
            ).rowcount for sink in sinks]
            recorded_before += not any(new)
        abandoned = ledger.execute(
            "UPDATE alert_deliveries SET status = 'abandoned' WHERE status = 'pending' AND recorded_at < ?",
            ((now - RETRY_FOR).isoformat(),)).rowcount
        if abandoned:
            log.error("%d alert delivery(ies) pending for over %s given up (see %s)", abandoned, RETRY_FOR, state_path)
        marks = ",".join("?" * len(sinks))
        ledger.execute(
            f"UPDATE alert_deliveries SET lease = ?, lease_until = ? WHERE status = 'pending' AND sink IN ({marks})"
            " AND (lease_until IS NULL OR lease_until < ?)",
            (token, (now + LEASE).isoformat(), *sinks, now.isoformat()))
        leased = ledger.execute(
            "SELECT fingerprint, sink, run_id, alert FROM alert_deliveries WHERE lease = ? ORDER BY recorded_at, rowid",
            (token,)).fetchall()
        ledger.execute("COMMIT")
    return recorded_before, [(f, s, r, Alert.from_dict(json.loads(a))) for f, s, r, a in leased]


def _settle(state_path: Path, outcomes: Sequence[tuple[str, str, str, str | None]], token: str) -> None:
    """Mark what each sink took as sent and release the rest for the next delivery."""
    now = datetime.now(timezone.utc).isoformat()
    with closing(_ledger(state_path)) as ledger:
        ledger.execute("BEGIN IMMEDIATE")
        ledger.executemany(
            "UPDATE alert_deliveries SET status = ?, last_error = ?, attempts = attempts + 1, lease = NULL,"
            " lease_until = NULL, sent_at = CASE WHEN ? = 'sent' THEN ? END"
            " WHERE fingerprint = ? AND sink = ? AND lease = ?",
            [(status, error, status, now, fingerprint, sink, token) for fingerprint, sink, status, error in outcomes])
        ledger.execute("COMMIT")


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

def headline(message: Message) -> str:
    errors = sum(alert.severity == ERROR for alert in message.alerts)
    run = f" in run {message.run_id[:8]}" if message.run_id else ""
    return (f"govreport data quality: {len(message.alerts)} new failure(s){run} "
            f"({errors} ERROR, {len(message.alerts) - errors} WARN)")


def count_lines(message: Message) -> list[str]:
    """One line per failed check: how many failures it has."""
    return [f"- {check} [{severity}]: {n} failure(s)" for check, severity, n in message.counts]


def alert_lines(alert: Alert, bold: Callable[[str], str], code: Callable[[str], str]) -> list[str]:
    """The lines that describe one alert, with the chat service's bold and code marks."""
    return [
        bold(f"[{alert.severity}] {alert.check}") + f" — {alert.report}",
        f"{alert.description}",
        f"observed: {alert.observed}",
        f"look: {code(alert.query)}",
    ]


def render_text(message: Message, bold: Callable[[str], str] = str, code: Callable[[str], str] = str,
                with_headline: bool = True, examples: int = MAX_EXAMPLES) -> str:
    """Headline, counts per check, the worst `examples` alerts, and where to see them all."""
    shown = message.worst_first[:examples]
    blocks = ["\n".join(count_lines(message))]
    blocks += ["\n".join(alert_lines(alert, bold, code)) for alert in shown]
    rest = len(message.alerts) - len(shown)
    blocks.append((f"… and {rest} more. " if rest else "") + f"All of them: {code(message.all_of_them)}")
    return "\n\n".join([bold(headline(message))] * with_headline + blocks)


def _fitting(message: Message, render: Callable[[int], str], max_bytes: int) -> str:
    """The message with as many examples as fit in max_bytes."""
    for examples in range(min(len(message.alerts), MAX_EXAMPLES), -1, -1):
        text = render(examples)
        if len(text.encode("utf-8")) <= max_bytes:
            return text
    return render(0).encode("utf-8")[:max_bytes].decode("utf-8", errors="ignore")


def _markdown(message: Message, examples: int) -> str:
    return render_text(message, bold=lambda s: f"**{s}**", code=lambda s: f"`{s}`", examples=examples)


def _slack_text(message: Message, examples: int) -> str:
    return render_text(message, bold=lambda s: f"*{s}*", code=lambda s: f"`{s}`", examples=examples)


def webhook_payload(message: Message, fmt: str) -> dict:
    """The JSON body each service's incoming webhook (custom robot) expects."""
    if fmt == "generic":
        return {"headline": headline(message), "run_id": message.run_id,
                "counts": [{"check": c, "severity": s, "failures": n} for c, s, n in message.counts],
                "alerts": [alert.to_dict() for alert in message.worst_first], "all": message.all_of_them}
    limit = MAX_MESSAGE_BYTES[fmt]
    if fmt == "wecom":
        return {"msgtype": "markdown",
                "markdown": {"content": _fitting(message, lambda n: _markdown(message, n), limit)}}
    if fmt == "dingtalk":
        return {"msgtype": "markdown", "markdown": {
            "title": headline(message), "text": _fitting(message, lambda n: _markdown(message, n), limit)}}
    if fmt == "slack":
        return {"text": _fitting(message, lambda n: _slack_text(message, n), limit)}
    lines = _fitting(message, lambda n: render_text(message, with_headline=False, examples=n), limit)
    paragraphs = [[{"tag": "text", "text": line}] for line in lines.splitlines()]
    return {"msg_type": "post",
            "content": {"post": {"zh_cn": {"title": headline(message), "content": paragraphs}}}}


# --- sinks ------------------------------------------------------------------------------

def _sinks(settings: AlertSettings) -> list[tuple[str, Callable[[Message, AlertSettings], None]]]:
    sinks = [("jsonl", send_jsonl)]
    if settings.webhook_url:
        sinks.append((f"webhook ({settings.webhook_format})", send_webhook))
    if settings.smtp_url and settings.email_to:
        sinks.append(("email", send_email))
    return sinks


def _with_retries(name: str, send: Callable, message: Message, settings: AlertSettings) -> str | None:
    """Try `send` up to settings.attempts times, doubling the wait; log, never raise.
    Returns None when the sink took the message, else the last error."""
    for attempt in range(1, settings.attempts + 1):
        try:
            send(message, settings)
            return None
        except Exception as error:  # a sink failure must never fail the ingestion
            failure = error
            if attempt < settings.attempts:
                delay = settings.retry_delay_s * 2 ** (attempt - 1)
                log.warning("alert sink %s failed (attempt %d/%d), retrying in %.1f s: %s",
                            name, attempt, settings.attempts, delay, error)
                time.sleep(delay)
    log.error("alert sink %s failed %d time(s), %d alert(s) kept for the next delivery: %s",
              name, settings.attempts, len(message.alerts), failure)
    return f"{type(failure).__name__}: {failure}"


def send_jsonl(message: Message, settings: AlertSettings) -> None:
    """Append one JSON line per alert, with its run and the time it was sent."""
    settings.jsonl_path.parent.mkdir(parents=True, exist_ok=True)
    sent_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    lines = "".join(
        json.dumps({**alert.to_dict(), "run_id": message.run_id, "sent_at": sent_at}, ensure_ascii=False) + "\n"
        for alert in message.alerts
    )
    with settings.jsonl_path.open("a", encoding="utf-8") as file:
        file.write(lines)


def send_webhook(message: Message, settings: AlertSettings) -> None:
    """POST the payload; a non-2xx status or a robot's non-zero error code raises."""
    payload = webhook_payload(message, settings.webhook_format)
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


def send_email(message: Message, settings: AlertSettings) -> None:
    """One plain-text email over SMTP: smtp://[user:password@]host[:port] (STARTTLS when
    the server offers it), or smtps:// for TLS from the start."""
    url = urllib.parse.urlsplit(settings.smtp_url)
    email = EmailMessage()
    email["Subject"] = headline(message)
    email["From"] = settings.email_from
    email["To"] = ", ".join(settings.email_to)
    email.set_content(render_text(message))
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
        server.send_message(email)
