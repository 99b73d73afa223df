"""Data quality end to end: planted errors in real runs give the right ERROR/WARN outcomes,
quarantine, dq_results, Data Docs and alerts that arrive once. A report without a year is no
error: it loads with a WARN (the report_year policy); nor is a rule that raises on one sentence, nor
a date a check observed (its values reach the run's metadata as JSON)."""
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import dagster as dg
import duckdb
import pytest

from govreport.cli import main as govreport

AGENCY = "巫溪县民政局"


def report(year_text: str, body: str) -> str:
    return (f"{AGENCY}{year_text}工作总结\n一、主要工作\n{body}\n二、存在的问题\n人手不足。\n"
            f"{AGENCY}\n")


GOOD_2023 = report("2023年", "全年发放城乡低保资金1367.6万元，保障城乡低保对象17662人。")
# 万元 written as 元 the next year, and a coverage rate above 100%
SLIPPED_2024 = report("2024年", "全年发放城乡低保资金1385.2元，保障城乡低保对象17120人，养老服务覆盖率达120%。")
# no year anywhere: it loads with report_year null and a WARN
NO_YEAR = report("", "全年办理结婚登记1400对。")
# dated before the year it covers: publish_date_in_period fails with dates among its observed
# values (a real page did so, and the run once failed turning them into Dagster metadata)
EARLY_DATE = f"{AGENCY}2024年工作总结\n发布日期：2023-05-10\n一、主要工作\n全年办理收养登记9件。\n"
# read by an extractor that gets its offsets wrong (planted below): structurally wrong rows
BAD_OFFSETS = report("2024年", "全年办理离婚登记300对。")
# a subject rule raises on its second sentence (planted below): the report loads, that
# sentence's figure without a subject, and a WARN says where
RULE_BUG = report("2024年", "全年办理收养登记12件。全年救助流浪乞讨人员4242人次。")


