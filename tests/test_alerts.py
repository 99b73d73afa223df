"""Tests for expectations.alerts: payloads per webhook format on a loopback HTTP server,
email on a loopback SMTP server, retries of a sink that is down, and delivery at most once
(across evaluations and across processes)."""

import base64
import hashlib
import hmac
import json
import logging
import socket
import socketserver
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import date
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from expectations.alerts import Alert, AlertSettings, alerts_from_outcomes, deliver_once

ROOT = Path(__file__).resolve().parents[1]
DOC = "d" * 64
ALERT = Alert(
    check="percentage_in_range", severity="WARN", suite="metrics",
    description="Percentages that are shares (not growth or decline rates) lie between 0 and 100.",
    observed="1 of 52 rows; e.g. value=120 (120% 养老服务覆盖率)", document_id=DOC,
    source_path="inbox/anji-2025.txt", title="安吉县民政局2025年工作总结",
    query=f"govreport query \"SELECT metric_id, subject, value, unit, raw FROM metrics WHERE document_id = '{DOC}'\"",
)
OTHER_ALERT = replace(ALERT, check="report_year_in_range", severity="ERROR",
                      observed="report_year=1999 (inbox/old.txt)")


# --- loopback servers -------------------------------------------------------------------

class Hook(BaseHTTPRequestHandler):
    """Records each POST; answers as the robot of the format in the path would."""

    def do_POST(self):  # noqa: N802 (http.server API)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        url = urlsplit(self.path)
        self.server.received.append({"path": url.path, "query": parse_qs(url.query),
                                     "json": json.loads(body)})
        status, answer = self.server.answers.get(url.path, (200, b'{"errcode": 0, "errmsg": "ok"}'))
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


@pytest.fixture
def hook():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    server.received, server.answers = [], {}
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield server
    server.shutdown()
    server.server_close()


class SMTPResponder(socketserver.StreamRequestHandler):
    """Just enough SMTP (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, QUIT) to receive one message."""

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode("ascii") + b"\r\n")

    def handle(self):
        self.reply("220 127.0.0.1 test SMTP")
        envelope = {"rcpt": []}
        while line := self.rfile.readline():
            command = line.decode("utf-8").rstrip("\r\n")
            verb = command.split(" ", 1)[0].upper()
            if verb == "EHLO":
                self.wfile.write(b"250-127.0.0.1\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 AUTH PLAIN\r\n")
            elif verb == "AUTH":
                envelope["auth"] = base64.b64decode(command.split()[-1]).split(b"\0")[1:]
                self.reply("235 2.7.0 accepted")
            elif verb == "MAIL":
                envelope["from"] = command
                self.reply("250 OK")
            elif verb == "RCPT":
                envelope["rcpt"].append(command)
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 end with .")
                envelope["message"] = self.read_data()
                self.server.messages.append(envelope)
                self.reply("250 OK queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 OK")

    def read_data(self) -> bytes:
        lines = []
        while (line := self.rfile.readline()) not in (b".\r\n", b""):
            lines.append(line[1:] if line.startswith(b"..") else line)
        return b"".join(lines)


@pytest.fixture
def smtp():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), SMTPResponder)
    server.daemon_threads = True
    server.messages = []
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def settings(tmp_path) -> AlertSettings:
    """Only the JSONL sink, a fresh ledger, and retries fast enough for tests."""
    return AlertSettings(jsonl_path=tmp_path / "alerts.jsonl", state_path=tmp_path / "sent.sqlite",
                         attempts=3, retry_delay_s=0.01, timeout_s=5)


def jsonl(settings: AlertSettings) -> list[dict]:
    text = settings.jsonl_path.read_text(encoding="utf-8") if settings.jsonl_path.exists() else ""
    return [json.loads(line) for line in text.splitlines()]


def names_the_failure(text: str) -> None:
    """The message names the report, the check, the observed value and how to look."""
    for part in (ALERT.title, ALERT.source_path, ALERT.check, ALERT.observed, "govreport query", DOC):
        assert part in text, part


# --- webhook formats --------------------------------------------------------------------

def test_generic_webhook_posts_the_alerts_as_json(hook, settings):
    delivery = deliver_once([ALERT], replace(settings, webhook_url=hook.url + "/generic"))
    assert delivery.failed_sinks == ()
    (request,) = hook.received
    assert request["json"]["alerts"] == [ALERT.to_dict()]
    assert "1 new failure" in request["json"]["headline"]


def test_wecom_webhook_posts_markdown(hook, settings):
    deliver_once([ALERT], replace(settings, webhook_url=hook.url + "/cgi-bin/webhook/send?key=k",
                                  webhook_format="wecom"))
    (request,) = hook.received
    assert request["query"] == {"key": ["k"]}
    assert request["json"]["msgtype"] == "markdown"
    names_the_failure(request["json"]["markdown"]["content"])


