"""Fixtures of the web app tests (`pytest_plugins = ["tests.analyst_fixtures", "tests.web_fixtures"]`):
the sample warehouse `make run` builds (tests/analyst_fixtures.py, built once per session),
`govreport web` serving it on a free loopback port, and headless Chromium driven by Selenium
(Debian's chromium and chromium-driver; .ci/run installs them)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from govreport.settings import DEFAULTS

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--lang=zh-CN")
WINDOW = (1280, 900)


@dataclass(frozen=True)
class SampleSite:
    """The settings folder of the sample warehouse and the environment naming it."""

    folder: Path
    env: dict[str, str]

    @property
    def warehouse(self) -> Path:
        return Path(self.env["GOVREPORT_WAREHOUSE"])


@dataclass(frozen=True)
class WebServer:
    url: str
    process: subprocess.Popen
    site: SampleSite

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body of a GET (errors included, not raised)."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=60) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()


def settings_env(folder: Path) -> dict[str, str]:
    """os.environ with every govreport setting inside `folder` (as the conftest does per test)."""
    env = {**os.environ, "DAGSTER_DISABLE_TELEMETRY": "1", "GX_ANALYTICS_ENABLED": "false"}
    env.update({name: str(folder / Path(default).name) for name, default in DEFAULTS.items()})
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def sample_site(analyst_warehouse) -> SampleSite:
    """The settings folder of the warehouse `make run` builds from the samples."""
    folder = analyst_warehouse.parent
    return SampleSite(folder, settings_env(folder))


def start_server(site: SampleSite, warehouse: Path | None = None) -> WebServer:
    port = free_port()
    args = [sys.executable, "-m", "govreport", "web", "--port", str(port)]
    if warehouse is not None:
        args += ["--warehouse", str(warehouse)]
    process = subprocess.Popen(args, env=site.env, cwd=site.folder,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    server = WebServer(f"http://127.0.0.1:{port}", process, site)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"govreport web exited: {process.stdout.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError("govreport web did not start listening within 60 s")


def stop_server(server: WebServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="session")
def web(sample_site) -> WebServer:
    """`govreport web` serving the sample warehouse."""
    server = start_server(sample_site)
    yield server
    stop_server(server)


def require_chromium() -> None:
    """Skip without Debian's Chromium on a developer's machine; in CI (.ci/run installs it) fail."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        reason = f"{', '.join(missing)} missing: apt-get install -y chromium chromium-driver fonts-noto-cjk"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Headless Chromium with a new, empty profile and no way to the network but loopback."""
    require_chromium()
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager: never download a driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.add_argument(f"--window-size={WINDOW[0]},{WINDOW[1]}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
