import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLES = ROOT / "data" / "samples"
GOLD = ROOT / "tests" / "fixtures" / "gold" / "seeds"
SAMPLE_FIXTURES = ROOT / "tests" / "fixtures" / "samples"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture()
def plant_subject_rule_bug(monkeypatch):
    """A function making the subject rule raise on any sentence holding a figure of the value
    given, as a rule's bug would (worker processes forked afterwards inherit it)."""
    import transforms.extract

    def plant(value: float) -> None:
        original = transforms.extract.name_subjects

        def crashing(stream, sentence_start, quantities, memory):
            if any(q.value == value for q in quantities):
                raise IndexError("planted: list index out of range")
            return original(stream, sentence_start, quantities, memory)

        monkeypatch.setattr(transforms.extract, "name_subjects", crashing)

    return plant


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        pytest.skip(f"the real seed reports are not beside the checkout ({SEEDS})")
    return files


def pytest_addoption(parser):
    parser.addoption("--dagster-storage", choices=["sqlite", "postgres"], default="sqlite",
                     help="the Dagster instance storage of the tests' DAGSTER_HOME: postgres starts a "
                          "PostgreSQL server for the session and gives each test a database of its own")


@pytest.fixture(scope="session")
def postgres_server(request):
    """A PostgreSQL server for the session when --dagster-storage=postgres, else None."""
    if request.config.getoption("--dagster-storage") != "postgres":
        yield None
        return
    from benchmarks.services import postgres

    folder = Path(tempfile.mkdtemp(prefix="govreport-test-pg-"))
    os.chmod(folder, 0o755)
    try:
        with postgres(folder / "pg") as url:
            yield url
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, monkeypatch, postgres_server):
    """Every setting with a default under data/ or .dagster/ points into a fresh temporary
    folder, so no test writes into the project's warehouse, alerts or Dagster instance; with
    --dagster-storage=postgres that instance keeps its runs in a fresh PostgreSQL database."""
    from govreport.settings import DEFAULTS

    root = tmp_path_factory.mktemp("settings")
    for name, default in DEFAULTS.items():
        monkeypatch.setenv(name, str(root / Path(default).name))
    if postgres_server:
        _postgres_instance(Path(os.environ["DAGSTER_HOME"]), postgres_server, root.name.replace("-", "_"))
    return root


def _postgres_instance(home: Path, server_url: str, database: str) -> None:
    """A dagster.yaml of the local profile with its storage in a new database (written without
    our first line, so the commands keep it instead of rewriting it for SQLite)."""
    import psycopg2

    from govreport.settings import Settings
    from orchestration.instance import dagster_yaml

    url = server_url.rsplit("/", 1)[0]
    con = psycopg2.connect(url.replace("postgresql+psycopg2", "postgresql") + "/dagster")
    try:
        con.autocommit = True  # CREATE DATABASE runs outside a transaction
        con.cursor().execute(f"CREATE DATABASE {database}")
    finally:
        con.close()
    settings = Settings.from_env({**os.environ, "GOVREPORT_PROFILE": "cluster",
                                  "GOVREPORT_POSTGRES_URL": f"{url}/{database}"})
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").write_text(dagster_yaml(settings).split("\n", 1)[1], encoding="utf-8")
