import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLES = ROOT / "data" / "samples"
GOLD = ROOT / "tests" / "fixtures" / "gold" / "seeds"
SAMPLE_FIXTURES = ROOT / "tests" / "fixtures" / "samples"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        pytest.skip(f"the real seed reports are not beside the checkout ({SEEDS})")
    return files


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, monkeypatch):
    """Every setting with a default under data/ or .dagster/ points into a fresh temporary
    folder, so no test writes into the project's warehouse, alerts or Dagster instance."""
    from govreport.settings import DEFAULTS

    root = tmp_path_factory.mktemp("settings")
    for name, default in DEFAULTS.items():
        monkeypatch.setenv(name, str(root / Path(default).name))
    return root
