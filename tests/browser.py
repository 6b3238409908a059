"""Drive Debian's headless chromium (through its chromedriver) for the browser tests.

Nothing is downloaded: selenium is pointed at /usr/bin/chromium and /usr/bin/chromedriver
(``apt-get install chromium chromium-driver``; ``.ci/run`` installs them). When they are
missing the tests are skipped with the reason, or fail when ``FRTONE_REQUIRE_BROWSER=1``
(as in CI).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)


def chromium_paths() -> tuple[str, str]:
    """Paths of chromium and chromedriver; skip, or fail under FRTONE_REQUIRE_BROWSER=1."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if browser and driver:
        return browser, driver
    message = (
        "headless chromium is missing: apt-get install -y chromium chromium-driver "
        "(bash .ci/run does it)"
    )
    if os.environ.get("FRTONE_REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


def start_driver(width: int = 1280, height: int = 900) -> Iterator[Any]:
    """Start a headless chromium session with a fresh profile; yield the driver."""
    browser, driver_path = chromium_paths()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # selenium-manager must never download
    profile = tempfile.mkdtemp(prefix="frtone-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    # a window is at least 500 px wide: emulate a phone's viewport below that
    drv.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500},
    )
    try:
        yield drv
    finally:
        drv.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver: Any, path: Path) -> list[dict[str, Any]]:
    """Load ``path`` and return the console messages it logged."""
    driver.get_log("browser")  # drop what an earlier page logged
    driver.get(path.resolve().as_uri())
    messages: list[dict[str, Any]] = driver.get_log("browser")
    return messages


def errors(messages: list[dict[str, Any]]) -> list[str]:
    """Console messages at error level (SEVERE), as text."""
    return [m["message"] for m in messages if m.get("level") == "SEVERE"]