def test_dingtalk_webhook_is_signed_with_the_secret(hook, settings):
    secret = "SEC0123456789abcdef"
    deliver_once([ALERT], replace(settings, webhook_url=hook.url + "/robot/send?access_token=t",
                                  webhook_format="dingtalk", webhook_secret=secret))
    (request,) = hook.received
    timestamp, sign = request["query"]["timestamp"][0], request["query"]["sign"][0]
    expected = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    assert base64.b64decode(sign) == expected
    assert request["query"]["access_token"] == ["t"]
    body = request["json"]
    assert body["msgtype"] == "markdown" and "1 new failure" in body["markdown"]["title"]
    names_the_failure(body["markdown"]["text"])


def test_feishu_webhook_posts_a_rich_text_post(hook, settings):
    hook.answers["/open-apis/bot/v2/hook/x"] = (200, b'{"code": 0, "msg": "success"}')
    secret = "feishu-secret"
    deliver_once([ALERT], replace(settings, webhook_url=hook.url + "/open-apis/bot/v2/hook/x",
                                  webhook_format="feishu", webhook_secret=secret))
    (request,) = hook.received
    body = request["json"]
    assert body["msg_type"] == "post"
    post = body["content"]["post"]["zh_cn"]
    assert "1 new failure" in post["title"]
    names_the_failure("\n".join(part["text"] for paragraph in post["content"] for part in paragraph))
    key = f"{body['timestamp']}\n{secret}".encode()
    assert base64.b64decode(body["sign"]) == hmac.new(key, b"", hashlib.sha256).digest()


def test_slack_webhook_posts_text(hook, settings):
    hook.answers["/services/T/B/X"] = (200, b"ok")
    deliver_once([ALERT], replace(settings, webhook_url=hook.url + "/services/T/B/X",
                                  webhook_format="slack"))
    (request,) = hook.received
    assert list(request["json"]) == ["text"]
    names_the_failure(request["json"]["text"])


def test_wecom_message_stays_under_its_size_limit(hook, settings):
    many = [replace(ALERT, document_id=f"{n:064x}") for n in range(40)]
    deliver_once(many, replace(settings, webhook_url=hook.url + "/wecom", webhook_format="wecom"))
    content = hook.received[0]["json"]["markdown"]["content"]
    assert len(content.encode("utf-8")) <= 4096
    assert "- percentage_in_range [WARN]: 40 failure(s)" in content
    assert content.endswith("more. All of them: `govreport checks`")


# --- one message per run and sink: counts, worst examples, where to see them all ---------

def test_a_run_is_one_message_counts_then_worst_then_the_link(hook, settings):
    warns = [replace(ALERT, document_id=f"{n:064x}") for n in range(3)]
    errors = [replace(OTHER_ALERT, document_id=f"{n:064x}") for n in range(10, 12)]
    deliver_once([*warns, *errors], replace(settings, webhook_url=hook.url + "/w", webhook_format="wecom",
                                            web_url="http://dq.example.gov.cn:8080"), run_id="run-42")
    (request,) = hook.received
    text = request["json"]["markdown"]["content"]
    head, counts, *examples, link = text.split("\n\n")
    assert head == "**govreport data quality: 5 new failure(s) in run run-42 (2 ERROR, 3 WARN)**"
    assert counts.splitlines() == ["- report_year_in_range [ERROR]: 2 failure(s)",
                                   "- percentage_in_range [WARN]: 3 failure(s)"]
    shown = [block.split("**")[1] for block in examples]  # one of each check first, ERROR first
    assert shown == ["[ERROR] report_year_in_range", "[WARN] percentage_in_range", "[ERROR] report_year_in_range",
                     "[WARN] percentage_in_range", "[WARN] percentage_in_range"]
    assert link == "All of them: `http://dq.example.gov.cn:8080/quality?run=run-42`"
    assert [line["run_id"] for line in jsonl(settings)] == ["run-42"] * 5


def test_without_a_web_address_the_link_is_a_command(hook, settings):
    deliver_once([ALERT], replace(settings, webhook_url=hook.url + "/g"), run_id="run-7")
    body = hook.received[0]["json"]
    assert body["run_id"] == "run-7" and body["counts"] == [
        {"check": "percentage_in_range", "severity": "WARN", "failures": 1}]
    assert body["all"] == ('govreport query "SELECT check_name, severity, document_id, observed_value FROM '
                           "dq_results WHERE run_id = 'run-7' AND NOT passed ORDER BY severity, check_name\"")


# --- an alert a sink could not take goes out with the next delivery -----------------------