class Hook(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Hook.received.append(json.loads(body))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture()
def webhook():
    Hook.received = []
    server = HTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/hook", Hook.received
    server.shutdown()


@pytest.fixture()
def env(tmp_path, monkeypatch, webhook, plant_subject_rule_bug):
    url, _ = webhook
    for name, value in {"GOVREPORT_WAREHOUSE": tmp_path / "w.duckdb", "GOVREPORT_INBOX": tmp_path / "inbox",
                        "GOVREPORT_QUARANTINE": tmp_path / "quarantine", "DAGSTER_HOME": tmp_path / "dagster",
                        "GOVREPORT_DQ_DOCS": tmp_path / "dq-docs", "GOVREPORT_ALERT_FILE": tmp_path / "alerts.jsonl",
                        "GOVREPORT_ALERT_STATE": tmp_path / "alerts.sqlite"}.items():
        monkeypatch.setenv(name, str(value))
    monkeypatch.setenv("GOVREPORT_ALERT_WEBHOOK_URL", url)
    monkeypatch.setenv("GOVREPORT_ALERT_WEBHOOK_FORMAT", "generic")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    files = {"wuxi-2023.txt": GOOD_2023, "wuxi-2024.txt": SLIPPED_2024, "no-year.txt": NO_YEAR,
             "bad-offsets.txt": BAD_OFFSETS, "rule-bug.txt": RULE_BUG, "early-date.txt": EARLY_DATE}
    for name, text in files.items():
        (inbox / name).write_text(text, encoding="utf-8")
    plant_offset_fault(monkeypatch)
    plant_subject_rule_bug(4242)
    return tmp_path


def plant_offset_fault(monkeypatch):
    """The parser workers (forked from this process) shift every offset of bad-offsets.txt by
    one character, as a broken extractor would."""
    from dataclasses import replace

    import transforms.batch

    original = transforms.batch.build_document

    def shifted(data, source_path):
        document = original(data, source_path)
        if source_path.endswith("bad-offsets.txt"):
            document.mentions = [replace(m, start=m.start + 1, end=m.end + 1) for m in document.mentions]
        return document

    monkeypatch.setattr(transforms.batch, "build_document", shifted)


def test_planted_errors(env, webhook, capsys):
    from orchestration.runner import run_ingest
    from orchestration.sensors import deliver_run_alerts

    _, received = webhook
    summary = run_ingest([])
    assert summary.success, summary.error
    failed = {(c.name, c.severity) for c in summary.checks if not c.passed}
    assert {("raw_matches_text", "ERROR"), ("report_year_present", "WARN"), ("no_tenfold_jump", "WARN"),
            ("percentage_in_range", "WARN"), ("rules_read_whole_document", "WARN"),
            ("publish_date_in_period", "WARN")} <= failed

    with duckdb.connect(str(env / "w.duckdb"), read_only=True) as con:
        loaded = {p.rsplit("/", 1)[1] for (p,) in con.execute("SELECT source_path FROM documents").fetchall()}
        statuses = dict(con.execute("SELECT regexp_extract(source_path, '[^/]+$'), status FROM ingest_log").fetchall())
        dq = con.execute("SELECT check_name, severity, passed, observed_value FROM dq_results"
                         " WHERE NOT passed ORDER BY check_name").fetchall()
        failures = con.execute("SELECT rule_failures FROM documents WHERE source_path LIKE '%rule-bug.txt'").fetchall()
        bug_figures = con.execute("SELECT value, subject FROM metrics JOIN documents USING (document_id)"
                                  " WHERE source_path LIKE '%rule-bug.txt' ORDER BY value").fetchall()
    # the ERROR document alone is kept out; the one without a year and the one a rule raised on load
    assert loaded == {"wuxi-2023.txt", "wuxi-2024.txt", "no-year.txt", "rule-bug.txt", "early-date.txt"}
    assert failures == [("sentence 3: IndexError: planted: list index out of range",)]
    assert bug_figures == [(12.0, "收养登记"), (4242.0, None)]
    assert statuses["bad-offsets.txt"] == "quarantined" and statuses["no-year.txt"] == "loaded"
    reason = next((env / "quarantine").glob("*bad-offsets.txt.reason.txt")).read_text(encoding="utf-8")
    assert "raw_matches_text" in reason
    assert {(name, severity) for name, severity, _, _ in dq} >= {("no_tenfold_jump", "WARN"), ("percentage_in_range", "WARN")}
    assert (env / "dq-docs" / "index.html").exists()

    alerts = [json.loads(line) for line in (env / "alerts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {a["check"] for a in alerts} >= {"raw_matches_text", "report_year_present", "no_tenfold_jump",
                                            "percentage_in_range", "rules_read_whole_document",
                                            "publish_date_in_period"}
    assert all(a["query"].startswith("govreport query") for a in alerts if a["document_id"])
    delivered = [a for payload in received for a in payload["alerts"]]
    assert {a["check"] for a in delivered} == {a["check"] for a in alerts}
    assert len(received) == 1 and received[0]["run_id"] == summary.run_id  # one message for the run

    # the daemon's sensor reads the same evaluations later: nothing goes out twice
    with dg.DagsterInstance.get() as instance:
        run = instance.get_run_by_id(summary.run_id)
        context = dg.build_run_status_sensor_context(
            sensor_name="data_quality_alerts", dagster_instance=instance, dagster_run=run,
            dagster_event=next(iter(instance.get_records_for_run(summary.run_id).records)).event_log_entry.dagster_event)
        assert ": 0 alert(s) sent (0 from earlier deliveries)" in deliver_run_alerts(context)
    assert len((env / "alerts.jsonl").read_text(encoding="utf-8").splitlines()) == len(alerts)
    assert sum(len(p["alerts"]) for p in received) == len(delivered)

    capsys.readouterr()
    assert govreport(["checks"]) == 0
    out = capsys.readouterr().out
    assert "no_tenfold_jump" in out and "Data Docs:" in out


def test_observed_values_become_json_whatever_their_type():
    """What a check observed goes into Dagster metadata as JSON: dates, numpy and pandas scalars,
    missing values and anything else a frame may hold."""
    from datetime import date
    from decimal import Decimal

    import numpy as np
    import pandas as pd

    from orchestration.quality import _plain

    observed = {"pairs": [(pd.Timestamp("2023-05-10"), date(2024, 1, 1))], "day": np.datetime64("2024-02-03"),
                "count": np.int64(3), "share": np.float64(0.5), "missing": [pd.NaT, float("nan"), None],
                "amount": Decimal("12.50")}
    assert json.loads(json.dumps(_plain(observed))) == {
        "pairs": [["2023-05-10T00:00:00", "2024-01-01"]], "day": "2024-02-03", "count": 3, "share": 0.5,
        "missing": [None, None, None], "amount": "12.50"}
    dg.MetadataValue.json(_plain(observed))  # what the check results carry
