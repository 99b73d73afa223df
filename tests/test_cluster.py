"""The `cluster` profile for real: PostgreSQL instance storage, the daemon's run queue, a Redis
broker and two Celery workers (one of them on the "warehouse host"), an ingest of generated
reports; the warehouse must equal what `local` makes of the same files."""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from benchmarks.services import celery_worker, daemon, postgres, redis
from conftest import ROOT
from expectations import DOCUMENT_CHECKS, HISTORY_CHECKS, METRIC_CHECKS

REPORTS = 16  # a few dozen at most: CI's 2 cores
CHUNK_FILES = 4  # several chunk steps for two workers to share
# what differs between two loads of the same files: when, and by which run
RUN_COLUMNS = {"documents": ["first_seen_run", "loaded_at"], "ingest_log": ["run_id", "first_seen", "last_seen"]}
COMPARED = ("documents", "sections", "sentences", "sentence_terms", "metrics", "ingest_log")


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    from benchmarks.generate import generate

    folder = tmp_path_factory.mktemp("generated")
    generate(folder, REPORTS, seed=7, broken_share=0.1, workers=1)
    return folder / "reports"


def settings_env(work: Path, **extra) -> dict:
    env = {**os.environ, "DAGSTER_DISABLE_TELEMETRY": "1", "GX_ANALYTICS_ENABLED": "false",
           "GOVREPORT_CHUNK_FILES": str(CHUNK_FILES), "PYTHONPATH": str(ROOT)}
    for name, folder in {"GOVREPORT_WAREHOUSE": "warehouse.duckdb", "GOVREPORT_INBOX": "inbox",
                         "GOVREPORT_QUARANTINE": "quarantine", "DAGSTER_HOME": "dagster",
                         "GOVREPORT_DQ_DOCS": "dq-docs", "GOVREPORT_ALERT_FILE": "alerts.jsonl",
                         "GOVREPORT_ALERT_STATE": "alerts.sqlite", "GOVREPORT_SHARED": "shared"}.items():
        env[name] = str(work / folder)
    return {**env, **extra}


def ingest(env: dict, folder: Path) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "govreport", "ingest", str(folder)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    print(done.stderr[-4000:], done.stdout[-2000:], sep="\n")  # shown with -s or when the test fails
    return done


def test_an_ingest_on_the_cluster_equals_the_local_one(reports, tmp_path):
    services = Path(tempfile.mkdtemp(prefix="govreport-cluster-"))
    os.chmod(services, 0o755)
    try:
        with postgres(services / "pg") as postgres_url, redis(services) as broker:
            env = settings_env(tmp_path / "cluster", GOVREPORT_PROFILE="cluster",
                               GOVREPORT_POSTGRES_URL=postgres_url, GOVREPORT_CELERY_BROKER=broker)
            subprocess.run([sys.executable, "-m", "orchestration.instance"], env=env, cwd=ROOT, check=True)
            with daemon(env, services / "daemon.log"), \
                    celery_worker(env, "warehouse", "dagster,warehouse", services), \
                    celery_worker(env, "chunks", "dagster", services):
                done = ingest(env, reports)
            assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
            run_id = done.stdout.split("run ", 1)[1].split(":", 1)[0]
            home = env["DAGSTER_HOME"]
            os.environ["DAGSTER_HOME"] = home  # the test process reads the same PostgreSQL instance
            try:
                with dg.DagsterInstance.from_config(home) as instance:
                    assert instance.get_run_by_id(run_id).status == dg.DagsterRunStatus.SUCCESS
                    workers = step_workers(instance, run_id)
                    evaluations = [r for r in instance.all_logs(run_id)
                                   if r.dagster_event and r.dagster_event.event_type_value == "ASSET_CHECK_EVALUATION"]
                    assert type(instance.run_storage).__name__ == "PostgresRunStorage"
            finally:
                os.environ.pop("DAGSTER_HOME")
        chunk_hosts = {worker.split("@")[0] for step, worker in workers.items() if "extract_chunk[" in step}
        assert chunk_hosts == {"warehouse", "chunks"}, workers  # both workers ran chunk steps
        assert workers["warehouse_tables"].startswith("warehouse@")  # the load on the warehouse host
        assert len(evaluations) == len(DOCUMENT_CHECKS) + len(METRIC_CHECKS) + len(HISTORY_CHECKS)
    finally:
        import shutil

        shutil.rmtree(services, ignore_errors=True)

    local_env = settings_env(tmp_path / "local", GOVREPORT_PROFILE="local")
    local = ingest(local_env, reports)
    assert local.returncode == 0, local.stdout[-3000:] + local.stderr[-3000:]
    assert_same_warehouse(env["GOVREPORT_WAREHOUSE"], local_env["GOVREPORT_WAREHOUSE"])


def step_workers(instance, run_id: str) -> dict[str, str]:
    """Each step of the run and the Celery worker that executed it (dagster-celery's event)."""
    workers = {}
    for record in instance.all_logs(run_id):
        event = record.dagster_event
        if event and event.event_type_value == "ENGINE_EVENT" and event.step_key:
            worker = event.engine_event_data.metadata.get("Celery worker")
            if worker is not None:
                workers[event.step_key] = worker.value
    return workers


def assert_same_warehouse(cluster: str, local: str) -> None:
    with duckdb.connect() as con:
        con.execute(f"ATTACH '{cluster}' AS cluster (READ_ONLY)")
        con.execute(f"ATTACH '{local}' AS local (READ_ONLY)")
        for table in COMPARED:
            excluded = RUN_COLUMNS.get(table)
            columns = f"* EXCLUDE ({', '.join(excluded)})" if excluded else "*"
            counts = [con.execute(f"SELECT count(*) FROM {db}.{table}").fetchall()[0][0] for db in ("cluster", "local")]
            assert counts[0] == counts[1] and counts[0] > 0, (table, counts)
            for a, b in (("cluster", "local"), ("local", "cluster")):
                (differing,) = con.execute(f"SELECT count(*) FROM (SELECT {columns} FROM {a}.{table}"
                                           f" EXCEPT ALL SELECT {columns} FROM {b}.{table})").fetchall()[0]
                assert differing == 0, f"{table}: {differing} row(s) of the {a} warehouse not in the {b} one"
        (results,) = con.execute("SELECT count(*) FROM (SELECT check_name, passed, document_id FROM cluster.dq_results"
                                 " EXCEPT ALL SELECT check_name, passed, document_id FROM local.dq_results)").fetchall()[0]
        assert results == 0