def test_an_undelivered_alert_is_sent_with_the_next_delivery(hook, settings):
    hook.answers["/later"] = (503, b"busy")
    with_hook = replace(settings, webhook_url=hook.url + "/later", attempts=2)
    first = deliver_once([ALERT], with_hook, run_id="run-1")
    assert first.failed_sinks == ("webhook (generic)",) and len(hook.received) == 2
    assert len(jsonl(settings)) == 1  # the file took it: it is not written again

    hook.answers["/later"] = (200, b"{}")
    second = deliver_once([OTHER_ALERT], with_hook, run_id="run-2")
    assert second.failed_sinks == () and second.retried == 1
    messages = [r["json"] for r in hook.received[2:]]
    assert [(m["run_id"], [a["check"] for a in m["alerts"]]) for m in messages] == [
        ("run-1", [ALERT.check]), ("run-2", [OTHER_ALERT.check])]  # one message per run
    assert [line["check"] for line in jsonl(settings)] == [ALERT.check, OTHER_ALERT.check]

    third = deliver_once([], with_hook)
    assert third.sent == () and len(hook.received) == 4  # nothing left pending


def test_a_delivery_with_no_new_alerts_sends_the_pending_ones(hook, settings):
    with_down = replace(settings, webhook_url=f"http://127.0.0.1:{closed_port()}/hook", attempts=1)
    deliver_once([ALERT], with_down, run_id="run-1")
    later = deliver_once([], replace(settings, webhook_url=hook.url + "/g"))
    (request,) = hook.received  # the webhook sink's pending alert; the file had it already
    assert request["json"]["alerts"] == [ALERT.to_dict()] and later.retried == 1


def test_an_alert_pending_too_long_is_given_up_and_logged(settings, caplog, monkeypatch):
    from datetime import timedelta

    import expectations.alerts as alerts

    down = replace(settings, webhook_url=f"http://127.0.0.1:{closed_port()}/hook", attempts=1)
    deliver_once([ALERT], down)
    monkeypatch.setattr(alerts, "RETRY_FOR", timedelta(0))
    with caplog.at_level(logging.ERROR, logger="expectations.alerts"):
        assert deliver_once([], down).sent == ()
    assert any("given up" in r.getMessage() for r in caplog.records)


# --- email ------------------------------------------------------------------------------

def test_email_goes_over_smtp(smtp, settings):
    port = smtp.server_address[1]
    delivery = deliver_once([ALERT, OTHER_ALERT], replace(
        settings, smtp_url=f"smtp://alerts:p%40ss@127.0.0.1:{port}",
        email_to=("ops@example.org", "dq@example.org"), email_from="govreport@example.org"))
    assert delivery.failed_sinks == ()
    (envelope,) = smtp.messages
    assert envelope["auth"] == [b"alerts", b"p@ss"]
    assert len(envelope["rcpt"]) == 2
    message = message_from_bytes(envelope["message"], policy=policy.default)
    assert message["From"] == "govreport@example.org"
    assert "2 new failure(s) (1 ERROR, 1 WARN)" in message["Subject"]
    body = message.get_content()
    names_the_failure(body)
    assert OTHER_ALERT.check in body


# --- sinks that are down ----------------------------------------------------------------

def test_a_sink_that_is_down_is_retried_logged_and_does_not_raise(settings, caplog):
    down = replace(settings, webhook_url=f"http://127.0.0.1:{closed_port()}/hook",
                   smtp_url=f"smtp://127.0.0.1:{closed_port()}", email_to=("ops@example.org",))
    with caplog.at_level(logging.WARNING, logger="expectations.alerts"):
        delivery = deliver_once([ALERT], down)
    assert delivery.failed_sinks == ("webhook (generic)", "email")
    retries = [r for r in caplog.records if r.levelno == logging.WARNING]
    gave_up = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(retries) == 4 and len(gave_up) == 2  # 3 attempts per sink
    assert [a["check"] for a in jsonl(settings)] == [ALERT.check]  # the file sink still got it


def test_a_server_error_is_retried_until_it_gives_up(hook, settings):
    hook.answers["/flaky"] = (503, b"busy")
    delivery = deliver_once([ALERT], replace(settings, webhook_url=hook.url + "/flaky"))
    assert len(hook.received) == 3
    assert delivery.failed_sinks == ("webhook (generic)",)


def test_a_robot_refusal_counts_as_a_failure(hook, settings):
    hook.answers["/robot"] = (200, b'{"errcode": 310000, "errmsg": "sign not match"}')
    delivery = deliver_once([ALERT], replace(settings, webhook_url=hook.url + "/robot",
                                             webhook_format="dingtalk"))
    assert delivery.failed_sinks == ("webhook (dingtalk)",)


# --- at most once -----------------------------------------------------------------------

