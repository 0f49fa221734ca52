"""Hostile input to the later build steps: the PDF fetcher, the script hashes in the Content
Security Policy, interrupted builds and `make serve`."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import IO

import pytest

from macros.headers import UnreviewedScriptError, inline_script_hashes
from macros.navigation import read_config

from sites import ENV, ROOT, fingerprint, fixture_project, page_with, publish

PAGE = "docs/chapter-one/first-page.md"


# --- PDF: the fetcher loads files of the built site and nothing else -------------------------
PDF_CASES = {
    "https-image": "![x](https://example.org/x.png)",
    "http-image": "![x](http://example.org/x.png)",
    "protocol-relative-image": '<img src="//example.org/x.png" alt="x">',
    "local-network-image": "![x](http://127.0.0.1:9/x.png)",
    "html-https-image": '<img src="https://example.org/y.png" alt="y">',
    # Written past the page check, as a reference: the allowlist on the page's HTML takes the
    # other host's address off the image, so neither the PDF step nor a reader fetches it.
    "reference-image": "![x][remote]\n\n[remote]: https://example.org/z.png",
}


@pytest.mark.slow
@pytest.mark.parametrize("body", PDF_CASES.values(), ids=list(PDF_CASES))
def test_the_pdf_step_fetches_nothing_outside_the_site(
    body: str, tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    connections: list[object] = []
    real_connect = socket.socket.connect

    def record(self: socket.socket, address: object) -> None:
        connections.append(address)
        real_connect(self, address)

    # The PDF step runs in this process: any connection it tried would be recorded here.
    monkeypatch.setattr(socket.socket, "connect", record)
    project = fixture_project(tmp_path / "project", files={PAGE: page_with(PAGE, body)})
    target = tmp_path / "site"

    code = publish(project, target, pdf=True, offline=False)

    printed = "".join(capfd.readouterr())
    assert "Traceback" not in printed
    assert connections == []
    assert not list(project.glob(".site-*"))
    if "[remote]" in body:
        assert code == 0, printed[-2000:]
        page = (target / "chapter-one/first-page/index.html").read_text(encoding="utf-8")
        assert "example.org/z.png" not in page
        return
    # Refused before any step runs, where `make check` names it too.
    assert code == 1
    line = page_with(PAGE, body).count("\n")  # the body is the last line
    assert f"In {PAGE}:\n  - line {line}: Images must be files in docs/" in printed, printed
    assert not target.exists()


def test_the_pdf_fetcher_refuses_files_outside_the_site(tmp_path: Path) -> None:
    from macros.pdf.fetcher import FetchRefusedError, SiteFetcher  # noqa: PLC0415 (slow)

    site = tmp_path / "site"
    site.mkdir()
    (site / "in.png").write_bytes(b"inside")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (site / "link.png").symlink_to(tmp_path / "secret.txt")
    fetcher = SiteFetcher(site, '<section class="page" id="p-a"><img src="link.png"></section>')
    assert fetcher.local_file((site / "in.png").as_uri()) == (site / "in.png").resolve()
    for url in (
        (site / "link.png").as_uri(),
        (tmp_path / "secret.txt").as_uri(),
        (site / ".." / "secret.txt").as_uri(),
        "file:///proc/self/environ",
        "file://example.org/x.png",
        "data:text/plain,hello",
    ):
        with pytest.raises(FetchRefusedError):
            fetcher.fetch(url)
    with pytest.raises(FetchRefusedError, match=r"the page 'p-a' asked for"):
        fetcher.check("A chapter PDF")


def test_rendering_a_pdf_with_remote_images_opens_no_connection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from macros.pdf.fetcher import FetchRefusedError  # noqa: PLC0415 (slow to import)
    from macros.pdf.render import render_pdf  # noqa: PLC0415

    connections: list[object] = []
    monkeypatch.setattr(
        socket.socket, "connect", lambda _self, address: connections.append(address)
    )
    html = (
        '<html lang="en"><body><section class="page" id="p-a"><h1>A</h1>'
        '<img src="https://example.org/a.png" alt="a"><img src="http://10.0.0.1/b.png" alt="b">'
        "<style>@import url(https://example.org/c.css);</style></section></body></html>"
    )
    with pytest.raises(FetchRefusedError, match=r"the page 'p-a' asked for https://example\.org/a"):
        render_pdf(html, tmp_path.as_uri() + "/")
    assert connections == []


# --- Content Security Policy: only reviewed inline scripts are hashed ------------------------
SCOPE = (
    '__md_scope=new URL("..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.'
    "charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t."
    'pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname'
    '+"."+e,JSON.stringify(_))}catch(e){}}'
)
UNREVIEWED = {
    "plain-script": "<script>alert(1)</script>",
    "reviewed-then-more": f"<script>{SCOPE};alert(1)</script>",
    "quote-in-path": "<script>" + SCOPE.replace('"..",', '"..",alert(1),"",') + "</script>",
    "module-script": '<script type="module">alert(1)</script>',
    "redirect-to-script": (
        '<script>var anchor=window.location.hash.substr(1);location.href="javascript:alert(1)"'
        '+(anchor?"#"+anchor:"")</script>'
    ),
    "text-type": '<script type="text/javascript">alert(1)</script>',
}


@pytest.mark.parametrize("script", UNREVIEWED.values(), ids=list(UNREVIEWED))
def test_an_unreviewed_inline_script_is_never_hashed(script: str) -> None:
    with pytest.raises(UnreviewedScriptError, match=r"evil/index\.html"):
        inline_script_hashes([("evil/index.html", f"<html><body>{script}</body></html>")])


def test_reviewed_scripts_are_hashed() -> None:
    assert len(inline_script_hashes([("a.html", f"<script>{SCOPE}</script>")])) == 1


@pytest.mark.slow
def test_script_in_a_page_is_removed_and_never_allowed_by_the_policy(tmp_path: Path) -> None:
    body = "<script>window.__hacked=1</script>\n\n<div onclick='x()'>a</div>"
    project = fixture_project(tmp_path / "project", files={PAGE: page_with(PAGE, body)})
    target = tmp_path / "site"
    assert publish(project, target, pdf=False, offline=False) == 0
    html = (target / "chapter-one/first-page/index.html").read_text(encoding="utf-8")
    assert "__hacked" not in html
    assert "onclick" not in html
    policy = (target / "_headers").read_text(encoding="utf-8")
    reviewed = inline_script_hashes(
        (str(path), path.read_text(encoding="utf-8")) for path in target.rglob("*.html")
    )
    assert sorted(re.findall(r"'sha256-[^']+'", policy)) == reviewed


# --- Housekeeping: an interrupted build leaves nothing behind --------------------------------
# A hook added to the fixture's first MkDocs step: once that step has written its pages into
# the staging folder, it says so and waits to be stopped, so the signal always reaches a build
# that is under way, however busy the machine.
PAUSE_HOOK = """\"\"\"Say the staging folder has pages in it, then wait for the test's signal.\"\"\"

import os
import signal


def on_post_build(config):
    if config["site_dir"].endswith("html"):
        print(f"PAUSED {os.getpid()} {config['site_dir']}", flush=True)
        while True:
            signal.pause()
"""


STOPS = {
    "ctrl-c": (signal.SIGINT, False),
    # A shell's background job starts with Ctrl-C ignored, as `make check &` would.
    "ctrl-c-in-the-background": (signal.SIGINT, True),
    "sigterm": (signal.SIGTERM, False),
    "sighup": (signal.SIGHUP, False),
}


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "ignoring_ctrl_c"), STOPS.values(), ids=list(STOPS))
def test_an_interrupted_build_leaves_nothing_behind(
    signum: int, tmp_path: Path, *, ignoring_ctrl_c: bool
) -> None:
    hooks = [*read_config(ROOT / "mkdocs.yml")["hooks"], "pause.py"]
    project = fixture_project(
        tmp_path / "project", files={"pause.py": PAUSE_HOOK}, settings={"hooks": hooks}
    )
    (project / "site").mkdir()
    (project / "site" / "old.html").write_text("old", encoding="utf-8")
    before = fingerprint(project / "site")
    script = ROOT / "scripts" / "build.py"
    runner = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('b', {str(script)!r})\n"
        "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n"
        f"sys.exit(m.build(__import__('pathlib').Path({str(project)!r})))\n"
    )
    ignore = signal.SIG_IGN if ignoring_ctrl_c else signal.SIG_DFL
    process = subprocess.Popen(
        [sys.executable, "-c", runner],
        cwd=project,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, ignore),  # noqa: PLW1509 (test only)
    )
    assert process.stdout is not None
    lines = []
    for line in process.stdout:  # until the first step reports, or the build ends
        lines.append(line)
        if line.startswith(b"PAUSED "):
            break
    else:
        pytest.fail("the build ended before its first step finished:\n" + b"".join(lines).decode())
    step = int(line.split()[1])
    assert list(project.glob(".site-*/html/*")), "the first step wrote nothing"
    if signum == signal.SIGINT:
        os.killpg(process.pid, signum)  # Ctrl-C reaches every process in the terminal's group
    else:
        process.send_signal(signum)
    try:
        rest, _ = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"the build did not stop on signal {signum}")
    output = b"".join(lines) + rest
    assert process.returncode == 130, output.decode()[-2000:]
    # The step was stopped and waited for before the staging folder went, so nothing refills it.
    with pytest.raises(ProcessLookupError):
        os.kill(step, 0)
    assert not list(project.glob(".site-*")), output.decode()[-2000:]
    assert fingerprint(project / "site") == before
    assert b"Traceback" not in output
    assert b"The build was stopped" in output


def test_make_lock_installs_a_pinned_hash_checked_tool() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lock = makefile.split("\nlock:", 1)[1].split("\n\n", 1)[0]
    installs = [line for line in lock.splitlines() if "pip install" in line]
    assert installs
    assert all("--require-hashes" in line for line in installs)
    tool = (ROOT / "requirements-lock-tool.txt").read_text(encoding="utf-8")
    assert re.search(r"^uv==\d+\.\d+\.\d+ \\$", tool, re.MULTILINE)
    assert len(re.findall(r"--hash=sha256:[0-9a-f]{64}", tool)) >= 2


# --- `make serve` on a hostile page: nothing runs; the error shows in terminal and browser ----
@pytest.mark.slow
def test_serve_shows_the_problem_and_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "MARKER"
    payload = f"{{{{ cycler.__init__.__globals__.os.system('touch {marker}') }}}}"
    project = fixture_project(tmp_path / "project", files={PAGE: page_with(PAGE, payload)})
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        command, cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    assert process.stdout is not None
    try:
        before = _until_serving(process.stdout)
        url = f"http://127.0.0.1:{port}/handbook/chapter-one/first-page/"
        # The server listens before it says so; the page is asked for once, when it is ready.
        with urllib.request.urlopen(url, timeout=120) as response:
            page = response.read().decode("utf-8")
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=60)
    terminal = before + output.decode()
    assert "The handbook cannot be built" in page
    assert "docs/chapter-one/first-page.md" in page
    assert "Pages may only call the handbook" in page
    assert "docs/chapter-one/first-page.md" in terminal
    assert "Pages may only call the handbook" in terminal
    assert "Traceback" not in terminal
    assert not marker.exists()


def _until_serving(stream: IO[bytes]) -> str:
    """Read `mkdocs serve`'s log until it says it is serving; fail if it ends first."""
    lines = []
    for line in stream:
        lines.append(line.decode())
        if "Serving on http://" in lines[-1]:
            return "".join(lines)
    pytest.fail("mkdocs serve stopped before serving:\n" + "".join(lines))


# --- Limits: the time limit on turning one page into HTML ------------------------------------
def test_the_page_time_limit_stops_a_slow_step() -> None:
    from macros import watchdog  # noqa: PLC0415

    assert watchdog.start(0.2, lambda: TimeoutError("docs/slow.md: too slow"))
    with pytest.raises(TimeoutError, match=r"docs/slow\.md"):
        time.sleep(5)
    assert watchdog.start(0.2, lambda: TimeoutError("never"))
    watchdog.stop()
    time.sleep(0.4)  # stopped in time: nothing is raised