def test_a_second_evaluation_of_the_same_failure_sends_nothing(hook, settings):
    with_hook = replace(settings, webhook_url=hook.url + "/generic")
    first = deliver_once([ALERT, OTHER_ALERT], with_hook)
    again = deliver_once([replace(ALERT), replace(OTHER_ALERT)], with_hook)
    assert len(first.sent) == 2
    assert again.sent == () and again.already_sent == 2
    assert len(hook.received) == 1
    assert len(jsonl(settings)) == 2


def test_a_changed_observation_is_a_new_failure(settings):
    deliver_once([ALERT], settings)
    worse = replace(ALERT, observed="2 of 52 rows; e.g. value=130 (130% 养老服务覆盖率)")
    assert deliver_once([ALERT, worse], settings).sent == (worse,)


DELIVER_IN_A_PROCESS = """
import json, sys
from pathlib import Path
from expectations.alerts import Alert, AlertSettings, deliver_once
alerts = [Alert.from_dict(a) for a in json.loads(sys.argv[1])]
settings = AlertSettings(jsonl_path=Path(sys.argv[2]), state_path=Path(sys.argv[3]),
                         webhook_url=sys.argv[4], retry_delay_s=0.01)
sys.stdin.readline()  # start together
print(len(deliver_once(alerts, settings).sent))
"""


def test_two_processes_never_both_send(hook, settings):
    alerts = [replace(ALERT, document_id=f"{n:064x}") for n in range(30)]
    argv = [sys.executable, "-c", DELIVER_IN_A_PROCESS, json.dumps([a.to_dict() for a in alerts]),
            str(settings.jsonl_path), str(settings.state_path), hook.url + "/generic"]
    processes = [subprocess.Popen(argv, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                 for _ in range(2)]
    for process in processes:
        process.stdin.write("go\n")
        process.stdin.flush()
    sent = [int(process.communicate(timeout=60)[0]) for process in processes]
    assert sum(sent) == 30
    assert sorted(a["document_id"] for a in jsonl(settings)) == sorted(a.document_id for a in alerts)
    assert sum(len(r["json"]["alerts"]) for r in hook.received) == 30


# --- alerts from outcomes and settings from the environment -----------------------------

def test_alerts_from_outcomes_name_report_check_observation_and_query():
    import pandas as pd

    from expectations import validate_documents
    from tests.test_documents_suite import document, documents

    docs = documents(document(1), document(2, format=None), document(3, region_code=None))
    alerts = alerts_from_outcomes(validate_documents(docs, date(2026, 11, 23)), docs)
    assert [(a.check, a.severity, a.document_id) for a in alerts] == [
        ("required_metadata_present", "ERROR", f"{2:064x}"),
        ("descriptive_metadata_present", "WARN", f"{3:064x}"),
    ]
    error = alerts[0]
    assert error.report == "巫溪县民政局2024年工作总结 (reports/2.txt)"
    assert error.observed == "format=null (reports/2.txt)"
    assert error.query == (f"govreport query \"SELECT check_name, observed_value, evaluated_at FROM dq_results"
                           f" WHERE document_id = '{2:064x}' ORDER BY evaluated_at DESC\"")
    assert alerts[1].query.startswith('govreport query "SELECT source_path, title')
    assert alerts_from_outcomes(validate_documents(documents(document(1)), date(2026, 11, 23)),
                                pd.DataFrame()) == []


def test_settings_come_from_the_environment():
    settings = AlertSettings.from_env({
        "GOVREPORT_ALERT_FILE": "/var/alerts.jsonl",
        "GOVREPORT_ALERT_WEBHOOK_URL": "https://oapi.dingtalk.com/robot/send?access_token=t",
        "GOVREPORT_ALERT_WEBHOOK_FORMAT": "DingTalk",
        "GOVREPORT_ALERT_WEBHOOK_SECRET": "SEC1",
        "GOVREPORT_ALERT_SMTP_URL": "smtp://mail:25",
        "GOVREPORT_ALERT_EMAIL_TO": "a@example.org, b@example.org",
        "GOVREPORT_ALERT_STATE": "/var/sent.sqlite",
    })
    assert settings.jsonl_path == Path("/var/alerts.jsonl")
    assert settings.webhook_format == "dingtalk" and settings.webhook_secret == "SEC1"
    assert settings.email_to == ("a@example.org", "b@example.org")
    assert settings.email_from == "govreport@localhost"
    assert settings.state_path == Path("/var/sent.sqlite")
    defaults = AlertSettings.from_env({})
    assert defaults.jsonl_path == Path("data/alerts.jsonl") and defaults.webhook_url is None


def test_an_unknown_webhook_format_is_refused():
    with pytest.raises(ValueError, match="teams"):
        AlertSettings.from_env({"GOVREPORT_ALERT_WEBHOOK_FORMAT": "teams"})
